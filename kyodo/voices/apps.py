from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoicesConfig(AppConfig):
    name = "kyodo.voices"
    label = "voices"
    verbose_name = _("Citizens' voices")

    def ready(self):
        from kyodo.voices import search

        search.register()
