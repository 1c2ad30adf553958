from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kyodo.core.models import Municipality


class ReadOnlyAdminMixin:
    """For admin classes and inlines that show records the app's services alone may change."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "prefecture", "code", "is_demo"]
