from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin
from kyodo.guideline.models import Checklist, GuidelineText, ModelClause


@admin.register(Checklist)
class ChecklistAdmin(KyodoHistoryAdmin):
    """Titles and explanations only: questions change through the revision page (versions)."""

    list_display = ["title", "kind", "section", "sort_order"]
    list_filter = ["kind"]


@admin.register(GuidelineText)
class GuidelineTextAdmin(KyodoHistoryAdmin):
    """The guideline's text as the portal shows it; normally replaced by `city_load`."""

    list_display = ["title", "issued", "issuer"]


@admin.register(ModelClause)
class ModelClauseAdmin(KyodoHistoryAdmin):
    """The city's model clauses by collaboration form (loaded from the city file)."""

    list_display = ["title", "form", "key", "order"]
    list_filter = ["form"]
