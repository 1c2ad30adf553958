from kyodo.accounts.roles import Role
from kyodo.core.plugins import Panel
from kyodo.partners.selectors import partners_of


def panels(request, role) -> list[Panel]:
    if role != Role.PARTNER_MEMBER:
        return []
    return [
        Panel(
            "partners/panel_partner.html",
            {"partners": list(partners_of(request.user).order_by("name_kana", "name"))},
        )
    ]
