from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Councils"), "councils:public_list", order=45),
    NavItem(_("Manage councils"), "councils:list", perm="councils.view_council", order=46),
    NavItem(
        _("Follow-up of our councils"),
        "councils:my_followups",
        perm="councils.view_my_followups",
        order=47,
    ),
]
