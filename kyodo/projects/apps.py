from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "kyodo.projects"
    label = "projects"
    verbose_name = _("Collaborative projects")

    def ready(self):
        from kyodo.projects import search

        search.register()
