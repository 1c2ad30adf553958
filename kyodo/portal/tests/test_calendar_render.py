"""The calendar renders from precomputed rows (addresses and dates written once in the view,
the month's rows cached by the events' data version): the same HTML as the template before
that change, which is kept in tests/data and rendered here from the same context."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone

from kyodo.portal import services as portal_services
from kyodo.portal.tests.factories import event_values

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
    # The page's own context (the kept cells and days are rendered from their own).
    context = next(c for c in response.context if "month_label" in c).flatten()
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
