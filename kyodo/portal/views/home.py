"""The site's front page: what is happening now."""

from datetime import timedelta

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.calls.selectors import nearest_still_open, open_calls
from kyodo.councils import selectors as council_selectors
from kyodo.portal import selectors
from kyodo.portal.cards import event_cards_of, news_cards_of, project_cards_of
from kyodo.portal.http import HOME_KINDS, cacheable, kept_read, page_meta, stamps
from kyodo.portal.models import Event, News
from kyodo.projects.models import Project, ProjectStatus
from kyodo.projects.selectors import public_projects

HOME_ITEMS = 5


def _home_version(request):
    # One query: the newest event, news item and project (index lookups), and the newest change
    # and count of the calls open now (a deadline passing changes the count, and the page) and
    # of the public council meetings.
    return stamps(Event, News, open_calls(), Project, council_selectors.public_meetings())


def _calls() -> list:
    """The open calls with the nearest deadlines; made again once the first deadline passes
    (the list changes by the clock alone then; a call opened or closed bumps "calls")."""
    return kept_read(
        "home-calls",
        ("calls",),
        lambda: list(
            open_calls()
            .select_related(None)
            .prefetch_related(None)
            .only("id", "title", "deadline")[:HOME_ITEMS]
        ),
        still_true=nearest_still_open,
    )


def _council_meetings() -> list:
    """審議会等の開催予定: public meetings from now until KYODO_COUNCIL_HOME_DAYS ahead.

    Kept for the day: the first HOME_ITEMS meetings from when the list was made until past
    the last moment today's window can reach, made again once one of them has begun (until
    then nothing between that moment and now can be missing); each request keeps those
    inside its own window."""
    days = settings.KYODO_COUNCIL_HOME_DAYS
    now = timezone.now()

    def make():
        reach = timezone.localdate() + timedelta(days=days + 2)
        meetings = council_selectors.public_meetings().filter(
            starts_at__gte=timezone.now(), starts_at__date__lt=reach
        )
        return list(meetings.order_by("starts_at")[:HOME_ITEMS])

    kept = kept_read(
        "home-meetings",
        ("councils",),
        make,
        still_true=lambda meetings: all(m.starts_at >= now for m in meetings),
    )
    return [meeting for meeting in kept if meeting.starts_at <= now + timedelta(days=days)]


def _running_projects() -> list:
    # Each list is read with only what its cards show (portal/cards.py), and its queryset is
    # built only when the kept list is missing (building it was a tenth of a rendered home).
    running = public_projects().filter(status=ProjectStatus.RUNNING)
    return list(project_cards_of(running)[:HOME_ITEMS])


@cacheable(_home_version, kinds=HOME_KINDS)
def home(request):
    """What is happening now: open calls, upcoming events, recent news, running projects."""
    calls = _calls()
    response = render(
        request,
        "portal/public/home.html",
        {
            "calls": calls,
            "events": kept_read(
                "home-events",
                ("events",),
                lambda: list(event_cards_of(selectors.upcoming_events())[:HOME_ITEMS]),
            ),
            "news_items": kept_read(
                "home-news",
                ("news",),
                lambda: list(news_cards_of(selectors.public_news())[:HOME_ITEMS]),
            ),
            "projects": kept_read("home-projects", ("projects",), _running_projects),
            # 審議会等の開催予定: shown only while a public meeting is near.
            "council_meetings": _council_meetings(),
            "meta": page_meta(
                request,
                _("Kyodo collaboration portal"),
                "",  # public_base.html gives the portal's own description
            ),
        },
    )
    # The page changes by the clock when the first open call's deadline passes (they come
    # nearest first): the cached page lives no longer, without asking the database again.
    response.cache_until = calls[0].deadline if calls else None
    return response
