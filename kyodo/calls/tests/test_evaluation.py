"""Evaluation through the services: evaluators, declarations, blind scores, decision."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kyodo.calls import services
from kyodo.calls.models import ApplicationStatus, CallStatus
from kyodo.calls.tests.factories import Abandoned, codes, make_evaluator, score_all


def test_only_users_with_the_evaluator_role_are_assigned(open_call, coordinator, staff_a):
    with pytest.raises(ValidationError) as excinfo:
        services.evaluator_assign(actor=coordinator, call=open_call, evaluator=staff_a)
    assert codes(excinfo) == {"not_evaluator"}


def test_scoring_needs_a_declaration_first(evaluating):
    call, (a, _b), (first, _second) = evaluating
    criteria = list(call.criteria.all())
    with pytest.raises(ValidationError) as excinfo:
        services.scores_save(
            actor=first.evaluator,
            assignment=first,
            application=a,
            values={c.pk: 3 for c in criteria},
        )
    assert codes(excinfo) == {"not_declared"}


def test_a_declared_conflict_excludes_the_evaluator(evaluating):
    call, (a, b), (first, _second) = evaluating
    services.conflict_declare(
        actor=first.evaluator,
        assignment=first,
        application=a,
        has_conflict=True,
        note="団体Aの会員です",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.scores_save(
            actor=first.evaluator,
            assignment=first,
            application=a,
            values={c.pk: 3 for c in call.criteria.all()},
        )
    assert codes(excinfo) == {"conflict"}
    score_all(first, b, [3] * 7)
    # The conflicted application does not need scores for the evaluator to finish.
    services.evaluation_submit(actor=first.evaluator, assignment=first)


def test_scores_outside_the_scale_are_refused(evaluating):
    call, (a, _b), (first, _second) = evaluating
    services.conflict_declare(
        actor=first.evaluator, assignment=first, application=a, has_conflict=False
    )
    criteria = list(call.criteria.all())
    for bad in (0, 6, -1):
        values = {c.pk: 3 for c in criteria} | {criteria[0].pk: bad}
        with pytest.raises(ValidationError) as excinfo:
            services.scores_save(
                actor=first.evaluator, assignment=first, application=a, values=values
            )
        assert codes(excinfo) == {"out_of_scale"}
    assert not first.scores.exists()


def test_an_evaluator_cannot_use_another_evaluators_assignment(evaluating):
    _call, (a, _b), (first, second) = evaluating
    with pytest.raises(PermissionDenied):
        services.conflict_declare(
            actor=second.evaluator, assignment=first, application=a, has_conflict=False
        )


def test_submission_needs_every_application_declared_and_scored(evaluating):
    _call, (a, b), (first, _second) = evaluating
    score_all(first, a, [3] * 7)
    with pytest.raises(ValidationError) as excinfo:
        services.evaluation_submit(actor=first.evaluator, assignment=first)
    assert codes(excinfo) == {"not_declared"}
    services.conflict_declare(
        actor=first.evaluator, assignment=first, application=b, has_conflict=False
    )
    with pytest.raises(ValidationError) as excinfo:
        services.evaluation_submit(actor=first.evaluator, assignment=first)
    assert codes(excinfo) == {"incomplete_scores"}
    score_all(first, b, [4] * 7)
    services.evaluation_submit(actor=first.evaluator, assignment=first)
    with pytest.raises(ValidationError):
        score_all(first, b, [5] * 7)


def test_decision_adds_the_selected_partner_to_the_project(
    evaluating, coordinator, django_capture_on_commit_callbacks
):
    call, (a, b), (first, second) = evaluating
    with pytest.raises(ValidationError) as excinfo:
        services.call_decide(actor=coordinator, call=call, selected=[a], reason="理由")
    assert codes(excinfo) == {"evaluation_unfinished"}
    for assignment in (first, second):
        score_all(assignment, a, [5] * 7)
        score_all(assignment, b, [3] * 7)
        services.evaluation_submit(actor=assignment.evaluator, assignment=assignment)
    with pytest.raises(ValidationError) as excinfo:
        services.call_decide(actor=coordinator, call=call, selected=[a], reason=" ")
    assert codes(excinfo) == {"no_reason"}
    call = services.call_decide(
        actor=coordinator, call=call, selected=[a], reason="実績と提案の実現性"
    )
    assert call.status == CallStatus.DECIDED
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED)
    assert list(call.project.partners.all()) == [a.partner]

    mail.outbox.clear()
    # A publication rolled back by its caller tells nobody.
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abandoned),
        transaction.atomic(),
    ):
        services.call_publish_result(actor=coordinator, call=call)
        raise Abandoned
    assert callbacks == []
    assert mail.outbox == []
    call.refresh_from_db()
    assert call.status == CallStatus.DECIDED

    with django_capture_on_commit_callbacks(execute=True):
        call = services.call_publish_result(actor=coordinator, call=call)
    assert call.status == CallStatus.PUBLISHED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [a.partner.contact_email, b.partner.contact_email]
    )
    assert {m.subject for m in mail.outbox} == {f"公募の選定結果：{call.title}"}
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert len(bodies) == 2
    assert "選定されました" in bodies[a.partner.contact_email]
    assert "選定されませんでした" in bodies[b.partner.contact_email]
    assert f"/calls/{call.pk}/result/" in bodies[a.partner.contact_email]


def test_evaluators_cannot_be_removed_once_they_have_started(evaluating, coordinator):
    _call, (a, _b), (first, _second) = evaluating
    services.conflict_declare(
        actor=first.evaluator, assignment=first, application=a, has_conflict=False
    )
    with pytest.raises(ValidationError):
        services.evaluator_unassign(actor=coordinator, assignment=first)


def test_a_decided_call_can_no_longer_be_edited(evaluating, coordinator):
    call, (a, b), assignments = evaluating
    for assignment in assignments:
        score_all(assignment, a, [4] * 7)
        score_all(assignment, b, [4] * 7)
        services.evaluation_submit(actor=None, assignment=assignment)
    services.call_decide(actor=coordinator, call=call, selected=[a, b], reason="二団体とも適格")
    with pytest.raises(ValidationError) as excinfo:
        services.call_update(actor=coordinator, call=call, title="変更")
    assert codes(excinfo) == {"call_decided"}
    with pytest.raises(ValidationError):
        services.evaluator_assign(actor=coordinator, call=call, evaluator=make_evaluator())
    # Two organisations may be selected together; both join the project.
    assert call.project.partners.count() == 2


def test_an_unstarted_evaluator_can_be_removed(open_call, coordinator):
    assignment = services.evaluator_assign(
        actor=coordinator, call=open_call, evaluator=make_evaluator()
    )
    again = services.evaluator_assign(
        actor=coordinator, call=open_call, evaluator=assignment.evaluator
    )
    assert again.pk == assignment.pk
    services.evaluator_unassign(actor=coordinator, assignment=assignment)
    assert not open_call.assignments.exists()
