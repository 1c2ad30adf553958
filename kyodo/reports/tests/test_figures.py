"""Every figure of the dashboard on hand-made data, with the expected count written down."""

import datetime

import pytest

from kyodo.calls import services as call_services
from kyodo.cycles.models import BudgetLine
from kyodo.cycles.tests.factories import cycle_in, make_project, new_cycle
from kyodo.engagement.tests import factories as engagement
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects.models import ProjectStatus
from kyodo.reports.figures import Scope, dashboard
from kyodo.reports.figures.others import partners, subsidies
from kyodo.reports.figures.projects import (
    budget,
    project_flows,
    projects_by_phase_and_form,
    verification,
    verification_areas,
)
from kyodo.reports.tests.factories import LAST_YEAR, THIS_YEAR, project

pytestmark = pytest.mark.django_db
D = datetime.date


def _row(section, label):
    return next(row for row in section.rows if str(row.label) == label).values


@pytest.fixture
def flows(department_a, department_b):
    project(department_a, created=D(2026, 5, 1))
    project(
        department_a,
        created=D(2026, 6, 1),
        history=[(ProjectStatus.ASSESSING, D(2026, 6, 2)), (ProjectStatus.DECLINED, D(2026, 7, 1))],
    )
    project(
        department_a,
        created=D(2025, 5, 1),
        form="hojo",
        history=[(ProjectStatus.RUNNING, D(2025, 9, 1)), (ProjectStatus.CLOSED, D(2026, 3, 31))],
    )
    project(
        department_b,
        created=D(2026, 4, 1),
        form="kyosai",
        history=[(ProjectStatus.AGREED, D(2026, 8, 1)), (ProjectStatus.RUNNING, D(2026, 9, 1))],
    )


def test_project_flows_by_year(flows, department_a):
    city = project_flows(Scope(THIS_YEAR))
    assert city.years == [2024, 2025, 2026]
    assert _row(city, "New projects") == [0, 1, 3]
    assert _row(city, "Started running") == [0, 1, 1]
    assert _row(city, "Closed") == [0, 1, 0]  # 31 March 2026 is in 令和7年度
    assert _row(city, "Found not suited to collaboration") == [0, 0, 1]
    own = project_flows(Scope(THIS_YEAR, department_a))
    assert _row(own, "New projects") == [0, 1, 2]
    assert "department=" in own.rows[-1].link


def test_phase_and_form_as_of_the_years_end(flows):
    phase, form = projects_by_phase_and_form(Scope(THIS_YEAR))
    assert _row(phase, "Idea") == [1]
    assert _row(phase, "Not by collaboration") == [1]
    assert _row(phase, "Closed") == [1]
    assert _row(phase, "Running") == [1]
    assert _row(form, "補助") == [1] and _row(form, "共催") == [1] and _row(form, "委託") == [0]
    # On the last day of 令和7年度 the subsidy project had just closed; nothing else existed
    # but the two made in 令和7年度.
    phase_then, _form = projects_by_phase_and_form(Scope(LAST_YEAR))
    assert _row(phase_then, "Closed") == [1]
    assert _row(phase_then, "Running") == [0]
    assert sum(row.values[0] for row in phase_then.rows) == 1


def test_verification_by_both_sides_and_by_area(department_a):
    verified = make_project(department_a, title="検証済み")
    cycle_in(verified, "act", city_rating=4, partner_rating=2)
    new_cycle(make_project(department_a, title="未検証"))
    section = verification(Scope(THIS_YEAR))
    assert _row(section, "Cycles ending in the year") == [0, 0, 2]
    assert _row(section, "Verified by both sides") == [0, 0, 1]
    assert _row(section, "Share verified by both sides") == [None, None, 0.5]
    areas = verification_areas(Scope(THIS_YEAR))
    assert len(areas.rows) == 5  # the five areas of §3-1-③
    assert all(row.values == [4, 2] for row in areas.rows)


def test_costs_and_the_partners_share(department_a):
    cycle = new_cycle(make_project(department_a))  # budget lines from the cost lines
    BudgetLine.objects.filter(cycle=cycle, bearer="city").update(actual=40000)
    BudgetLine.objects.filter(cycle=cycle, bearer="partner").update(actual=10000)
    section = budget(Scope(THIS_YEAR))
    assert _row(section, "Planned") == [0, 0, 60600]
    assert _row(section, "Actual") == [0, 0, 50000]
    assert _row(section, "Actual borne by the partners") == [0, 0, 10000]
    assert _row(section, "Partners' share of the actual costs") == [None, None, 0.2]


def test_subsidies_and_repeat_recipients():
    partner = PartnerFactory(name="三年続けて")
    for year in (2024, 2025, 2026):
        call_services.grant_record(
            actor=None,
            partner=partner,
            purpose="見守り活動",
            amount=100_000,
            term_start=D(year, 4, 1),
            term_end=D(year + 1, 3, 31),
        )
    section = subsidies(Scope(THIS_YEAR))
    assert _row(section, "Grants") == [1, 1, 1]
    assert _row(section, "Total (yen)") == [100_000, 100_000, 100_000]
    assert _row(section, "Recipients funded year after year")[-1] == 1


def test_partners_by_type_and_new(db):
    PartnerFactory(name="新しい会")
    section = partners(Scope(THIS_YEAR))
    assert _row(section, "Newly registered") == [0, 0, 1]
    assert _row(section, "ボランティア団体")[-1] == 1


def test_the_dashboard_gathers_every_section(department_a, staff_a):
    issue = engagement.issue(engagement.session(department_a))
    from kyodo.engagement import services as engagement_services

    engagement_services.issue_to_project(actor=staff_a, issue=issue, title="課題から")
    board = dashboard(Scope(THIS_YEAR))
    keys = [section.key for section in board.sections]
    assert keys == [
        "project_flows",
        "projects_by_phase",
        "projects_by_form",
        "verification",
        "verification_areas",
        "budget",
        "subsidies",
        "calls",
        "partners",
        "councils",
        "dialogue",
        "opinions",
        "surveys",
    ]
    dialogue = board.section("dialogue")
    assert _row(dialogue, "Became projects") == [0, 0, 1]
    assert len(board.staff_activity) == len(board.staff_training) >= 1


def test_open_calls_applications_and_published_results(db):
    from django.utils import timezone

    from kyodo.calls.models import Call, CallStatus
    from kyodo.calls.tests.factories import applicant, make_call, submit
    from kyodo.reports.figures.others import calls

    published = make_call(title="結果を公表した公募")
    submit(published, applicant("応募団体1"))
    submit(published, applicant("応募団体2"))
    waiting = make_call(title="結果を待つ公募")
    past = timezone.make_aware(datetime.datetime(2026, 9, 1, 17, 0))
    Call.objects.filter(pk=published.pk).update(deadline=past, status=CallStatus.PUBLISHED)
    Call.objects.filter(pk=waiting.pk).update(deadline=past, status=CallStatus.EVALUATING)
    make_call(title="下書き", open_=False)  # drafts are not counted
    section = calls(Scope(THIS_YEAR))
    assert _row(section, "Calls") == [0, 0, 2]
    assert _row(section, "Applications") == [0, 0, 2]
    assert _row(section, "Share of closed calls with a published result") == [None, None, 0.5]
