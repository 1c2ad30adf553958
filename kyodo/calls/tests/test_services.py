"""Calls, their criteria and steps, and grants, through the services."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.calls import services
from kyodo.calls.models import CallStatus, Criterion
from kyodo.calls.services import CriterionInput
from kyodo.calls.tests.factories import (
    DEADLINE,
    applicant,
    codes,
    forming_project,
    make_call,
    make_evaluator,
    submit,
)
from kyodo.projects.models import ProjectStatus
from kyodo.projects.tests.factories import ProjectFactory

# --- Calls and criteria -----------------------------------------------------------------------


def test_a_new_call_gets_the_guidelines_four_capability_criteria(coordinator):
    call = make_call(open_=False)
    call = services.call_update(actor=coordinator, call=call, title="新しい題名")
    names = [c.name for c in call.criteria.all()]
    assert names[:4] == [
        "活動内容、活動実績",
        "事業の遂行能力",
        "事業目的を達成するための適性や企画力",
        "組織体制、組織運営(財政状況等)",
    ]
    assert {c.kind for c in call.criteria.all()[:4]} == {"capability"}
    assert sum(c.weight for c in call.criteria.all()) == 100
    assert call.status == CallStatus.DRAFT


def test_only_a_forming_project_can_have_a_call(coordinator, department_a):
    with pytest.raises(ValidationError) as excinfo:
        make_call(ProjectFactory(department=department_a, status=ProjectStatus.IDEA), open_=False)
    assert codes(excinfo) == {"project_not_forming"}


@pytest.mark.parametrize(
    "persona", ["administrator", "staff_a", "staff_b", "partner_member", "evaluator", "outsider"]
)
def test_only_coordinators_manage_calls(request, persona):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.call_create(
            actor=actor,
            project=forming_project(),
            title="x",
            purpose="x",
            eligibility="x",
            deadline=DEADLINE,
        )
    call = make_call(open_=False)
    with pytest.raises(PermissionDenied):
        services.call_open(actor=actor, call=call)


def test_weights_must_sum_to_100(coordinator):
    call = make_call(open_=False)
    with pytest.raises(ValidationError) as excinfo:
        services.criteria_set(
            actor=coordinator,
            call=call,
            criteria=[CriterionInput("実績", 50), CriterionInput("提案", 40)],
        )
    assert codes(excinfo) == {"weights_not_100"}
    assert "90" in excinfo.value.messages[0]
    assert call.criteria.count() == 7  # the previous set is untouched
    services.criteria_set(
        actor=coordinator,
        call=call,
        criteria=[CriterionInput("実績", 60, 10), CriterionInput("提案", 40, 5)],
    )
    assert [(c.name, c.weight, c.max_score) for c in call.criteria.all()] == [
        ("実績", 60, 10),
        ("提案", 40, 5),
    ]


def test_criteria_and_method_are_locked_once_open(coordinator):
    call = make_call(open_=False)
    services.call_open(actor=coordinator, call=call)
    with pytest.raises(ValidationError) as excinfo:
        services.criteria_set(actor=coordinator, call=call, criteria=[CriterionInput("x", 100)])
    assert codes(excinfo) == {"criteria_locked"}
    with pytest.raises(ValidationError) as excinfo:
        services.call_update(actor=coordinator, call=call, selection_method="presentation")
    assert codes(excinfo) == {"method_locked"}
    # Other fields (e.g. the contact) may still be corrected.
    services.call_update(actor=coordinator, call=call, contact="生活環境課 0152-44-6111")
    assert Criterion.objects.filter(call=call).count() == 7


def test_status_transitions_in_order(coordinator):
    call = make_call(open_=False, deadline=DEADLINE)
    before = DEADLINE - timedelta(days=1)
    with pytest.raises(ValidationError):
        services.call_close(actor=coordinator, call=call, now=DEADLINE + timedelta(minutes=1))
    call = services.call_open(actor=coordinator, call=call, now=before)
    assert call.status == CallStatus.OPEN and call.publication_date is not None
    with pytest.raises(ValidationError) as excinfo:
        services.call_close(actor=coordinator, call=call, now=DEADLINE)
    assert codes(excinfo) == {"before_deadline"}
    submit(call, applicant(), now=before)
    call = services.call_close(actor=coordinator, call=call, now=DEADLINE + timedelta(seconds=1))
    with pytest.raises(ValidationError) as excinfo:
        services.call_start_evaluation(actor=coordinator, call=call)
    assert codes(excinfo) == {"no_evaluators"}
    services.evaluator_assign(actor=coordinator, call=call, evaluator=make_evaluator())
    call = services.call_start_evaluation(actor=coordinator, call=call)
    assert call.status == CallStatus.EVALUATING
    with pytest.raises(ValidationError) as excinfo:
        services.call_publish_result(actor=coordinator, call=call)
    assert codes(excinfo) == {"bad_transition"}


def test_a_call_cannot_open_with_its_deadline_passed(coordinator):
    call = make_call(open_=False, deadline=DEADLINE)
    with pytest.raises(ValidationError) as excinfo:
        services.call_open(actor=coordinator, call=call, now=DEADLINE + timedelta(seconds=1))
    assert codes(excinfo) == {"deadline_passed"}


# --- Grants -----------------------------------------------------------------------------------


def test_a_review_needs_words(coordinator):
    partner = applicant()
    grant = services.grant_record(
        actor=coordinator,
        partner=partner,
        purpose="p",
        amount=1,
        term_start=DEADLINE.date(),
        term_end=DEADLINE.date(),
    )
    with pytest.raises(ValidationError):
        services.grant_review(actor=coordinator, grant=grant, notes="  ")
    services.grant_review(actor=coordinator, grant=grant, notes="成果あり")
    grant.refresh_from_db()
    assert grant.reviewed_on is not None and grant.review_notes == "成果あり"
