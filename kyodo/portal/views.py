"""Public pages: events, calendar, news, the guideline, the charter, accessibility, open data."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F
from django.db.models import Window as WindowFunction
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.core.models import Municipality
from kyodo.core.wareki import format_date_with_western
from kyodo.portal import selectors
from kyodo.portal.feeds import events_calendar
from kyodo.portal.guideline import guideline
from kyodo.portal.http import (
    FIRST_YEAR,
    LAST_YEAR,
    cacheable,
    choice_param,
    date_param,
    int_param,
    page_meta,
)
from kyodo.portal.markdown import plain_text, render_markdown
from kyodo.portal.models import Event, News
from kyodo.portal.opendata import COLUMNS, VERSION_NOTE, event_rows, events_csv

PER_PAGE = 20
# A day's list on the calendar page stays readable; the rest are in the event list.
MAX_PER_DAY = 10
# Bumped when the text of the static pages changes, so that browsers fetch them again.
STATIC_VERSION = "2026-11-29.2"
# The first and last days a day's list may move to (the dates `date_param` accepts).
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _events_version(request, *args, **kwargs):
    return selectors.freshness(selectors.public_events())


def _news_version(request, *args, **kwargs):
    return selectors.freshness(selectors.public_news())


def _item_version(model):
    def version(request, pk):
        # The related project's title and status show on the page too.
        fields = ("updated_at", "withdrawn_at", "project__updated_at")
        return list(model.objects.filter(pk=pk).values_list(*fields))

    return version


def _static_version(request, *args, **kwargs):
    return STATIC_VERSION


@dataclass
class Window:
    """One page of a list, without counting the whole list (one query, however long)."""

    number: int
    object_list: list
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next


def _page(request, queryset) -> Window:
    number = int_param(request, "page", default=1, low=1, high=100_000)
    start = (number - 1) * PER_PAGE
    rows = list(queryset[start : start + PER_PAGE + 1])
    if number > 1 and not rows:
        raise Http404
    return Window(number=number, object_list=rows[:PER_PAGE], has_next=len(rows) > PER_PAGE)


@cacheable(_events_version)
def event_list(request):
    """Upcoming events (the default), past events, or the events of one day (?date=)."""
    day = date_param(request, "date")
    if day:
        period = "day"
        queryset = selectors.events_between(day, day)
        title = _("Events on %(date)s") % {"date": format_date_with_western(day, weekday=True)}
        query = {"date": day.isoformat()}
    else:
        period = choice_param(request, "period", choices=("upcoming", "past"), default="upcoming")
        upcoming = period == "upcoming"
        queryset = selectors.upcoming_events() if upcoming else selectors.past_events()
        title = _("Upcoming events") if upcoming else _("Past events")
        query = {} if upcoming else {"period": period}
    page = _page(request, queryset)
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
                query=urlencode({**query, **({"page": page.number} if page.number > 1 else {})}),
            ),
        },
    )


def _month_grid(year: int, month: int, days: dict[date, dict]) -> list[list[dict]]:
    weeks = calendar.Calendar(firstweekday=6).monthdatescalendar(year, month)
    empty = {"count": 0, "shown": []}
    return [[_day(d, month, days.get(d, empty)) for d in week] for week in weeks]


def _day(d: date, month: int, day: dict) -> dict:
    return {
        "date": d,
        "iso": d.isoformat(),  # formatted once: the page uses it three times per day
        "in_month": d.month == month,
        "count": day["count"],
        "shown": day["shown"],
        "more": max(day["count"] - len(day["shown"]), 0),
    }


def _month_days(first: date, last: date) -> dict[date, dict]:
    """Per day of the month: how many events take place, and the first MAX_PER_DAY of them.

    Two queries however many events the month holds (about 4,000 with 100,000 events): the
    counts come per (start, end) pair of dates, and only the first MAX_PER_DAY events of each
    pair are fetched. That is enough, because a day's first MAX_PER_DAY events are each among
    the first MAX_PER_DAY of their own pair (a day's list is those pairs' events, merged).
    """
    month_events = selectors.events_between(first, last).select_related(None)
    days: dict[date, dict] = {}

    def days_of(start: date, end: date):
        day = max(start, first)
        while day <= min(end, last):
            yield days.setdefault(day, {"count": 0, "shown": []})
            day += timedelta(days=1)

    spans = month_events.order_by().values("start_date", "end_date").annotate(n=Count("id"))
    for span in spans:
        for day in days_of(span["start_date"], span["end_date"]):
            day["count"] += span["n"]
    firsts = (
        month_events.annotate(
            rank=WindowFunction(
                RowNumber(),
                partition_by=[F("start_date"), F("end_date")],
                order_by=[F("start_time"), F("title"), F("id")],  # as the selector orders
            )
        )
        .filter(rank__lte=MAX_PER_DAY)
        .values("id", "title", "start_date", "start_time", "end_date")
    )
    # The selector's order (start date, time, title) is the order of each day's list.
    for event in firsts:
        event["time"] = event["start_time"].strftime("%H:%M") if event["start_time"] else ""
        for day in days_of(event["start_date"], event["end_date"]):
            if len(day["shown"]) < MAX_PER_DAY:
                day["shown"].append(event)
    return days


def _shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


@cacheable(_events_version)
def event_calendar(request):
    today = timezone.localdate()
    year = int_param(request, "year", default=today.year, low=FIRST_YEAR, high=LAST_YEAR)
    month = int_param(request, "month", default=today.month, low=1, high=12)
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    days = _month_days(first, last)
    previous, following = _shift_month(year, month, -1), _shift_month(year, month, 1)
    label = _("%(year)s/%(month)s") % {"year": year, "month": month}
    return render(
        request,
        "portal/event_calendar.html",
        {
            "weeks": _month_grid(year, month, days),
            "has_events": bool(days),
            "month_label": label,
            "month_first": first,
            "previous": {"year": previous[0], "month": previous[1]},
            "following": {"year": following[0], "month": following[1]},
            "previous_ok": previous[0] >= FIRST_YEAR,
            "following_ok": following[0] <= LAST_YEAR,
            "weekdays": [(WEEKDAYS_ABBR[d], WEEKDAYS[d]) for d in (6, 0, 1, 2, 3, 4, 5)],
            "meta": page_meta(
                request,
                _("Event calendar: %(month)s") % {"month": label},
                _("Events of the month, day by day."),
                query=urlencode({"year": year, "month": month}),
            ),
        },
    )


@cacheable(_item_version(Event))
def event_detail(request, pk):
    event = selectors.public_events().filter(pk=pk).first()
    if event is None:
        raise Http404
    return render(
        request,
        "portal/event_detail.html",
        {
            "event": event,
            "project": selectors.public_project_of(event),
            "meta": page_meta(request, event.title, event.description[:150], og_type="article"),
        },
    )


@cacheable(_news_version)
def news_list(request):
    page = _page(request, selectors.public_news())
    return render(
        request,
        "portal/news_list.html",
        {
            "page_obj": page,
            "meta": page_meta(
                request,
                _("News"),
                _("News from the city and its partners about collaborative projects."),
                query=urlencode({"page": page.number}) if page.number > 1 else "",
            ),
        },
    )


@cacheable(_item_version(News))
def news_detail(request, pk):
    news = selectors.public_news().filter(pk=pk).first()
    if news is None:
        raise Http404
    return render(
        request,
        "portal/news_detail.html",
        {
            "news": news,
            "body": render_markdown(news.body),
            "project": selectors.public_project_of(news),
            "meta": page_meta(request, news.title, plain_text(news.body)[:150], og_type="article"),
        },
    )


@cacheable(_static_version)
def guideline_page(request):
    data = guideline()
    return render(
        request,
        "portal/guideline.html",
        {
            "guideline": data,
            "meta": page_meta(
                request,
                data["title"],
                _("The city's guideline for staff on collaboration with citizens (2017)."),
            ),
        },
    )


@cacheable(_static_version)
def charter_page(request):
    return render(
        request,
        "portal/charter.html",
        {"meta": page_meta(request, "網走市民憲章", _("The Abashiri citizens' charter (1972)."))},
    )


@cacheable(_static_version)
def accessibility_page(request):
    return render(
        request,
        "portal/accessibility.html",
        {
            "meta": page_meta(
                request,
                _("Web accessibility policy"),
                _("Our accessibility target (JIS X 8341-3:2016 AA), its scope and test results."),
            )
        },
    )


def _opendata_version(request, *args, **kwargs):
    return (selectors.freshness(selectors.public_events()), STATIC_VERSION)


@cacheable(_opendata_version)
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


@cacheable(_events_version)
def opendata_events_csv(request):
    rows = event_rows(selectors.public_events(), base_url=_base_url(request))
    response = HttpResponse(events_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="events.csv"'
    return response


@cacheable(_events_version)
def opendata_events_json(request):
    rows = event_rows(selectors.public_events(), base_url=_base_url(request))
    return JsonResponse(
        {"columns": COLUMNS, "licence": "CC BY 4.0", "records": rows},
        json_dumps_params={"ensure_ascii": False},
    )


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@cacheable(_events_version)
def events_ics(request):
    body = events_calendar(
        selectors.public_events(),
        name=_("Kyodo collaboration portal: events"),
        base_url=_base_url(request),
    )
    return _ics_response(body, "events.ics")


@cacheable(_events_version)
def project_events_ics(request, pk):
    project = selectors.public_projects().filter(pk=pk).first()
    if project is None:
        raise Http404
    events = selectors.filter_events(selectors.public_events(), project_id=project.pk)
    body = events_calendar(
        events,
        name=_("Events of %(project)s") % {"project": project.title},
        base_url=_base_url(request),
    )
    return _ics_response(body, "events.ics")


def project_events_ics_url(project) -> str:
    """For the projects app: the calendar address to show on a project's public page."""
    return reverse("portal:project_events_ics", args=[project.pk])
