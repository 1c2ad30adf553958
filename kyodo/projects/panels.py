"""Home page blocks: "my projects" for staff, "our projects" for partner members."""

from kyodo.accounts.roles import Role
from kyodo.core.plugins import Panel
from kyodo.projects.selectors import projects_of_department, projects_of_partner_member


def panels(request, role) -> list[Panel]:
    user = request.user
    if role in (Role.STAFF, Role.COORDINATOR):
        return [
            Panel(
                "projects/_panel_staff.html",
                {"projects": projects_of_department(user.department), "user": user},
            )
        ]
    if role == Role.PARTNER_MEMBER:
        return [
            Panel("projects/_panel_partner.html", {"projects": projects_of_partner_member(user)})
        ]
    return []
