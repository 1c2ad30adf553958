from django.urls import path

from kyodo.portal import public_views, views, views_manage
from kyodo.portal.feeds import NewsFeed

app_name = "portal"

urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/calendar/", views.event_calendar, name="event_calendar"),
    path("events/<uuid:pk>/", views.event_detail, name="event_detail"),
    path("events.ics", views.events_ics, name="events_ics"),
    path("projects/<uuid:pk>/events.ics", views.project_events_ics, name="project_events_ics"),
    path("news/", views.news_list, name="news_list"),
    path("news/<uuid:pk>/", views.news_detail, name="news_detail"),
    path("news/feed.atom", NewsFeed(), name="news_feed"),
    path("guideline/", views.guideline_page, name="guideline"),
    path("charter/", views.charter_page, name="charter"),
    path("accessibility/", views.accessibility_page, name="accessibility"),
    path("opendata/", views.opendata_page, name="opendata"),
    path("opendata/events.csv", views.opendata_events_csv, name="opendata_events_csv"),
    path("opendata/events.json", views.opendata_events_json, name="opendata_events_json"),
    path("manage/", views_manage.manage_home, name="manage_home"),
    path("manage/events/new/", views_manage.event_create, name="manage_event_create"),
    path("manage/events/<uuid:pk>/edit/", views_manage.event_edit, name="manage_event_edit"),
    path(
        "manage/events/<uuid:pk>/withdraw/",
        views_manage.event_withdraw,
        name="manage_event_withdraw",
    ),
    path("manage/news/new/", views_manage.news_create, name="manage_news_create"),
    path("manage/news/<uuid:pk>/edit/", views_manage.news_edit, name="manage_news_edit"),
    path(
        "manage/news/<uuid:pk>/withdraw/", views_manage.news_withdraw, name="manage_news_withdraw"
    ),
]

# Public pages of projects and partners, and the portal-wide search (kyodo/portal/public_views.py).
urlpatterns += [
    path("projects/", public_views.project_list, name="project_list"),
    path("projects/<uuid:pk>/", public_views.project_detail, name="project_detail"),
    path("partners/", public_views.partner_list, name="partner_list"),
    path("partners/<uuid:pk>/", public_views.partner_detail, name="partner_detail"),
    path("search/", public_views.portal_search, name="search"),
]
