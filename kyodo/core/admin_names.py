"""The admin site in Japanese (issue 17-6): its own title, and names for the apps and models
that libraries bring (django-axes' login attempts, django-tasks' results) where those
libraries give English only. Applied once from CoreConfig.ready."""

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# Model names as the libraries spell them (lazily translated there, English only): listed
# here so that the project's catalogue carries their Japanese.
LIBRARY_MODEL_NAMES = [
    _("access attempt"),
    _("access attempts"),
    _("access failure"),
    _("access failures"),
    _("access log"),
    _("access logs"),
    _("access attempt expiration"),
    _("access attempt expirations"),
    _("Task Result"),
    _("Task Results"),
]

APP_NAMES = {
    "axes": _("Login attempts and lockouts"),
    "django_tasks_database": _("Background tasks"),
}


def install() -> None:
    admin.site.site_header = _("Kyodo administration")
    admin.site.site_title = _("Kyodo administration")
    admin.site.index_title = _("Site administration")
    for label, name in APP_NAMES.items():
        if apps.is_installed(label) or label in apps.app_configs:
            apps.get_app_config(label).verbose_name = name
