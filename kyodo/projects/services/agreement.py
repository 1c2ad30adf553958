"""The agreement (協定書): its draft, its documents and finalising it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.core.states import TransitionRefused
from kyodo.guideline.models import CollaborationForm
from kyodo.projects.documents import agreement_data, render_docx, render_pdf
from kyodo.projects.models import (
    Agreement,
    AgreementDocument,
    Participation,
    Project,
    ProjectStatus,
)
from kyodo.projects.services.plan import project_transition

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


def _save_signatories(project, signatories: dict) -> None:
    """Who signs for 丙 and the partners after it: {participation id: name}."""
    participations = {str(p.pk): p for p in Participation.objects.filter(project=project)}
    names = {str(key): (name or "").strip() for key, name in signatories.items()}
    if set(names) - set(participations):
        raise ValidationError(_("A signatory was given for a partner not in this project."))
    for key, name in names.items():
        participation = participations[key]
        if participation.signatory != name:
            participation.signatory = name
            participation.save(update_fields=["signatory", "updated_at"])


@transaction.atomic
def agreement_save(
    *, actor, project: Project, lock_version=None, other_signatories=None, **fields
) -> Agreement:
    """Create or change the agreement's draft (both sides may), with optimistic locking.
    `other_signatories` names who signs for 丙 and later partners ({participation id: name})."""
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown agreement fields: {sorted(unknown)}")
    require_perm(actor, "projects.edit_agreement", project)
    agreement = Agreement.objects.filter(project=project).first()
    _validate_agreement(project, fields)
    if agreement is not None:
        check_lock(Agreement, agreement, lock_version)
    _save_signatories(project, other_signatories or {})
    if agreement is None:
        return Agreement.objects.create(project=project, **fields)
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
        generated_by=recorded_actor(actor),
    )


@transaction.atomic
def agreement_finalise(*, actor, agreement: Agreement) -> Agreement:
    """Finalise the agreement once everything the guideline asks for is complete."""
    bump("projects")
    from kyodo.projects.selectors import agreement_missing

    require_perm(actor, "projects.decide", agreement.project)
    missing = agreement_missing(agreement.project)
    if missing:
        raise TransitionRefused(missing, code="incomplete")
    agreement.finalised_at = timezone.now()
    agreement.finalised_by = recorded_actor(actor)
    agreement.save(update_fields=["finalised_at", "finalised_by", "updated_at"])
    project_transition(actor=actor, project=agreement.project, to_status=ProjectStatus.AGREED)
    return agreement
