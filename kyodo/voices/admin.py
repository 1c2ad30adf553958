"""Read-only admin pages: opinions, replies and surveys change only through the services (which
keep the reply clock, the approval and the personal-data check), so the admin site only shows
records and their history, without the sender's identity. Survey answers are not listed."""

from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin
from kyodo.voices.models import Opinion, Reply, ReplyApprover, Survey


class ReadOnlyAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    pass


@admin.register(Opinion)
class OpinionAdmin(ReadOnlyAdmin):
    # The sender's identity and own words are for the staff who handle the opinion and the
    # coordinators (on the voices pages), not for every administrator of the site.
    exclude = ["sender_name", "sender_email", "sender_postal_code", "sender_address", "text"]
    exclude += ["access_digest"]
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
