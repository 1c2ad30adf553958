from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "kyodo.engagement"
    label = "engagement"
    verbose_name = _("Promotion measures")

    def ready(self):
        from kyodo.engagement import search

        search.register()
