"""Public council meetings on the portal's calendar, in its iCalendar feed and on the home page
(審議会等の開催予定, while one is within 30 days); closed meetings never."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kyodo.councils.tests.factories import make_council, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    council = make_council(name="網走市公開審議会")
    today = timezone.localdate()
    soon = make_meeting(council, today + timedelta(days=10), title="公開の第5回")
    closed = make_meeting(
        council,
        today + timedelta(days=11),
        title="非公開の第6回",
        is_public=False,
        closed_reason="人事",
    )
    hidden = make_meeting(
        make_council(name="非公開の会議体", is_public=False),
        today + timedelta(days=12),
        title="隠れた第1回",
    )
    return soon, closed, hidden


def test_the_calendar_lists_public_meetings(client, meetings):
    soon, closed, hidden = meetings
    day = timezone.localtime(soon.starts_at).date()
    response = client.get(reverse("portal:event_calendar"), {"year": day.year, "month": day.month})
    html = response.content.decode()
    assert reverse("councils:public_meeting", args=[soon.pk]) in html
    assert closed.title not in html and hidden.title not in html


def test_the_ical_feed_carries_public_meetings(client, meetings):
    soon, closed, hidden = meetings
    body = client.get(reverse("portal:events_ics")).content.decode()
    assert f"UID:{soon.pk}@kyodo-councils" in body
    assert "公開の第5回" in body
    assert closed.title not in body and hidden.title not in body


def test_the_home_page_announces_meetings_within_30_days(client, meetings):
    html = client.get(reverse("core:home")).content.decode()
    assert "審議会等の開催予定" in html and "公開の第5回" in html
    assert "非公開の第6回" not in html


def test_no_announcement_without_a_near_meeting(client):
    make_meeting(make_council(), timezone.localdate() + timedelta(days=40), title="遠い会議")
    html = client.get(reverse("core:home")).content.decode()
    assert "審議会等の開催予定" not in html
