from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kyodo.core.search"
    label = "search"
    # Not shown anywhere (no admin, no pages), so not translated.
    verbose_name = "Search index"
    default_auto_field = "django.db.models.BigAutoField"
