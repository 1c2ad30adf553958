from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kyodo.guideline.models import Checklist


@admin.register(Checklist)
class ChecklistAdmin(SimpleHistoryAdmin):
    """Titles and explanations only: questions change through the revision page (versions)."""

    list_display = ["title", "kind", "section", "sort_order"]
    list_filter = ["kind"]
