from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kyodo.core.models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "prefecture", "code", "is_demo"]
