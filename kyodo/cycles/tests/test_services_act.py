"""Services of the act phase (evaluation, next cycle, end), the trouble log, and the rules that
span phases."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.core.rules import PhaseRefused
from kyodo.core.states import TransitionRefused
from kyodo.cycles import services
from kyodo.cycles.models import (
    Cycle,
    CycleStatus,
    Evaluation,
    Incident,
)
from kyodo.cycles.services.act import _next_period
from kyodo.cycles.tests.factories import START, all_answers, cycle_in, make_project, new_cycle
from kyodo.projects.models import ProjectStatus, StatusChange

# --- act ------------------------------------------------------------------------------------

EVALUATION = {
    "reviewed_on": datetime.date(2027, 4, 10),
    "attendees": "生活環境課 2名、会の役員 3名",
    "worked_well": "参加者が増えた",
    "to_improve": "募集を早める",
}


def test_next_cycle_carries_over_the_plan_and_the_improvements(project, staff_a):
    cycle = cycle_in(project, "do")
    indicator = cycle.indicators.get()
    services.actuals_record(actor=None, cycle=cycle, indicators={indicator.pk: 80}, budget={})
    cycle = services.cycle_transition(actor=None, cycle=cycle, to_status="check")
    cycle = _verify_both(cycle)
    services.evaluation_record(actor=staff_a, cycle=cycle, decision="change", **EVALUATION)
    following = services.cycle_start_next(actor=staff_a, cycle=cycle)
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.DONE
    assert (following.number, following.status, following.previous) == (2, "plan", cycle)
    assert following.goals == cycle.goals
    assert following.carried_improvements == "募集を早める"
    assert following.fiscal_year == 2027
    assert (following.period_start, following.period_end) == (
        datetime.date(2027, 4, 1),
        datetime.date(2028, 3, 31),
    )
    carried = following.indicators.get()
    assert (carried.name, carried.target, carried.actual) == ("参加者数", 100, None)
    assert list(following.budget_lines.values_list("item", "planned", "actual")) == [
        ("消耗品費", 48000, None),
        ("保険料", 12600, None),
    ]


def _verify_both(cycle):
    from kyodo.guideline.selectors import current_version

    questions = current_version("verification").questions.all()
    for side in ("city", "partner"):
        v = services.verification_save(
            actor=None, cycle=cycle, side=side, answers=all_answers(questions)
        )
        services.verification_submit(actor=None, verification=v)
    return services.cycle_transition(actor=None, cycle=cycle, to_status="act")


def test_schedule_moves_by_one_period(project):
    cycle = new_cycle(project)
    services.schedule_item_add(
        actor=None, cycle=cycle, planned_on=datetime.date(2026, 6, 1), activity="清掃"
    )
    services.indicator_add(actor=None, cycle=cycle, name="x", target=1)
    for step in ("do", "check"):
        cycle = services.cycle_transition(actor=None, cycle=cycle, to_status=step)
    cycle = _verify_both(cycle)
    services.evaluation_record(actor=None, cycle=cycle, decision="continue", **EVALUATION)
    following = services.cycle_start_next(actor=None, cycle=cycle)
    assert following.schedule.get().planned_on == datetime.date(2027, 6, 1)


def test_end_closes_the_cycle_and_the_project(project, staff_a):
    cycle = cycle_in(project, "act")
    services.evaluation_record(actor=staff_a, cycle=cycle, decision="end", **EVALUATION)
    with pytest.raises(PhaseRefused):
        services.cycle_start_next(actor=staff_a, cycle=cycle)
    services.cycle_end_project(actor=staff_a, cycle=cycle)
    project.refresh_from_db()
    assert project.status == ProjectStatus.CLOSED
    assert Cycle.objects.get(pk=cycle.pk).status == CycleStatus.DONE
    assert StatusChange.objects.filter(project=project, to_status="closed").exists()


def test_concluding_needs_an_evaluation_that_agrees(project):
    cycle = cycle_in(project, "act")
    with pytest.raises(PhaseRefused):
        services.cycle_start_next(actor=None, cycle=cycle)
    services.evaluation_record(actor=None, cycle=cycle, decision="continue", **EVALUATION)
    with pytest.raises(PhaseRefused):
        services.cycle_end_project(actor=None, cycle=cycle)


def test_evaluation_is_refused_before_act_and_with_missing_fields(project, staff_a):
    cycle = cycle_in(project, "check")
    with pytest.raises(PhaseRefused):
        services.evaluation_record(actor=staff_a, cycle=cycle, decision="continue", **EVALUATION)
    cycle = cycle_in(make_project(project.department, title="別の事業"), "act")
    with pytest.raises(ValidationError) as error:
        services.evaluation_record(
            actor=None,
            cycle=cycle,
            reviewed_on=datetime.date(2027, 4, 1),
            attendees="",
            worked_well="",
            to_improve="",
            decision="change",
        )
    assert {"attendees", "worked_well", "to_improve"} <= set(error.value.message_dict)
    assert not Evaluation.objects.filter(cycle=cycle).exists()


@pytest.mark.parametrize("persona", ["partner_member", "staff_b", "evaluator", "outsider"])
def test_only_the_city_side_evaluates(request, project, persona):
    cycle = cycle_in(project, "act")
    with pytest.raises(PermissionDenied):
        services.evaluation_record(
            actor=request.getfixturevalue(persona), cycle=cycle, decision="continue", **EVALUATION
        )


# --- trouble log ---------------------------------------------------------------------------


def test_trouble_is_recorded_on_the_open_cycle_and_closed_with_a_countermeasure(
    project, partner_member
):
    cycle = cycle_in(project, "do")
    incident = services.incident_record(
        actor=partner_member,
        project=project,
        occurred_on=START,
        what_happened="日程変更が伝わらなかった",
    )
    assert (incident.cycle, incident.status) == (cycle, "open")
    with pytest.raises(ValidationError) as error:
        services.incident_update(actor=partner_member, incident=incident, status="closed")
    assert "countermeasure" in error.value.message_dict
    services.incident_update(
        actor=partner_member,
        incident=incident,
        cause="連絡網が二つあった",
        countermeasure="連絡先を一本化",
        status="closed",
    )
    assert Incident.objects.get(pk=incident.pk).status == "closed"
    assert incident.history.count() == 2


@pytest.mark.parametrize("persona", ["staff_b", "evaluator", "outsider"])
def test_outsiders_cannot_log_troubles(request, project, persona):
    with pytest.raises(PermissionDenied):
        services.incident_record(
            actor=request.getfixturevalue(persona),
            project=project,
            occurred_on=START,
            what_happened="x",
        )


@pytest.mark.parametrize(
    ("start", "end", "next_start", "next_end"),
    [
        ("2026-04-01", "2027-03-31", "2027-04-01", "2028-03-31"),
        ("2027-04-01", "2028-03-31", "2028-04-01", "2029-03-31"),
        ("2026-05-01", "2026-10-31", "2026-11-01", "2027-04-30"),
        ("2026-05-10", "2026-06-09", "2026-06-10", "2026-07-10"),
    ],
)
def test_next_period_has_the_same_length(start, end, next_start, next_end):
    cycle = Cycle(
        period_start=datetime.date.fromisoformat(start),
        period_end=datetime.date.fromisoformat(end),
    )
    got_start, got_end, _shift = _next_period(cycle)
    assert (got_start.isoformat(), got_end.isoformat()) == (next_start, next_end)


def test_an_open_correction_holds_the_cycle_in_check(project, staff_a, verification_questions):
    cycle = cycle_in(project, "check")
    for side in ("city", "partner"):
        v = services.verification_save(
            actor=None, cycle=cycle, side=side, answers=all_answers(verification_questions)
        )
        services.verification_submit(actor=None, verification=v)
    city = services.current_verification(cycle, "city")
    correction = services.verification_correct(actor=staff_a, verification=city, reason="見直し")
    with pytest.raises(TransitionRefused, match="訂正"):
        services.cycle_transition(actor=None, cycle=cycle, to_status="act")
    services.verification_submit(actor=staff_a, verification=correction)
    assert services.cycle_transition(actor=None, cycle=cycle, to_status="act").status == "act"
