from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Partners"), "partners:list", "partners.view_partner_list", order=30),
]
