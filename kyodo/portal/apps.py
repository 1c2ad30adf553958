from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "kyodo.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self):
        from kyodo.portal import search

        search.register()
