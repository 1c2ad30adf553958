from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Open calls"), "calls:public_list", order=40),
    NavItem(_("Manage calls"), "calls:manage_list", perm="calls.manage_calls", order=41),
]
