"""Read-only admin pages: the promotion measures change only through their services (which
keep each staff member's activity theirs and record who acted), so the admin site only shows
records and their history."""

from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin
from kyodo.engagement.models import DialogueSession, PartnershipAgreement, Training


class ReadOnlyAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    pass


@admin.register(DialogueSession)
class DialogueSessionAdmin(ReadOnlyAdmin):
    list_display = ["title", "date", "kind", "department"]
    list_select_related = ["department"]
    search_fields = ["title"]


@admin.register(Training)
class TrainingAdmin(ReadOnlyAdmin):
    list_display = ["title", "date", "kind", "department"]
    list_select_related = ["department"]
    search_fields = ["title"]


@admin.register(PartnershipAgreement)
class PartnershipAgreementAdmin(ReadOnlyAdmin):
    list_display = ["title", "partner", "signed_on", "ends_on", "status"]
    list_select_related = ["partner"]
    search_fields = ["title", "partner__name"]
