from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Events"), "portal:event_list", order=40),
    NavItem(_("News"), "portal:news_list", order=50),
    NavItem(_("Open data"), "portal:opendata", order=80),
    NavItem(_("Publish events and news"), "portal:manage_home", "portal.manage_items", order=90),
]

NAV_ITEMS += [
    NavItem(_("Public projects"), "portal:project_list", order=42),
    NavItem(_("Partner directory"), "portal:partner_list", order=44),
    NavItem(_("Promoting collaboration"), "portal:engagement", order=46),
    NavItem(pgettext_lazy("portal page", "Search"), "portal:search", order=85),
]
