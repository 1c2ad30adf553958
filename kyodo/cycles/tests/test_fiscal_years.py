"""A cycle's 年度 comes from its dates (issue 17-4), also when the next cycle starts."""

import datetime

import pytest

from kyodo.cycles import services
from kyodo.cycles.tests.factories import cycle_in, make_project, new_cycle

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def project(department_a):
    return make_project(department_a)


def test_a_cycle_in_november_is_of_that_fiscal_year(project):
    cycle = new_cycle(project, period_start=D(2026, 11, 1), period_end=D(2026, 12, 12))
    assert cycle.fiscal_year == 2026
    assert cycle.fiscal_years_label == "令和8年度"


def test_a_cycle_across_31_march_names_both_years(project):
    cycle = new_cycle(project, period_start=D(2027, 2, 1), period_end=D(2027, 5, 31))
    assert cycle.fiscal_year == 2026
    assert cycle.fiscal_years_label == "令和8年度〜令和9年度"


def test_changing_the_period_changes_the_year(project):
    cycle = new_cycle(project, period_start=D(2026, 5, 1), period_end=D(2026, 10, 31))
    services.cycle_update_plan(
        actor=None,
        cycle=cycle,
        goals=cycle.goals,
        period_start=D(2027, 4, 1),
        period_end=D(2027, 9, 30),
    )
    cycle.refresh_from_db()
    assert cycle.fiscal_year == 2027


@pytest.mark.parametrize(
    "start, end, next_year",
    [
        # Half a year: the next cycle follows within the same fiscal year (not a year later).
        (D(2026, 5, 1), D(2026, 10, 31), 2026),
        # A whole fiscal year: the next cycle is the next one.
        (D(2026, 4, 1), D(2027, 3, 31), 2027),
    ],
)
def test_the_next_cycle_takes_the_year_of_its_own_dates(project, staff_a, start, end, next_year):
    cycle = cycle_in(project, "act", period_start=start, period_end=end)
    services.evaluation_record(
        actor=staff_a,
        cycle=cycle,
        decision="change",
        reviewed_on=end,
        attendees="生活環境課 2名",
        worked_well="参加者が増えた",
        to_improve="募集を早める",
    )
    following = services.cycle_start_next(actor=staff_a, cycle=cycle)
    assert following.period_start == end + datetime.timedelta(days=1)
    assert following.fiscal_year == next_year
