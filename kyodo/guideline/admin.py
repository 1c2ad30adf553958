from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin
from kyodo.guideline.models import Checklist


@admin.register(Checklist)
class ChecklistAdmin(KyodoHistoryAdmin):
    """Titles and explanations only: questions change through the revision page (versions)."""

    list_display = ["title", "kind", "section", "sort_order"]
    list_filter = ["kind"]
