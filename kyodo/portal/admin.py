"""Read-only admin pages: events and news change only through the portal's services (which
check who may publish for a project, validate the content and keep the search index up to
date), on the management pages at /portal/manage/."""

from django.contrib import admin

from kyodo.core.admin import KyodoHistoryAdmin, ReadOnlyAdminMixin
from kyodo.portal.models import Event, News


@admin.register(Event)
class EventAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    list_display = ["title", "start_date", "publish_on", "withdrawn_at"]
    search_fields = ["title", "title_kana"]


@admin.register(News)
class NewsAdmin(ReadOnlyAdminMixin, KyodoHistoryAdmin):
    list_display = ["title", "publish_on", "withdrawn_at"]
    search_fields = ["title"]
