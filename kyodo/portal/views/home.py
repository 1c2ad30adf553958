"""The site's front page: what is happening now."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from kyodo.calls.selectors import open_calls
from kyodo.councils import selectors as council_selectors
from kyodo.portal import selectors
from kyodo.portal.cards import event_cards_of, news_cards_of, project_cards_of
from kyodo.portal.http import HOME_KINDS, cacheable, page_meta, stamps
from kyodo.portal.models import Event, News
from kyodo.projects.models import Project, ProjectStatus
from kyodo.projects.selectors import public_projects

HOME_ITEMS = 5


def _home_version(request):
    # One query: the newest event, news item and project (index lookups), and the newest change
    # and count of the calls open now (a deadline passing changes the count, and the page) and
    # of the public council meetings.
    return stamps(Event, News, open_calls(), Project, council_selectors.public_meetings())


@cacheable(_home_version, kinds=HOME_KINDS)
def home(request):
    """What is happening now: open calls, upcoming events, recent news, running projects."""
    # Each list read with only what its cards show (portal/cards.py).
    running = project_cards_of(public_projects().filter(status=ProjectStatus.RUNNING))
    calls = list(
        open_calls()
        .select_related(None)
        .prefetch_related(None)
        .only("id", "title", "deadline")[:HOME_ITEMS]
    )
    response = render(
        request,
        "portal/public/home.html",
        {
            "calls": calls,
            "events": list(event_cards_of(selectors.upcoming_events())[:HOME_ITEMS]),
            "news_items": list(news_cards_of(selectors.public_news())[:HOME_ITEMS]),
            "projects": list(running[:HOME_ITEMS]),
            # 審議会等の開催予定: shown only while a public meeting is near.
            "council_meetings": list(
                council_selectors.upcoming_public_meetings(
                    days=settings.KYODO_COUNCIL_HOME_DAYS
                ).order_by("starts_at")[:HOME_ITEMS]
            ),
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
