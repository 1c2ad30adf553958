from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "kyodo.calls"
    label = "calls"
    verbose_name = _("Open calls and selection")

    def ready(self):
        from kyodo.calls import search

        search.register()
