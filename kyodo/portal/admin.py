from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kyodo.portal.models import Event, News


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "start_date", "publish_on", "withdrawn_at"]
    search_fields = ["title", "title_kana"]


@admin.register(News)
class NewsAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publish_on", "withdrawn_at"]
    search_fields = ["title"]
