from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Dashboard"), "reports:dashboard", perm="reports.view_dashboard", order=15),
    NavItem(_("Annual collaboration report"), "reports:public_list", order=47),
]
