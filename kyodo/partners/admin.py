from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kyodo.core.search.index import index_update
from kyodo.partners.models import (
    ActivityField,
    Partner,
    PartnerAttachment,
    PartnerMembership,
    PartnerType,
)


class PartnerMembershipInline(admin.TabularInline):
    model = PartnerMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    """Membership is managed here by administrators; profiles are edited on the partner pages."""

    list_display = ["name", "partner_type", "listed_publicly"]
    list_filter = ["partner_type", "listed_publicly"]
    search_fields = ["name", "name_kana"]
    inlines = [PartnerMembershipInline]
    readonly_fields = ["created_at", "updated_at"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The admin bypasses the services; keep the search index current all the same.
        index_update(form.instance)


@admin.register(PartnerType, ActivityField)
class TaxonomyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sort_order"]


@admin.register(PartnerAttachment)
class PartnerAttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "partner", "kind", "size"]
