"""The suitability check (§4), the form of collaboration and its checkpoints."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.guideline.models import CollaborationForm, Question
from kyodo.guideline.selectors import current_version
from kyodo.projects.models import (
    Answer,
    CheckpointConfirmation,
    CheckpointState,
    Decision,
    Project,
    ProjectStatus,
    SuitabilityAnswer,
    SuitabilityCheck,
)
from kyodo.projects.services.plan import project_transition
from kyodo.projects.suitability import verdict

# --- suitability check --------------------------------------------------------------------


@transaction.atomic
def suitability_check_save(
    *,
    actor,
    project: Project,
    answers: dict,
    strengths=(),
    decision: str = Decision.PENDING,
    reason: str = "",
) -> SuitabilityCheck:
    """Record the answers (question id → (answer, note)), the strengths and the decision.

    Saving moves an idea to `assessing`; a decision moves the project on: "proceed" to
    `forming`, "not by collaboration" to `declined` (with the reason, which is required).
    """
    project = Project.objects.select_for_update().get(pk=project.pk)
    require_perm(actor, "projects.answer_check", project)
    check = SuitabilityCheck.objects.filter(project=project).first()
    if check is None:
        check = SuitabilityCheck.objects.create(
            project=project,
            version=current_version("suitability"),
            strengths_version=current_version("strengths"),
        )
    questions = {q.pk: q for q in check.version.questions.all()}
    _save_answers(check, questions, answers)
    check.strengths.set(
        [q for q in check.strengths_version.questions.all() if q.pk in set(strengths)]
    )
    _decide(actor, check, questions, decision, reason)
    if project.status == ProjectStatus.IDEA:
        project = project_transition(actor=actor, project=project, to_status="assessing")
    if decision == Decision.PROCEED:
        # A reason given for going on against the answers stays in the project's history.
        project_transition(
            actor=actor, project=project, to_status=ProjectStatus.FORMING, reason=reason.strip()
        )
    elif decision == Decision.DECLINE:
        project_transition(
            actor=actor, project=project, to_status=ProjectStatus.DECLINED, reason=reason
        )
    return check


def _save_answers(check, questions, answers) -> None:
    for question_id, (answer, note) in answers.items():
        if question_id not in questions:
            raise ValidationError(_("This question is not part of the check."), code="question")
        if answer not in Answer.values:
            raise ValidationError(_("Choose yes, no or unclear."), code="answer")
        SuitabilityAnswer.objects.update_or_create(
            suitability=check, question_id=question_id, defaults={"answer": answer, "note": note}
        )


def _decide(actor, check, questions, decision, reason) -> None:
    if decision == Decision.DECLINE and not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the project is not to be done by collaboration.")}
        )
    if decision == Decision.PROCEED:
        given = dict(check.answers.values_list("question_id", "answer"))
        if set(given) != set(questions):
            raise ValidationError(
                {"decision": _("Answer every question before deciding to proceed.")}
            )
        # The guideline's answers count: going on against them takes a written reason.
        if verdict(questions.values(), given).proceeding_needs_a_reason and not reason.strip():
            raise ValidationError(
                {
                    "reason": _(
                        "The answers do not all speak for collaboration: write why the "
                        "project is to be done by collaboration all the same."
                    )
                }
            )
    check.decision = decision
    check.reason = reason.strip()
    if decision != Decision.PENDING:
        check.decided_by = recorded_actor(actor)
        check.decided_at = timezone.now()
    check.save()


# --- form and its checkpoints -------------------------------------------------------------


@transaction.atomic
def project_choose_form(*, actor, project: Project, form: str) -> Project:
    """Choose the form of collaboration; its current checkpoints are to be confirmed."""
    bump("projects")
    require_perm(actor, "projects.choose_form", project)
    if form not in CollaborationForm.values:
        raise ValidationError({"form": _("Choose one of the forms of collaboration.")})
    if project.form != form:
        project.checkpoints.all().delete()
        project.form = form
        project.form_version = current_version(CollaborationForm.checklist_key(form))
        project.save(update_fields=["form", "form_version", "updated_at"])
    return project


@transaction.atomic
def checkpoints_set(*, actor, project: Project, states: dict) -> int:
    """Record many checkpoints at once ({question: (state, reason)}): all of them, or none."""
    for question, (state, reason) in states.items():
        checkpoint_set(actor=actor, project=project, question=question, state=state, reason=reason)
    return len(states)


@transaction.atomic
def checkpoint_set(
    *, actor, project: Project, question: Question, state: str, reason: str = ""
) -> CheckpointConfirmation:
    require_perm(actor, "projects.decide", project)
    if project.form_version_id is None or question.version_id != project.form_version_id:
        raise ValidationError(_("This checkpoint does not belong to the chosen form."))
    if state not in CheckpointState.values:
        raise ValidationError({"state": _("Choose confirmed or not applicable.")})
    if state == CheckpointState.NOT_APPLICABLE and not reason.strip():
        raise ValidationError({"reason": _("Say why this checkpoint does not apply.")})
    confirmation, _created = CheckpointConfirmation.objects.update_or_create(
        project=project,
        question=question,
        defaults={"state": state, "reason": reason.strip(), "confirmed_by": recorded_actor(actor)},
    )
    return confirmation
