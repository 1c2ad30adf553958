from django.urls import path

from kyodo.core.cache_versions import public_page
from kyodo.portal.feeds import NewsFeed
from kyodo.portal.http import NEWS_KINDS
from kyodo.portal.views import (
    calendar,
    engagement,
    events,
    manage,
    news,
    opendata,
    pages,
    partners,
    projects,
    search,
)

app_name = "portal"

urlpatterns = [
    path("events/", events.event_list, name="event_list"),
    path("events/calendar/", calendar.event_calendar, name="event_calendar"),
    path("events/<uuid:pk>/", events.event_detail, name="event_detail"),
    path("events/<uuid:pk>/event.ics", events.event_ics, name="event_ics"),
    path("events.ics", events.events_ics, name="events_ics"),
    path("projects/<uuid:pk>/events.ics", events.project_events_ics, name="project_events_ics"),
    path("news/", news.news_list, name="news_list"),
    path("news/<uuid:pk>/", news.news_detail, name="news_detail"),
    path("news/feed.atom", public_page(*NEWS_KINDS)(NewsFeed()), name="news_feed"),
    path("guideline/", pages.guideline_page, name="guideline"),
    path("charter/", pages.charter_page, name="charter"),
    path("accessibility/", pages.accessibility_page, name="accessibility"),
    path("opendata/", opendata.opendata_page, name="opendata"),
    path("opendata/events.csv", opendata.opendata_events_csv, name="opendata_events_csv"),
    path("opendata/events.json", opendata.opendata_events_json, name="opendata_events_json"),
    path("projects/", projects.project_list, name="project_list"),
    path("projects/<uuid:pk>/", projects.project_detail, name="project_detail"),
    path("partners/", partners.partner_list, name="partner_list"),
    path("partners/<uuid:pk>/", partners.partner_detail, name="partner_detail"),
    path("search/", search.portal_search, name="search"),
    path("collaboration/", engagement.engagement_index, name="engagement"),
    path("staff-activities/", engagement.staff_activity_list, name="staff_activity_list"),
    path("dialogue/", engagement.dialogue_list, name="dialogue_list"),
    path("dialogue/<uuid:pk>/", engagement.dialogue_detail, name="dialogue_detail"),
    path("trainings/", engagement.training_list, name="training_list"),
    path("agreements/", engagement.agreement_list, name="agreement_list"),
    path("agreements/<uuid:pk>/", engagement.agreement_detail, name="agreement_detail"),
    path("manage/", manage.manage_home, name="manage_home"),
    path("manage/events/new/", manage.event_create, name="manage_event_create"),
    path("manage/events/<uuid:pk>/edit/", manage.event_edit, name="manage_event_edit"),
    path("manage/events/<uuid:pk>/withdraw/", manage.event_withdraw, name="manage_event_withdraw"),
    path("manage/news/new/", manage.news_create, name="manage_news_create"),
    path("manage/news/<uuid:pk>/edit/", manage.news_edit, name="manage_news_edit"),
    path("manage/news/<uuid:pk>/withdraw/", manage.news_withdraw, name="manage_news_withdraw"),
]
