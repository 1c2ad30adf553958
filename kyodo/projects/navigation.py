from django.utils.translation import gettext_lazy as _

from kyodo.core.plugins import NavItem

NAV_ITEMS = [NavItem(_("Projects"), "projects:list", perm="projects.list_projects", order=20)]
