from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from kyodo.accounts.models import Department, User


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ["bureau", "name", "code", "sort_order", "is_active"]
    search_fields = ["bureau", "name", "name_kana", "code"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "display_name", "department", "email", "is_active"]
    list_select_related = ["department"]
    list_filter = ["groups", "department", "is_active"]
    search_fields = ["username", "display_name", "display_name_kana", "email"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Kyodo"), {"fields": ("display_name", "display_name_kana", "department")}),
    )
