from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "kyodo.partners"
    label = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from kyodo.partners import search

        search.register()
