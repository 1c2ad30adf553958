from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin
from kyodo.core.search.index import index_update
from kyodo.partners.models import (
    ActivityField,
    Partner,
    PartnerAttachment,
    PartnerMembership,
    PartnerType,
)


class PartnerMembershipInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Shown only: members are added and removed on the partner's member page, whose services
    also give or take the partner-member role and keep the history."""

    model = PartnerMembership
    extra = 0
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]


@admin.register(Partner)
class PartnerAdmin(KyodoHistoryAdmin):
    """Profiles are best edited on the partner pages, members on the partner's member page."""

    list_display = ["name", "partner_type", "listed_publicly"]
    list_filter = ["partner_type", "listed_publicly"]
    search_fields = ["name", "name_kana"]
    inlines = [PartnerMembershipInline]
    readonly_fields = ["members_page", "created_at", "updated_at"]

    @admin.display(description=_("members"))
    def members_page(self, partner):
        if partner.pk is None:
            return "—"
        url = reverse("partners:members", args=[partner.pk])
        return format_html('<a href="{}">{}</a>', url, _("Manage the members in Kyodo"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The admin bypasses the services; keep the search index current all the same.
        index_update(form.instance)


@admin.register(PartnerType, ActivityField)
class TaxonomyAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    """Shown only: coordinators keep the lists on the taxonomy page, whose service checks for
    duplicates and keeps the history."""

    list_display = ["name", "sort_order"]


@admin.register(PartnerAttachment)
class PartnerAttachmentAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    """Shown only: a document is attached through the service that checks its content, and
    removed through the one that deletes its file once the row is gone."""

    list_display = ["title", "partner", "kind", "size"]
