"""The portal's pages, one module per kind of page; kyodo/portal/urls.py routes them.

The public pages of open calls are in `calls` (routed under /calls/ by urls_calls.py); the
site's front page is `home.home`.
"""

from kyodo.portal.views.calendar import event_calendar
from kyodo.portal.views.events import (
    event_detail,
    event_list,
    events_ics,
    project_events_ics,
    project_events_ics_url,
)
from kyodo.portal.views.home import home
from kyodo.portal.views.news import news_detail, news_list
from kyodo.portal.views.opendata import opendata_events_csv, opendata_events_json, opendata_page
from kyodo.portal.views.pages import accessibility_page, charter_page, guideline_page
from kyodo.portal.views.partners import partner_detail, partner_list
from kyodo.portal.views.projects import project_detail, project_list
from kyodo.portal.views.search import portal_search

__all__ = [
    "accessibility_page",
    "charter_page",
    "event_calendar",
    "event_detail",
    "event_list",
    "events_ics",
    "guideline_page",
    "home",
    "news_detail",
    "news_list",
    "opendata_events_csv",
    "opendata_events_json",
    "opendata_page",
    "partner_detail",
    "partner_list",
    "portal_search",
    "project_detail",
    "project_events_ics",
    "project_events_ics_url",
    "project_list",
]
