from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [
    NavItem(_("Guideline checklists"), "guideline:list", perm="guideline.view_checklists", order=80)
]
