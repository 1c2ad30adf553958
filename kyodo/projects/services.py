"""Every change to collaborative projects goes through these functions."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.normalize import normalize_search_key
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import index_update
from kyodo.guideline.models import CollaborationForm, Question
from kyodo.guideline.selectors import current_version
from kyodo.partners.models import Partner
from kyodo.partners.services import partner_index_refresh
from kyodo.projects.documents import agreement_data, render_docx, render_pdf
from kyodo.projects.models import (
    AgreedPoint,
    Agreement,
    AgreementDocument,
    Answer,
    CheckpointConfirmation,
    CheckpointState,
    Consultation,
    CostBearer,
    CostLine,
    Decision,
    Participation,
    Project,
    ProjectStatus,
    RoleLine,
    StatusChange,
    SuitabilityAnswer,
    SuitabilityCheck,
)

# The allowed moves; the guards in `_transition_guard` add what each move needs.
TRANSITIONS = {
    ProjectStatus.IDEA: {ProjectStatus.ASSESSING},
    ProjectStatus.ASSESSING: {ProjectStatus.DECLINED, ProjectStatus.FORMING},
    # Saying no is not forever: a proposal may come back with a changed plan.
    ProjectStatus.DECLINED: {ProjectStatus.ASSESSING},
    ProjectStatus.FORMING: {ProjectStatus.AGREED, ProjectStatus.ASSESSING},
    ProjectStatus.AGREED: {ProjectStatus.RUNNING},
    ProjectStatus.RUNNING: {ProjectStatus.CLOSED},
    ProjectStatus.CLOSED: set(),
}

PLAN_FIELDS = (
    "title",
    "local_issue",
    "purpose",
    "public_benefit",
    "beneficiaries",
    "department",
    "plan_area",
    "fiscal_year_from",
    "fiscal_year_to",
    "budget",
)


class TransitionRefused(ValidationError):
    """A status change the rules forbid; the message says why."""


class EditConflict(ValidationError):
    """Someone else saved the record since the form was opened."""


def _user_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _check_lock(model, obj, lock_version) -> None:
    """Optimistic locking: refuse a save based on an older version of the record."""
    if lock_version is None:
        return
    current = (
        model.objects.select_for_update().filter(pk=obj.pk).values_list("lock_version", flat=True)
    )
    if current.first() != int(lock_version):
        raise EditConflict(
            _(
                "Someone else saved this record while you were editing it. Your input is kept "
                "below: check the current record and save again."
            ),
            code="conflict",
        )


# --- the project and its plan -------------------------------------------------------------


def _search_text(project: Project) -> str:
    return normalize_search_key(" ".join([project.title, project.local_issue, project.purpose]))


def _validate_plan(fields: dict) -> None:
    first, last = fields.get("fiscal_year_from"), fields.get("fiscal_year_to")
    if first and last and last < first:
        raise ValidationError(
            {"fiscal_year_to": _("The last fiscal year cannot be before the first.")}
        )
    budget = fields.get("budget")
    if budget is not None and (not isinstance(budget, int) or budget < 0):
        raise ValidationError({"budget": _("Enter the budget in whole yen, 0 or more.")})


@transaction.atomic
def project_create(*, actor, title: str, department, **fields) -> Project:
    """Start a project from a local issue; it begins as an idea."""
    require_perm(actor, "projects.create_project")
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    _validate_plan(fields)
    project = Project(title=title, department=department, **fields)
    project.search_text = _search_text(project)
    project.save()
    index_update(project)
    StatusChange.objects.create(
        project=project, to_status=project.status, actor=_user_or_none(actor)
    )
    return project


@transaction.atomic
def project_update(*, actor, project: Project, lock_version=None, **fields) -> Project:
    """Change the plan (both sides may); refused if someone else saved it meanwhile."""
    require_perm(actor, "projects.edit_workspace", project)
    if "department" in fields:
        require_perm(actor, "projects.decide", project)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    _check_lock(Project, project, lock_version)
    _validate_plan(fields)
    for name, value in fields.items():
        setattr(project, name, value)
    project.lock_version += 1
    project.search_text = _search_text(project)
    project.save()
    index_update(project)
    return project


def _transition_guard(project: Project, to_status: str) -> str | None:
    """Why the move to `to_status` is not possible now, or None."""
    check = SuitabilityCheck.objects.filter(project=project).first()
    if to_status == ProjectStatus.FORMING and (check is None or check.decision != Decision.PROCEED):
        return _("The suitability check has not been completed with the decision to proceed.")
    if to_status == ProjectStatus.DECLINED and (
        check is None or check.decision != Decision.DECLINE or not check.reason.strip()
    ):
        return _("A project is declined through the suitability check, with the reason.")
    if to_status == ProjectStatus.AGREED:
        agreement = Agreement.objects.filter(project=project).first()
        if agreement is None or agreement.finalised_at is None:
            return _("The agreement has not been finalised.")
    return None


@transaction.atomic
def project_transition(*, actor, project: Project, to_status: str, reason: str = "") -> Project:
    """Move the project along its life cycle, only by the allowed steps."""
    require_perm(actor, "projects.decide", project)
    project = Project.objects.select_for_update().get(pk=project.pk)
    current = ProjectStatus(project.status)
    if to_status not in TRANSITIONS[current]:
        raise TransitionRefused(
            _("A project cannot go from “%(from)s” to “%(to)s”.")
            % {"from": current.label, "to": ProjectStatus(to_status).label},
            code="not_allowed",
        )
    refusal = _transition_guard(project, to_status)
    if refusal:
        raise TransitionRefused(refusal, code="guard")
    StatusChange.objects.create(
        project=project,
        from_status=current,
        to_status=to_status,
        reason=reason,
        actor=_user_or_none(actor),
    )
    project.status = to_status
    project.save(update_fields=["status", "updated_at"])
    return project


# --- partners -----------------------------------------------------------------------------


@transaction.atomic
def participation_add(
    *, actor, project: Project, partner: Partner, role: str = ""
) -> Participation:
    """Add a partner to a project (idempotent: an existing participation gets the new role)."""
    require_perm(actor, "projects.manage_participants", project)
    participation, created = Participation.objects.get_or_create(
        project=project, partner=partner, defaults={"role": role}
    )
    if not created and role and participation.role != role:
        participation.role = role
        participation.save(update_fields=["role", "updated_at"])
    # The partner's track record (its projects) is part of what search and matching find.
    partner_index_refresh(partner=partner)
    return participation


@transaction.atomic
def participation_remove(*, actor, participation: Participation) -> None:
    require_perm(actor, "projects.manage_participants", participation.project)
    partner = participation.partner
    participation.delete()
    partner_index_refresh(partner=partner)


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
    require_perm(actor, "projects.decide", project)
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.status not in (ProjectStatus.IDEA, ProjectStatus.ASSESSING):
        raise TransitionRefused(
            _("The suitability check can be changed only while the project is being assessed."),
            code="closed_check",
        )
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
        project_transition(actor=actor, project=project, to_status=ProjectStatus.FORMING)
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
        answered = set(check.answers.values_list("question_id", flat=True))
        if answered != set(questions):
            raise ValidationError(
                {"decision": _("Answer every question before deciding to proceed.")}
            )
    check.decision = decision
    check.reason = reason.strip()
    if decision != Decision.PENDING:
        check.decided_by = _user_or_none(actor)
        check.decided_at = timezone.now()
    check.save()


# --- form and its checkpoints -------------------------------------------------------------


@transaction.atomic
def project_choose_form(*, actor, project: Project, form: str) -> Project:
    """Choose the form of collaboration; its current checkpoints are to be confirmed."""
    require_perm(actor, "projects.decide", project)
    if form not in CollaborationForm.values:
        raise ValidationError({"form": _("Choose one of the forms of collaboration.")})
    if _agreement_is_final(project):
        raise TransitionRefused(_("The agreement is final; the form can no longer change."))
    if project.form != form:
        project.checkpoints.all().delete()
        project.form = form
        project.form_version = current_version(CollaborationForm.checklist_key(form))
        project.save(update_fields=["form", "form_version", "updated_at"])
    return project


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
        defaults={"state": state, "reason": reason.strip(), "confirmed_by": _user_or_none(actor)},
    )
    return confirmation


# --- roles, responsibilities and costs ----------------------------------------------------


@transaction.atomic
def role_line_add(
    *, actor, project, task: str, city_part="", partner_part="", responsibility=""
) -> RoleLine:
    require_perm(actor, "projects.edit_workspace", project)
    if not task.strip():
        raise ValidationError({"task": _("Enter the task.")})
    return RoleLine.objects.create(
        project=project,
        task=task.strip(),
        city_part=city_part,
        partner_part=partner_part,
        responsibility=responsibility,
    )


@transaction.atomic
def role_line_delete(*, actor, line: RoleLine) -> None:
    require_perm(actor, "projects.edit_workspace", line.project)
    line.delete()


@transaction.atomic
def cost_line_add(*, actor, project, item: str, amount, bearer: str, note="") -> CostLine:
    require_perm(actor, "projects.edit_workspace", project)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError({"amount": _("Enter the amount in whole yen, 0 or more.")})
    if bearer not in CostBearer.values:
        raise ValidationError({"bearer": _("Choose who bears the cost.")})
    if not item.strip():
        raise ValidationError({"item": _("Enter the item.")})
    return CostLine.objects.create(
        project=project, item=item.strip(), amount=amount, bearer=bearer, note=note
    )


@transaction.atomic
def cost_line_delete(*, actor, line: CostLine) -> None:
    require_perm(actor, "projects.edit_workspace", line.project)
    line.delete()


# --- consultations and agreed points ------------------------------------------------------


@transaction.atomic
def consultation_add(
    *,
    actor,
    project,
    held_on: date,
    city_attendees: str,
    partner_attendees: str,
    agenda: str,
    notes: str = "",
    points=(),
) -> Consultation:
    """Record a consultation; each line of `points` becomes an agreed point to confirm."""
    require_perm(actor, "projects.edit_workspace", project)
    consultation = Consultation.objects.create(
        project=project,
        held_on=held_on,
        city_attendees=city_attendees,
        partner_attendees=partner_attendees,
        agenda=agenda,
        notes=notes,
    )
    for text in points:
        if text.strip():
            agreed_point_add(actor=actor, project=project, text=text, consultation=consultation)
    return consultation


@transaction.atomic
def agreed_point_add(*, actor, project, text: str, consultation=None) -> AgreedPoint:
    require_perm(actor, "projects.edit_workspace", project)
    if not text.strip():
        raise ValidationError({"text": _("Enter the point to agree on.")})
    return AgreedPoint.objects.create(project=project, consultation=consultation, text=text.strip())


@transaction.atomic
def agreed_point_confirm(*, actor, point: AgreedPoint, side: str) -> AgreedPoint:
    """One side confirms it reads the point the same way; `side` is "city" or "partner"."""
    if side == "city":
        require_perm(actor, "projects.confirm_as_city", point.project)
        point.city_confirmed_by, point.city_confirmed_at = actor, timezone.now()
    elif side == "partner":
        require_perm(actor, "projects.confirm_as_partner", point.project)
        point.partner_confirmed_by, point.partner_confirmed_at = actor, timezone.now()
    else:
        raise ValueError(side)
    point.save()
    return point


# --- agreement ----------------------------------------------------------------------------

AGREEMENT_FIELDS = (
    "kind",
    "valid_from",
    "valid_until",
    "term_end",
    "confidentiality",
    "personal_data",
    "rights",
    "trouble",
    "other_clauses",
    "city_signatory",
    "partner_signatory",
)


def _agreement_is_final(project) -> bool:
    return Agreement.objects.filter(project=project, finalised_at__isnull=False).exists()


def mandatory_clause_errors(form: str, fields: dict) -> dict:
    """The clauses the chosen form makes mandatory (委託: confidentiality and personal data;
    補助: the end of the subsidy term), as {field: message} for those missing."""
    errors = {}
    if form == CollaborationForm.ITAKU:
        if not (fields.get("confidentiality") or "").strip():
            errors["confidentiality"] = _("For 委託 the confidentiality clause is mandatory.")
        if not (fields.get("personal_data") or "").strip():
            errors["personal_data"] = _("For 委託 the personal data clause is mandatory.")
    if form == CollaborationForm.HOJO and not fields.get("term_end"):
        errors["term_end"] = _("For 補助 the end of the subsidy term is mandatory.")
    return errors


def _validate_agreement(project, fields: dict) -> None:
    errors = mandatory_clause_errors(project.form, fields)
    start, end = fields.get("valid_from"), fields.get("valid_until")
    if start and end and end < start:
        errors["valid_until"] = _("The end of the validity period cannot be before its start.")
    term_end = fields.get("term_end")
    if start and term_end and term_end < start:
        errors["term_end"] = _("The end of the subsidy term cannot be before the start.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agreement_save(*, actor, project: Project, lock_version=None, **fields) -> Agreement:
    """Create or change the agreement's draft (both sides may), with optimistic locking."""
    require_perm(actor, "projects.edit_workspace", project)
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown agreement fields: {sorted(unknown)}")
    agreement = Agreement.objects.filter(project=project).first()
    if agreement is not None and agreement.finalised_at is not None:
        raise TransitionRefused(_("The agreement is final and can no longer be changed."))
    _validate_agreement(project, fields)
    if agreement is None:
        return Agreement.objects.create(project=project, **fields)
    _check_lock(Agreement, agreement, lock_version)
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.lock_version += 1
    agreement.save()
    return agreement


@transaction.atomic
def agreement_generate(*, actor, agreement: Agreement) -> AgreementDocument:
    """Generate the .docx and the PDF from the same data, as the next numbered version."""
    require_perm(actor, "projects.edit_workspace", agreement.project)
    data = agreement_data(agreement)
    number = (agreement.documents.aggregate(last=Max("number"))["last"] or 0) + 1
    return AgreementDocument.objects.create(
        agreement=agreement,
        number=number,
        docx=render_docx(data),
        pdf=render_pdf(data),
        generated_by=_user_or_none(actor),
    )


@transaction.atomic
def agreement_finalise(*, actor, agreement: Agreement) -> Agreement:
    """Finalise the agreement once everything the guideline asks for is complete."""
    from kyodo.projects.selectors import agreement_missing

    require_perm(actor, "projects.decide", agreement.project)
    missing = agreement_missing(agreement.project)
    if missing:
        raise TransitionRefused(missing, code="incomplete")
    agreement.finalised_at = timezone.now()
    agreement.finalised_by = _user_or_none(actor)
    agreement.save(update_fields=["finalised_at", "finalised_by", "updated_at"])
    project_transition(actor=actor, project=agreement.project, to_status=ProjectStatus.AGREED)
    return agreement
