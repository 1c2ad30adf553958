from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kyodo.projects.models import PlanArea


@admin.register(PlanArea)
class PlanAreaAdmin(SimpleHistoryAdmin):
    """The comprehensive-plan areas are data a coordinator may extend."""

    list_display = ["name", "sort_order"]
