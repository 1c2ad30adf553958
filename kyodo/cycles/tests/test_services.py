import datetime
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
    Evaluation,
    Incident,
    Side,
)
from kyodo.cycles.services.act import _next_period
from kyodo.cycles.tests.conftest import END, START, all_answers, cycle_in, make_project, new_cycle
from kyodo.projects.models import ProjectStatus, StatusChange

# --- creating a cycle ---------------------------------------------------------------------


def test_first_cycle_starts_in_plan_with_budget_lines_from_the_cost_lines(project, staff_a):
    cycle = services.cycle_create(
        actor=staff_a, project=project, period_start=START, period_end=END, fiscal_year=2026
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


# --- do -----------------------------------------------------------------------------------


def test_both_sides_record_activities_with_files(project, staff_a, partner_member):
    cycle = cycle_in(project, "do")
    record = services.activity_record_add(
        actor=partner_member,
        cycle=cycle,
        held_on=START,
        description="清掃",
        participants=20,
        volunteers=15,
        files=[("写真.JPG", b"\xff\xd8\xff\xe0jpeg"), ("報告.pdf", b"%PDF-1.4\n")],
    )
    assert record.side == Side.PARTNER
    assert [a.content_type for a in record.attachments.all()] == ["image/jpeg", "application/pdf"]
    by_city = services.activity_record_add(
        actor=staff_a, cycle=cycle, held_on=START, description="広報"
    )
    assert by_city.side == Side.CITY


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"participants": -1}, "participants"),
        ({"volunteers": -3}, "volunteers"),
        ({"participants": "5"}, "participants"),
        ({"description": "  "}, "description"),
        ({"files": [("virus.exe", b"MZ")]}, "files"),
        ({"files": [("big.png", b"0" * (5 * 1024 * 1024 + 1))]}, "files"),
    ],
)
def test_bad_records_are_refused_naming_the_field(project, kwargs, field):
    cycle = cycle_in(project, "do")
    data = {"held_on": START, "description": "清掃"} | kwargs
    with pytest.raises(ValidationError) as error:
        services.activity_record_add(actor=None, cycle=cycle, **data)
    assert field in error.value.message_dict


@pytest.mark.parametrize("phase", ["plan", "act"])
def test_records_only_while_doing_or_checking(project, phase):
    cycle = cycle_in(project, phase)
    with pytest.raises(PhaseRefused):
        services.activity_record_add(actor=None, cycle=cycle, held_on=START, description="x")


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
