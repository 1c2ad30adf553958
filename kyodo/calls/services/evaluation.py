"""Evaluation: evaluators, conflict declarations, blind scores and their submission."""

from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.calls.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    ConflictDeclaration,
    EvaluatorAssignment,
    Score,
)
from kyodo.calls.selectors import scored_criteria_counts
from kyodo.calls.services.common import now_or_clock, refuse
from kyodo.core.permissions import require_perm


@transaction.atomic
def evaluator_assign(*, actor, call: Call, evaluator) -> EvaluatorAssignment:
    require_perm(actor, "calls.manage_calls", call)
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status in (CallStatus.DECIDED, CallStatus.PUBLISHED):
        refuse(_("Evaluators cannot be changed after the decision."), "call_decided")
    if not evaluator.has_perm("calls.view_evaluations"):
        refuse(_("Only users with the evaluator role can be assigned."), "not_evaluator")
    assignment, _created = EvaluatorAssignment.objects.get_or_create(call=call, evaluator=evaluator)
    return assignment


@transaction.atomic
def evaluator_unassign(*, actor, assignment: EvaluatorAssignment) -> None:
    require_perm(actor, "calls.manage_calls", assignment.call)
    if assignment.scores.exists() or assignment.declarations.exists():
        refuse(
            _("This evaluator has already started; their work cannot be removed."),
            "evaluator_started",
        )
    assignment.delete()


def _check_evaluating(actor, assignment: EvaluatorAssignment, application: Application) -> None:
    """The actor's own assignment, the call under evaluation, their scores not yet submitted."""
    require_perm(actor, "calls.evaluate", assignment)
    if application.call_id != assignment.call_id or not application.is_submitted:
        refuse(_("This application is not part of your evaluation."), "wrong_application")
    require_perm(actor, "calls.score", assignment)


@transaction.atomic
def conflict_declare(
    *,
    actor,
    assignment: EvaluatorAssignment,
    application: Application,
    has_conflict: bool,
    note: str = "",
) -> ConflictDeclaration:
    """Declare, before scoring, whether the evaluator has a conflict with this application."""
    _check_evaluating(actor, assignment, application)
    if assignment.scores.filter(application=application).exists():
        refuse(_("The declaration cannot be changed after scoring has started."), "already_scored")
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        assignment=assignment,
        application=application,
        defaults={"has_conflict": has_conflict, "note": note},
    )
    return declaration


def _check_scores(assignment: EvaluatorAssignment, application: Application, values: dict):
    """The criteria by id, once the declaration and every value are acceptable."""
    declaration = assignment.declarations.filter(application=application).first()
    if declaration is None:
        refuse(_("Declare any conflict of interest before scoring."), "not_declared")
    if declaration.has_conflict:
        refuse(
            _("You declared a conflict of interest with this application and cannot score it."),
            "conflict",
        )
    criteria = {c.pk: c for c in assignment.call.criteria.all()}
    if set(values) != set(criteria):
        refuse(_("Score every criterion."), "incomplete_scores")
    for criterion_id, value in values.items():
        criterion = criteria[criterion_id]
        if not isinstance(value, int) or not 1 <= value <= criterion.max_score:
            refuse(
                _("The score for “%(name)s” must be from 1 to %(max)s.")
                % {"name": criterion.name, "max": criterion.max_score},
                "out_of_scale",
            )
    return criteria


@transaction.atomic
def scores_save(
    *,
    actor,
    assignment: EvaluatorAssignment,
    application: Application,
    values: dict,
    comments: dict | None = None,
) -> list[Score]:
    """Save the evaluator's scores for one application: {criterion id: value}.

    Refused without a declaration of no conflict, and for a value outside the criterion's scale.
    """
    _check_evaluating(actor, assignment, application)
    criteria = _check_scores(assignment, application, values)
    comments = comments or {}
    saved = []
    for criterion_id, value in values.items():
        score, _created = Score.objects.update_or_create(
            assignment=assignment,
            application=application,
            criterion=criteria[criterion_id],
            defaults={"value": value, "comment": comments.get(criterion_id, "")},
        )
        saved.append(score)
    return saved


@transaction.atomic
def evaluation_submit(*, actor, assignment: EvaluatorAssignment, now=None) -> EvaluatorAssignment:
    """Finish: every application declared, every one without a conflict fully scored."""
    require_perm(actor, "calls.evaluate", assignment)
    assignment = EvaluatorAssignment.objects.select_for_update().get(pk=assignment.pk)
    require_perm(actor, "calls.score", assignment)
    applications = assignment.call.applications.exclude(status=ApplicationStatus.DRAFT)
    declared = dict(assignment.declarations.values_list("application_id", "has_conflict"))
    criteria_count = assignment.call.criteria.count()
    scored = scored_criteria_counts(assignment)
    for application in applications:
        if application.pk not in declared:
            refuse(_("Declare conflicts of interest for every application."), "not_declared")
        if not declared[application.pk] and scored.get(application.pk) != criteria_count:
            refuse(_("Score every application you have no conflict with."), "incomplete_scores")
    assignment.submitted_at = now_or_clock(now)
    assignment.save()
    return assignment
