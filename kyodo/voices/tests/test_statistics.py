"""The figures per fiscal year, with a moved clock: opinions received in 令和7年度 and 令和8年度
and replied after a known number of days."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from kyodo.voices.models import Reflection
from kyodo.voices.selectors import statistics_by_year
from kyodo.voices.tests.factories import assigned, replied

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


def at(year, month, day, hour=10):
    return datetime(year, month, day, hour, tzinfo=TOKYO)


@pytest.fixture
def years(department_a, monkeypatch):
    # 令和8年度 (from 1 April 2026): replied after 3, 10, 20 and 30 days; one still open.
    spring = at(2026, 4, 1)
    for days, reflection in [
        (3, Reflection.REFLECTED),
        (10, Reflection.PARTLY),
        (20, Reflection.FUTURE),
        (30, Reflection.NOT_POSSIBLE),
    ]:
        replied(
            department_a,
            now=spring,
            when=spring + timedelta(days=days),
            reflection=reflection,
        )
    assigned(department_a, now=spring)
    # 令和7年度: received on 31 March 2026 at 23:30 in Japan (14:30 UTC, still that day).
    late_march = at(2026, 3, 31, 23) + timedelta(minutes=30)
    replied(department_a, now=late_march, when=late_march + timedelta(days=14))


def test_figures_per_fiscal_year(years):
    this, last = statistics_by_year()
    assert (this.year, this.received, this.replied) == (2026, 5, 4)
    assert this.median_days == 15  # of 3, 10, 20, 30
    assert this.within_target == 0.5  # 3 and 10 days are within 14
    assert this.reflected == 0.5  # reflected and partly reflected
    assert (last.year, last.received, last.replied, last.median_days) == (2025, 1, 1, 14)
    assert last.within_target == 1.0  # the 14th day is within the target


def test_the_target_is_counted_from_receipt_with_the_setting(department_a, settings):
    settings.VOICES_REPLY_TARGET_DAYS = 5
    replied(department_a, now=at(2026, 5, 1), when=at(2026, 5, 7))
    (figures,) = statistics_by_year()
    assert figures.within_target == 0.0


def test_the_public_page_shows_the_figures_in_wareki(client, years):
    html = client.get(reverse("voices:statistics")).content.decode()
    assert "令和8年度" in html and "令和7年度" in html
    assert "50%" in html and "15" in html


def test_the_shares_are_charted_beside_the_table(client, years):
    html = client.get(reverse("voices:statistics")).content.decode()
    assert html.index("<table") < html.index("<svg")
    assert "令和8年度 50%" in html  # the chart's text alternative
    assert 'width="150.0"' in html  # half of the 300-unit bar
