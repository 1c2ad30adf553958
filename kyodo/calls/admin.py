"""Read-only admin pages: calls, scores and grants change only through the services (which
lock criteria, enforce the deadline and keep evaluation blind), so the admin site only shows
records and their history."""

from django.contrib import admin

from kyodo.calls.models import Application, Call, Grant
from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin


class ReadOnlyAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    pass


@admin.register(Call)
class CallAdmin(ReadOnlyAdmin):
    list_display = ["title", "project", "status", "deadline"]
    list_filter = ["status"]
    list_select_related = ["project"]
    search_fields = ["title"]


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["receipt_number", "partner", "call", "status", "submitted_at"]
    list_filter = ["status"]
    list_select_related = ["partner", "call"]
    search_fields = ["receipt_number", "partner__name"]


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["partner", "purpose", "amount", "term_start", "term_end", "reviewed_on"]
    list_select_related = ["partner"]
    search_fields = ["partner__name", "purpose"]
