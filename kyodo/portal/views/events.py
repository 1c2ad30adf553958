"""Public pages of events: the list (upcoming, past, one day), an event, calendar feeds."""

from datetime import date, timedelta
from functools import partial

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.core.city import current_municipality
from kyodo.core.wareki import format_date_with_western
from kyodo.councils import selectors as council_selectors
from kyodo.portal import selectors
from kyodo.portal.cards import event_cards_of
from kyodo.portal.feeds import events_calendar
from kyodo.portal.http import (
    EVENT_KINDS,
    FIRST_YEAR,
    LAST_YEAR,
    base_url,
    cacheable,
    choice_param,
    date_param,
    kept_read,
    page_meta,
)
from kyodo.portal.models import Event
from kyodo.portal.paging import kept_page_of, page_query

# The first and last days a day's list may move to (the dates `date_param` accepts).
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)


def events_version(request, *args, **kwargs):
    return selectors.freshness(selectors.public_events())


def item_version(model):
    """The ETag data of an event's or news item's page."""

    def version(request, pk):
        # The related project's title and status show on the page too.
        fields = ("updated_at", "withdrawn_at", "project__updated_at")
        return list(model.objects.filter(pk=pk).values_list(*fields))

    return version


def _listing(request) -> tuple[str, object, str, dict, date | None]:
    """The period shown, a function giving its events (their page is usually kept: the query
    is then not even built), the heading, the query that names it, the day if one."""
    day = date_param(request, "date", label=_("Date"))
    if day:
        title = _("Events on %(date)s") % {"date": format_date_with_western(day, weekday=True)}
        events = partial(selectors.events_between, day, day)
        return "day", events, title, {"date": day.isoformat()}, day
    period = choice_param(
        request, "period", label=_("Period"), choices=("upcoming", "past"), default="upcoming"
    )
    if period == "upcoming":
        return period, selectors.upcoming_events, _("Upcoming events"), {}, None
    return period, selectors.past_events, _("Past events"), {"period": period}, None


@cacheable(events_version, kinds=EVENT_KINDS)
def event_list(request):
    """Upcoming events (the default), past events, or the events of one day (?date=)."""
    period, events, title, query, day = _listing(request)

    def rows():
        return event_cards_of(events())

    page = kept_page_of(request, "event-page-list", EVENT_KINDS, rows, period, day)
    return render(
        request,
        "portal/event_list.html",
        {
            "page_obj": page,
            "period": period,
            "heading": title,
            "day": day,
            "day_before": day - timedelta(days=1) if day and day > FIRST_DAY else None,
            "day_after": day + timedelta(days=1) if day and day < LAST_DAY else None,
            "extra_query": urlencode(query),
            "meta": page_meta(
                request,
                title,
                _("Events held by the city and its partners in collaborative projects."),
                query=urlencode({**query, **page_query(page)}),
            ),
        },
    )


def _event_page_data(pk) -> tuple | None:
    """The event and its public project (its title and key only), kept under the versions of
    events and projects like the project page: another address or language reads nothing."""
    event = selectors.public_events().filter(pk=pk).select_related(None).first()
    if event is None:
        return None
    project = selectors.public_project_of_id(event.project_id)
    return event, project


@cacheable(item_version(Event), kinds=EVENT_KINDS)
def event_detail(request, pk):
    data = kept_read("event-page", EVENT_KINDS, lambda: _event_page_data(pk), pk)
    if data is None:
        raise Http404
    event, project = data
    return render(
        request,
        "portal/event_detail.html",
        {
            "event": event,
            "project": project,
            "meta": page_meta(request, event.title, event.description[:150], og_type="article"),
        },
    )


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _council_meetings_version(request, *args, **kwargs):
    return council_selectors.public_meetings_version()


def _calendar_name(name: str) -> str:
    # Calendar apps list many calendars side by side: the city's name says whose this is.
    municipality = current_municipality()
    return f"{municipality.name} {name}" if municipality else name


@cacheable(events_version, _council_meetings_version, kinds=(*EVENT_KINDS, "councils"))
def events_ics(request):
    body = events_calendar(
        selectors.public_events(),
        meetings=council_selectors.public_meetings().order_by("starts_at"),
        name=_calendar_name(_("Kyodo collaboration portal: events")),
        base_url=base_url(request),
    )
    return _ics_response(body, "events.ics")


@cacheable(events_version, kinds=EVENT_KINDS)
def project_events_ics(request, pk):
    project = selectors.public_projects().filter(pk=pk).first()
    if project is None:
        raise Http404
    events = selectors.filter_events(selectors.public_events(), project_id=project.pk)
    body = events_calendar(
        events,
        name=_calendar_name(_("Events of %(project)s") % {"project": project.title}),
        base_url=base_url(request),
    )
    return _ics_response(body, "events.ics")


@cacheable(item_version(Event), kinds=EVENT_KINDS)
def event_ics(request, pk):
    """One event as iCalendar, to add to one's own calendar from the event's page."""
    events = selectors.public_events().filter(pk=pk)
    event = events.first()
    if event is None:
        raise Http404
    body = events_calendar(events, name=event.title, base_url=base_url(request))
    return _ics_response(body, "event.ics")


def project_events_ics_url(project) -> str:
    """For the projects app: the calendar address to show on a project's public page."""
    return reverse("portal:project_events_ics", args=[project.pk])
