"""The public event calendar: a month, day by day."""

import calendar
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, F
from django.db.models import Window as WindowFunction
from django.db.models.functions import RowNumber
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kyodo.core.kept_rows import rendered_rows
from kyodo.core.templatetags.kyodo import wareki_western
from kyodo.councils import selectors as council_selectors
from kyodo.portal import selectors
from kyodo.portal.http import FIRST_YEAR, LAST_YEAR, cacheable, int_param, kept_read, page_meta
from kyodo.portal.views.events import events_version

# A day's list on the calendar page stays readable; the rest are in the event list.
MAX_PER_DAY = 10


def _month_grid(year: int, month: int, days: dict[date, dict]) -> list[list[dict]]:
    weeks = calendar.Calendar(firstweekday=6).monthdatescalendar(year, month)
    empty = {"count": 0, "shown": []}
    return [[_day(d, month, days.get(d, empty)) for d in week] for week in weeks]


def _day(d: date, month: int, day: dict) -> dict:
    busy = d.month == month and (day["count"] or day.get("meetings"))
    return {
        "date": d,
        "iso": d.isoformat(),  # formatted once: the page uses it three times per day
        "in_month": d.month == month,
        "count": day["count"],
        "shown": day["shown"],
        "more": max(day["count"] - len(day["shown"]), 0),
        "meetings": day.get("meetings", []),
        # Written here once per busy day rather than by template filters in each place.
        "label": wareki_western(d) if busy else "",
        "heading": wareki_western(d, "weekday") if busy else "",
    }


def _cell_inputs(day: dict) -> tuple:
    # Everything _calendar_cell.html reads (the label follows from the date and the language).
    return (day["iso"], day["in_month"], day["count"], len(day["meetings"]), day["label"])


def _section_inputs(day: dict) -> tuple:
    # Everything _calendar_day.html reads.
    return (
        day["iso"],
        day["heading"],
        day["count"],
        day["more"],
        tuple((e["url"], e["title"], e["time"]) for e in day["shown"]),
        tuple((m.pk, m.council.name, m.title, m.starts_at) for m in day["meetings"]),
    )


def _rendered(weeks: list[list[dict]], event_list_url: str) -> tuple[list[list[str]], list[str]]:
    """The table's cells and the busy days' sections, each kept under what it shows
    (core.kept_rows): half the page's work was rendering them, and a change to one event
    renders only its days again."""
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    days = [day for week in weeks for day in week]
    cells = rendered_rows(days, "portal/_calendar_cell.html", _cell_inputs, "day", None, seconds)
    busy = [day for day in days if day["in_month"] and (day["count"] or day["meetings"])]
    sections = rendered_rows(
        busy,
        "portal/_calendar_day.html",
        _section_inputs,
        "day",
        {"event_list_url": event_list_url},
        seconds,
    )
    return [cells[index : index + 7] for index in range(0, len(cells), 7)], sections


def _month_days(first: date, last: date) -> dict[date, dict]:
    """`_month_rows()`, kept in the cache until the events change (their data version) or the
    day turns (publication dates): a logged-in visitor, or another address of the same month,
    reads the month without querying it again."""
    rows = kept_read("calendar-month", ("events",), lambda: _month_rows(first, last), first)
    # A copy per request: council meetings are added to the days afterwards.
    return {day: {**entry, "shown": list(entry["shown"])} for day, entry in rows.items()}


def _month_rows(first: date, last: date) -> dict[date, dict]:
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
    # Each event's address from one reversed pattern: {% url %} per link was half the page.
    placeholder = str(uuid.UUID(int=0))
    address = reverse("portal:event_detail", args=[placeholder])
    for event in firsts:
        event["time"] = event["start_time"].strftime("%H:%M") if event["start_time"] else ""
        event["id"] = str(event["id"])  # a text: a UUID is slow to read back from the cache
        event["url"] = address.replace(placeholder, event["id"])
        for day in days_of(event["start_date"], event["end_date"]):
            if len(day["shown"]) < MAX_PER_DAY:
                day["shown"].append(event)
    return days


def _add_council_meetings(days: dict[date, dict], first: date, last: date) -> None:
    """Public council meetings of the month, listed on their day beside events: one query,
    kept until the councils' data changes."""
    between = council_selectors.public_meetings_between
    meetings = kept_read(
        "calendar-meetings", ("councils",), lambda: list(between(first, last)), first
    )
    for meeting in meetings:
        day = timezone.localtime(meeting.starts_at).date()
        entry = days.setdefault(day, {"count": 0, "shown": []})
        entry.setdefault("meetings", []).append(meeting)


def _month_html(first: date, last: date, event_list_url: str) -> tuple[list, list]:
    """The month's table cells (by week) and the busy days' sections, rendered."""
    days = _month_days(first, last)
    _add_council_meetings(days, first, last)
    return _rendered(_month_grid(first.year, first.month, days), event_list_url)


def council_meetings_version(request, *args, **kwargs):
    return council_selectors.public_meetings_version()


def _shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


@cacheable(events_version, council_meetings_version, kinds=("events", "councils"))
def event_calendar(request):
    today = timezone.localdate()
    year = int_param(
        request, "year", label=_("Year"), default=today.year, low=FIRST_YEAR, high=LAST_YEAR
    )
    month = int_param(request, "month", label=_("Month"), default=today.month, low=1, high=12)
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    event_list_url = reverse("portal:event_list")
    # The month as rendered, kept like what it reads (the events' and the councils' versions,
    # the day) and in the page's language: another address of the month renders nothing.
    cells, sections = kept_read(
        "calendar-month-html",
        ("events", "councils"),
        lambda: _month_html(first, last, event_list_url),
        first,
        get_language(),
    )
    previous, following = _shift_month(year, month, -1), _shift_month(year, month, 1)
    label = _("%(year)s/%(month)s") % {"year": year, "month": month}
    return render(
        request,
        "portal/event_calendar.html",
        {
            "cells": cells,
            "sections": sections,
            "has_events": bool(sections),
            "event_list_url": event_list_url,
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
