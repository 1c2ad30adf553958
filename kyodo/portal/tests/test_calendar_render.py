"""The calendar renders from precomputed rows (addresses and dates written once in the view,
the month's rows cached by the events' data version): the same HTML as the template before
that change, which is kept in tests/data and rendered here from the same context."""

import re
from calendar import monthrange
from datetime import timedelta
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone

from kyodo.portal import services as portal_services
from kyodo.portal.tests.factories import event_values
from kyodo.portal.views import calendar as calendar_view

pytestmark = pytest.mark.django_db

BEFORE = Path(__file__).parent / "data" / "event_calendar_before.html"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _events(n: int) -> None:
    today = timezone.localdate()
    first = today.replace(day=1)
    for i in range(n):
        start = first + timedelta(days=(i % 7) * 4 % 28 if i % 2 else i % 3)
        portal_services.event_create(
            actor=None,
            **event_values(
                title=f"清掃{i}",
                start_date=start,
                end_date=start + timedelta(days=i % 3),
                publish_on=today - timedelta(days=1),
            ),
        )


def test_the_calendar_is_the_same_html_as_before(client):
    _events(40)  # some days with more than the ten shown, some events over several days
    response = client.get("/portal/events/calendar/")
    assert response.status_code == 200
    # The page's own context (the kept cells and days are rendered from their own), and the
    # month's days as the template before read them (the view keeps the month rendered).
    context = next(c for c in response.context if "month_label" in c).flatten()
    first = context["month_first"]
    last = first.replace(day=monthrange(first.year, first.month)[1])
    days = calendar_view._month_days(first, last)
    calendar_view._add_council_meetings(days, first, last)
    context["weeks"] = calendar_view._month_grid(first.year, first.month, days)
    before = (
        engines["django"]
        .from_string(BEFORE.read_text())
        .render(context, request=response.wsgi_request)
    )
    assert CSRF.sub("", response.content.decode()) == CSRF.sub("", before)
    # Days with more events than shown link to the day's list: that part is compared too.
    assert "清掃0" in before and "?date=" in before


def test_a_change_of_the_events_shows_at_once_for_a_logged_in_visitor(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("visitor", password=None))
    _events(2)
    assert "清掃1" in client.get("/portal/events/calendar/").content.decode()
    _events(3)  # the services bump the events' version: the cached month rows are not read
    assert "清掃2" in client.get("/portal/events/calendar/").content.decode()


def test_the_month_kept_rendered_is_the_readers_language_and_renders_nothing_again(client):
    from unittest import mock

    _events(3)
    assert "1件</a>" in client.get("/portal/events/calendar/").content.decode()
    english = type(client)()
    english.cookies["django_language"] = "en"
    assert "1 event(s)</a>" in english.get("/portal/events/calendar/").content.decode()
    # Another address of the month: its cells and days are neither read nor rendered again.
    with mock.patch.object(calendar_view, "_rendered", side_effect=AssertionError):
        html = client.get("/portal/events/calendar/?utm_source=mail").content.decode()
    assert "1件</a>" in html and "清掃2" in html
