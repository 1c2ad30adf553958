"""The hollow-council flag, for each of its two causes, with the reason in words."""

from datetime import date

import pytest
from django.utils import translation

from kyodo.councils import selectors, services
from kyodo.councils.models import OutcomeKind
from kyodo.councils.tests.factories import make_council, make_meeting

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)  # fiscal year 2026; the last complete one is 2025


def flags(council, day=TODAY):
    with translation.override("ja"):
        return selectors.council_rows([council], day=day)[0].hollow


def outcome(meeting):
    services.outcome_add(
        actor=None, meeting=meeting, kind=OutcomeKind.OPINION, title="意見", text="意見の内容"
    )


def test_three_meetings_without_outcome_flag_the_council():
    council = make_council(meetings_per_year=1)
    for day in (date(2025, 6, 1), date(2025, 10, 1), date(2026, 2, 1)):
        make_meeting(council, day)
    assert flags(council) == ["直近3回の会議で結論（答申・建議・報告・決定・意見）が出ていません。"]


def test_an_outcome_in_the_last_three_meetings_clears_the_flag():
    council = make_council(meetings_per_year=1)
    first = make_meeting(council, date(2025, 6, 1))
    for day in (date(2025, 10, 1), date(2026, 2, 1)):
        make_meeting(council, day)
    outcome(first)
    assert flags(council) == []


def test_an_outcome_only_before_the_last_three_does_not(settings):
    council = make_council(meetings_per_year=1)
    outcome(make_meeting(council, date(2025, 5, 1)))
    for day in (date(2025, 6, 1), date(2025, 10, 1), date(2026, 2, 1)):
        make_meeting(council, day)
    assert len(flags(council)) == 1
    settings.KYODO_COUNCIL_HOLLOW_MEETINGS = 4
    assert flags(council) == []


def test_future_meetings_do_not_count():
    council = make_council(meetings_per_year=0)
    for day in (date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1)):
        make_meeting(council, day)
    assert flags(council) == []


def test_meeting_less_often_than_the_rule_flags_the_council():
    council = make_council(meetings_per_year=2)
    outcome(make_meeting(council, date(2025, 7, 1)))
    assert flags(council) == ["令和7年度の開催は1回で、規程の2回を下回っています。"]
    outcome(make_meeting(council, date(2026, 3, 31)))  # still fiscal year 2025
    assert flags(council) == []


def test_a_council_established_during_the_year_is_not_judged_on_it():
    council = make_council(meetings_per_year=2, established_on=date(2025, 10, 1))
    assert flags(council) == []


def test_both_causes_together_and_the_coordinator_list():
    council = make_council(meetings_per_year=4)
    for day in (date(2025, 6, 1), date(2025, 10, 1), date(2026, 2, 1)):
        make_meeting(council, day)
    healthy = make_council(meetings_per_year=0)
    assert len(flags(council)) == 2
    listed = [row.council for row in selectors.hollow_councils(day=TODAY)]
    assert listed == [council]
    assert healthy not in listed
