from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.core.rules import PhaseRefused
from kyodo.core.states import TransitionRefused
from kyodo.cycles import services
from kyodo.cycles.models import (
    BudgetLine,
    Cycle,
    CycleStatus,
)
from kyodo.cycles.tests.factories import END, START, all_answers, cycle_in, make_project, new_cycle

# --- creating a cycle ---------------------------------------------------------------------


def test_first_cycle_starts_in_plan_with_budget_lines_from_the_cost_lines(project, staff_a):
    cycle = services.cycle_create(
        actor=staff_a, project=project, period_start=START, period_end=END
    )
    assert (cycle.number, cycle.status) == (1, CycleStatus.PLAN)
    lines = list(BudgetLine.objects.filter(cycle=cycle).values_list("item", "bearer", "planned"))
    assert lines == [("消耗品費", "city", 48000), ("保険料", "partner", 12600)]
    assert cycle.history.count() == 1


@pytest.mark.parametrize("status", ["idea", "assessing", "forming", "agreed", "closed"])
def test_a_cycle_needs_a_running_project(department_a, status):
    project = make_project(department_a, status=status)
    with pytest.raises(PhaseRefused):
        new_cycle(project)


def test_only_one_open_cycle_at_a_time(project):
    new_cycle(project)
    with pytest.raises(PhaseRefused):
        new_cycle(project)


def test_period_end_before_start_is_refused_naming_the_field(project):
    with pytest.raises(ValidationError) as error:
        new_cycle(project, period_start=END, period_end=START)
    assert "period_end" in error.value.message_dict


@pytest.mark.parametrize("persona", ["staff_b", "partner_member", "evaluator", "outsider"])
def test_only_the_city_side_starts_a_cycle(request, project, persona):
    with pytest.raises(PermissionDenied):
        services.cycle_create(
            actor=request.getfixturevalue(persona),
            project=project,
            period_start=START,
            period_end=END,
        )


# --- plan -------------------------------------------------------------------------------


def test_both_sides_edit_the_plan(project, staff_a, partner_member):
    cycle = new_cycle(project)
    services.indicator_add(actor=staff_a, cycle=cycle, name="参加者数", unit="人", target=100)
    services.schedule_item_add(
        actor=partner_member, cycle=cycle, planned_on=START, activity="春の清掃"
    )
    services.budget_line_add(
        actor=partner_member, cycle=cycle, item="印刷費", bearer="partner", planned=5000
    )
    assert cycle.indicators.count() == 1 and cycle.schedule.count() == 1
    assert cycle.budget_lines.count() == 3


@pytest.mark.parametrize(("field", "value"), [("target", -1), ("target", "十"), ("target", True)])
def test_bad_targets_are_refused_naming_the_field(project, field, value):
    cycle = new_cycle(project)
    with pytest.raises(ValidationError) as error:
        services.indicator_add(actor=None, cycle=cycle, name="x", **{field: value})
    assert field in error.value.message_dict


@pytest.mark.parametrize("planned", [-1, 1.5, "5000", None])
def test_bad_planned_amounts_are_refused(project, planned):
    cycle = new_cycle(project)
    with pytest.raises(ValidationError) as error:
        services.budget_line_add(actor=None, cycle=cycle, item="x", bearer="city", planned=planned)
    assert "planned" in error.value.message_dict


def test_the_plan_is_frozen_after_the_plan_phase(project):
    cycle = cycle_in(project, "do")
    with pytest.raises(PhaseRefused):
        services.indicator_add(actor=None, cycle=cycle, name="x", target=1)
    with pytest.raises(PhaseRefused):
        services.plan_line_delete(actor=None, line=cycle.indicators.first())


# --- transitions --------------------------------------------------------------------------


def test_plan_to_do_needs_goals_and_an_indicator(project):
    cycle = new_cycle(project, goals="")
    with pytest.raises(TransitionRefused, match="指標"):
        services.cycle_transition(actor=None, cycle=cycle, to_status="do")
    services.indicator_add(actor=None, cycle=cycle, name="参加者数", target=10)
    with pytest.raises(TransitionRefused):
        services.cycle_transition(actor=None, cycle=cycle, to_status="do")
    services.cycle_update_plan(
        actor=None, cycle=cycle, goals="目標", period_start=START, period_end=END
    )
    assert services.cycle_transition(actor=None, cycle=cycle, to_status="do").status == "do"


def test_check_to_act_needs_both_verifications(project, verification_questions):
    cycle = cycle_in(project, "check")
    answers = all_answers(verification_questions)
    city = services.verification_save(actor=None, cycle=cycle, side="city", answers=answers)
    services.verification_submit(actor=None, verification=city)
    with pytest.raises(TransitionRefused) as error:
        services.cycle_transition(actor=None, cycle=cycle, to_status="act")
    assert "両者が検証を提出" in str(error.value)
    partner = services.verification_save(actor=None, cycle=cycle, side="partner", answers=answers)
    # A draft is not a submission.
    with pytest.raises(TransitionRefused):
        services.cycle_transition(actor=None, cycle=cycle, to_status="act")
    services.verification_submit(actor=None, verification=partner)
    assert services.cycle_transition(actor=None, cycle=cycle, to_status="act").status == "act"


