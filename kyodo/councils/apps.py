from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "kyodo.councils"
    label = "councils"
    verbose_name = _("Councils")

    def ready(self):
        from kyodo.councils import search

        search.register()
