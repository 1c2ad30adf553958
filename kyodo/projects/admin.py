from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin
from kyodo.projects.models import PlanArea


@admin.register(PlanArea)
class PlanAreaAdmin(KyodoHistoryAdmin):
    """The comprehensive-plan areas are data a coordinator may extend."""

    list_display = ["name", "sort_order"]