@pytest.mark.parametrize(
    ("phase", "to"),
    [
        ("plan", "check"),
        ("plan", "act"),
        ("plan", "done"),
        ("do", "plan"),
        ("do", "act"),
        ("check", "do"),
        ("act", "done"),
        ("act", "check"),
        ("plan", "nonsense"),
    ],
)
def test_moves_that_skip_or_go_back_are_refused(project, phase, to):
    cycle = cycle_in(project, phase)
    with pytest.raises(TransitionRefused):
        services.cycle_transition(actor=None, cycle=cycle, to_status=to)
    assert Cycle.objects.get(pk=cycle.pk).status == phase


@pytest.mark.parametrize(
    "persona", ["partner_member", "staff_b", "evaluator", "outsider", "administrator"]
)
def test_only_the_city_side_moves_the_cycle(request, project, persona):
    cycle = cycle_in(project, "plan")
    with pytest.raises(PermissionDenied):
        services.cycle_transition(
            actor=request.getfixturevalue(persona), cycle=cycle, to_status="do"
        )


# --- do: actual values (records and evidence: test_evidence.py) ----------------------------


def test_actuals_are_recorded_and_validated(project):
    cycle = cycle_in(project, "do")
    indicator = cycle.indicators.get()
    line = cycle.budget_lines.first()
    services.actuals_record(
        actor=None, cycle=cycle, indicators={indicator.pk: Decimal("85.5")}, budget={line.pk: 40000}
    )
    indicator.refresh_from_db()
    line.refresh_from_db()
    assert (indicator.actual, line.actual) == (Decimal("85.5"), 40000)
    with pytest.raises(ValidationError) as error:
        services.actuals_record(actor=None, cycle=cycle, indicators={}, budget={line.pk: -5})
    assert f"budget_{line.pk}" in error.value.message_dict


# --- check --------------------------------------------------------------------------------


def test_verification_stores_the_checklist_version(project, verification_questions):
    cycle = cycle_in(project, "check")
    verification = services.verification_save(
        actor=None, cycle=cycle, side="city", answers=all_answers(verification_questions[:2])
    )
    assert verification.version.checklist.key == "verification"
    assert verification.version == verification_questions[0].version


def test_submitting_needs_every_question(project, verification_questions):
    cycle = cycle_in(project, "check")
    draft = services.verification_save(
        actor=None, cycle=cycle, side="city", answers=all_answers(verification_questions[:3])
    )
    with pytest.raises(ValidationError):
        services.verification_submit(actor=None, verification=draft)


def test_rating_outside_the_scale_is_refused(project, verification_questions):
    cycle = cycle_in(project, "check")
    for bad in (0, 5, "3"):
        with pytest.raises(ValidationError):
            services.verification_save(
                actor=None,
                cycle=cycle,
                side="city",
                answers={verification_questions[0].pk: (bad, "")},
            )


def test_a_submitted_verification_is_read_only_and_corrected_by_a_new_revision(
    project, staff_a, verification_questions
):
    cycle = cycle_in(project, "check")
    answers = all_answers(verification_questions, 3, "当初の評価")
    first = services.verification_save(actor=staff_a, cycle=cycle, side="city", answers=answers)
    services.verification_submit(actor=staff_a, verification=first)
    with pytest.raises(PhaseRefused):
        services.verification_save(actor=staff_a, cycle=cycle, side="city", answers=answers)
    with pytest.raises(ValidationError) as error:
        services.verification_correct(actor=staff_a, verification=first, reason=" ")
    assert "reason" in error.value.message_dict
    correction = services.verification_correct(
        actor=staff_a, verification=first, reason="事業成果の評価を見直した"
    )
    assert correction.revision == 2 and not correction.is_submitted
    assert correction.answers.count() == len(verification_questions)
    services.verification_save(
        actor=staff_a,
        cycle=cycle,
        side="city",
        answers={verification_questions[-1].pk: (1, "見直し後")},
    )
    services.verification_submit(actor=staff_a, verification=correction)
    first.refresh_from_db()
    assert first.answers.get(question=verification_questions[-1]).rating == 3
    assert correction.answers.get(question=verification_questions[-1]).rating == 1


def test_each_side_writes_only_its_own_verification(project, staff_a, partner_member):
    cycle = cycle_in(project, "check")
    with pytest.raises(PermissionDenied):
        services.verification_save(actor=partner_member, cycle=cycle, side="city", answers={})
    with pytest.raises(PermissionDenied):
        services.verification_save(actor=staff_a, cycle=cycle, side="partner", answers={})


def test_verification_only_in_the_check_phase(project):
    cycle = cycle_in(project, "do")
    with pytest.raises(PhaseRefused):
        services.verification_save(actor=None, cycle=cycle, side="city", answers={})
