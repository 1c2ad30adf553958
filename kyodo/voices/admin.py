"""Read-only admin pages: opinions, replies and surveys change only through the services (which
keep the reply clock, the approval and the personal-data check), so the admin site only shows
records and their history. Survey answers are not listed at all."""

from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin
from kyodo.voices.models import Opinion, Reply, ReplyApprover, Survey


class ReadOnlyAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    pass


@admin.register(Opinion)
class OpinionAdmin(ReadOnlyAdmin):
    list_display = ["receipt_number", "subject", "status", "department", "received_at", "due_on"]
    list_filter = ["status"]
    list_select_related = ["department"]
    search_fields = ["receipt_number", "subject"]


@admin.register(Reply)
class ReplyAdmin(ReadOnlyAdmin):
    list_display = ["department", "reflection", "approved_at"]
    list_select_related = ["department"]


@admin.register(ReplyApprover)
class ReplyApproverAdmin(ReadOnlyAdmin):
    list_display = ["department", "user"]
    list_select_related = ["department", "user"]


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ["title", "department", "opens_at", "closes_at", "published_at"]
    list_select_related = ["department"]
