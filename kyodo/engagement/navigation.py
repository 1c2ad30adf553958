from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Promotion measures"), "engagement:hub", perm="engagement.view_dialogue", order=45),
]
