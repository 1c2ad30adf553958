from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kyodo.core"
    label = "core"
    verbose_name = _("Kyodo core")

    def ready(self):
        # Every form text field in every app cleans control characters and line ends (12.6);
        # installed here so that it never depends on which module is imported first.
        from kyodo.core.forms import install_field_named_errors, install_text_cleaning

        install_text_cleaning()
        # Every empty required field says which one it is (「事業名を入力してください。」).
        install_field_named_errors()
        # Every saved or deleted record bumps the version computed figures are cached under.
        from kyodo.core import records_version

        records_version.install()
        from kyodo.core import admin_names

        admin_names.install()

        # Public pages are cached whole by the "site" version: any save of the city, including
        # the admin site's and the tests' factories', renders them again (kyodo.core.city).
        from django.db.models.signals import post_delete, post_save

        from kyodo.core.models import Municipality

        post_save.connect(_city_changed, sender=Municipality, dispatch_uid="kyodo-city-saved")
        post_delete.connect(_city_changed, sender=Municipality, dispatch_uid="kyodo-city-deleted")


def _city_changed(**kwargs):
    from kyodo.core.city import municipality_changed

    municipality_changed()
