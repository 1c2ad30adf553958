"""Open data: the page describing the data sets, and the events as CSV and JSON."""

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kyodo.core.models import Municipality
from kyodo.portal import selectors
from kyodo.portal.http import base_url, cacheable, page_meta
from kyodo.portal.opendata import COLUMNS, VERSION_NOTE, event_rows, events_csv, events_json
from kyodo.portal.views.events import events_version
from kyodo.portal.views.pages import STATIC_VERSION


def _opendata_version(request, *args, **kwargs):
    return (selectors.freshness(selectors.public_events()), STATIC_VERSION)


@cacheable(_opendata_version, kinds=("events",))
def opendata_page(request):
    fresh = selectors.freshness(selectors.public_events())
    return render(
        request,
        "portal/opendata.html",
        {
            "columns": COLUMNS,
            "version_note": VERSION_NOTE,
            "last_updated": fresh.last_updated,
            "count": selectors.public_events().count(),
            "municipality": Municipality.objects.current(),
            "meta": page_meta(
                request,
                _("Open data"),
                _("Data sets published by the portal, under the CC BY 4.0 licence."),
            ),
        },
    )


@cacheable(events_version, kinds=("events",))
def opendata_events_csv(request):
    rows = event_rows(selectors.public_events(), base_url=base_url(request))
    # Streamed (not cached whole: the page cache keeps no streams; the ETag still answers 304).
    response = StreamingHttpResponse(events_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    return response


@cacheable(events_version, kinds=("events",))
def opendata_events_json(request):
    rows = event_rows(selectors.public_events(), base_url=base_url(request))
    return StreamingHttpResponse(events_json(rows), content_type="application/json")
