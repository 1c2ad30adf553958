from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Citizens' voices"), "voices:public_home", order=60),
    NavItem(_("Handle opinions"), "voices:manage_opinions", "voices.manage_opinions", order=61),
]
