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
