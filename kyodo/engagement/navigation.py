from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Promotion measures"), "engagement:hub", perm="engagement.view_dialogue", order=45),
    # Partner members reach the same address: it shows their lectures, agreements and issues.
    NavItem(
        _("Our collaboration with the city"),
        "engagement:hub",
        perm="engagement.view_partner_engagement",
        order=46,
    ),
]
