"""Every change to open calls, applications, evaluations and grants goes through these functions.

Functions that depend on the time take `now` (an aware datetime, default: the server clock), so
the deadline can be tested at its boundary; the deadline itself is stored as an aware datetime
entered in Asia/Tokyo (TIME_ZONE).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kyodo.calls.models import (
    Application,
    ApplicationStatus,
    Attachment,
    Call,
    CallStatus,
    ConflictDeclaration,
    Criterion,
    CriterionKind,
    DisclosureStatus,
    EvaluatorAssignment,
    Grant,
    Score,
)
from kyodo.core import normalize
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import index_update
from kyodo.core.wareki import fiscal_year
from kyodo.partners.models import Partner
from kyodo.projects.services import participation_add

# The guideline's four capability criteria (§3-(1)-② <市民団体の力量>), in the city's words,
# followed by the proposal criteria; a coordinator edits the set per call while it is a draft.
DEFAULT_CRITERIA = [
    (CriterionKind.CAPABILITY, "活動内容、活動実績", 15),
    (CriterionKind.CAPABILITY, "事業の遂行能力", 15),
    (CriterionKind.CAPABILITY, "事業目的を達成するための適性や企画力", 15),
    (CriterionKind.CAPABILITY, "組織体制、組織運営(財政状況等)", 15),
    (CriterionKind.PROPOSAL, "提案内容の妥当性・実現性", 20),
    (CriterionKind.PROPOSAL, "経費の妥当性", 10),
    (CriterionKind.PROPOSAL, "地域への波及効果", 10),
]
DEFAULT_MAX_SCORE = 5

CALL_FIELDS = (
    "title",
    "purpose",
    "eligibility",
    "budget_ceiling",
    "selection_method",
    "publication_date",
    "deadline",
    "evaluation_period",
    "announcement_date",
    "documents_required",
    "contact",
)
# Fixed once the call is open: changing them afterwards would not be fair to applicants.
LOCKED_FIELDS = ("selection_method",)

ALLOWED_ATTACHMENTS = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG",),
}
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _refuse(message: str, code: str):
    raise ValidationError(message, code=code)


# --- Calls ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionInput:
    name: str
    weight: int
    max_score: int = DEFAULT_MAX_SCORE
    kind: str = CriterionKind.PROPOSAL
    description: str = ""


def default_criteria() -> list[CriterionInput]:
    return [
        CriterionInput(name=name, weight=weight, kind=kind)
        for kind, name, weight in DEFAULT_CRITERIA
    ]


def _check_criteria(criteria: Sequence[CriterionInput]) -> None:
    if not criteria:
        _refuse(_("Give at least one selection criterion."), "no_criteria")
    total = sum(c.weight for c in criteria)
    if total != 100:
        _refuse(
            _("The weights of the criteria must add up to 100 (now %(total)s).") % {"total": total},
            "weights_not_100",
        )
    for c in criteria:
        if not c.name.strip():
            _refuse(_("Every criterion needs a name."), "criterion_name")
        if not 2 <= c.max_score <= 100:
            _refuse(_("The scale of a criterion must be from 2 to 100 points."), "criterion_scale")


@transaction.atomic
def call_create(*, actor, project, criteria: Sequence[CriterionInput] | None = None, **fields):
    """Create a draft call for a project that is forming its partnership."""
    require_perm(actor, "calls.manage_calls")
    if project.status != "forming":
        _refuse(
            _("A call can only be made for a project that is forming its partnership."),
            "project_not_forming",
        )
    call = Call(project=project, **{k: v for k, v in fields.items() if k in CALL_FIELDS})
    call.full_clean()
    call.save()
    index_update(call)
    criteria_set(actor=actor, call=call, criteria=criteria or default_criteria())
    return call


@transaction.atomic
def call_update(*, actor, call: Call, **fields) -> Call:
    require_perm(actor, "calls.manage_calls", call)
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status in (CallStatus.DECIDED, CallStatus.PUBLISHED):
        _refuse(_("A decided call can no longer be edited."), "call_decided")
    for name, value in fields.items():
        if name not in CALL_FIELDS:
            raise TypeError(name)
        if call.criteria_locked and name in LOCKED_FIELDS and getattr(call, name) != value:
            _refuse(_("The selection method is fixed once the call is open."), "method_locked")
        setattr(call, name, value)
    call.full_clean()
    call.save()
    index_update(call)
    return call


@transaction.atomic
def criteria_set(*, actor, call: Call, criteria: Sequence[CriterionInput]) -> list[Criterion]:
    """Replace the criteria of a draft call; refused once the call is open."""
    require_perm(actor, "calls.manage_calls", call)
    if Call.objects.select_for_update().get(pk=call.pk).criteria_locked:
        _refuse(_("The selection criteria are fixed once the call is open."), "criteria_locked")
    _check_criteria(criteria)
    call.criteria.all().delete()
    return [
        Criterion.objects.create(
            call=call,
            kind=c.kind,
            name=c.name.strip(),
            description=c.description,
            weight=c.weight,
            max_score=c.max_score,
            sort_order=index,
        )
        for index, c in enumerate(criteria)
    ]


def _transition(call: Call, expected: CallStatus, new: CallStatus) -> Call:
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status != expected:
        _refuse(
            _("This cannot be done while the call is “%(status)s”.")
            % {"status": call.get_status_display()},
            "bad_transition",
        )
    call.status = new
    return call


@transaction.atomic
def call_open(*, actor, call: Call, now: datetime | None = None) -> Call:
    """draft → open: publishes the call; its criteria and method are locked from now on."""
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.DRAFT, CallStatus.OPEN)
    _check_criteria([CriterionInput(c.name, c.weight, c.max_score) for c in call.criteria.all()])
    if call.deadline <= _now(now):
        _refuse(_("The application deadline has already passed."), "deadline_passed")
    if call.publication_date is None:
        call.publication_date = timezone.localdate(_now(now))
    call.save()
    return call


@transaction.atomic
def call_close(*, actor, call: Call, now: datetime | None = None) -> Call:
    """open → closed, once the deadline has passed (applications already stop at the deadline)."""
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.OPEN, CallStatus.CLOSED)
    if _now(now) <= call.deadline:
        _refuse(_("The call can be closed only after its deadline."), "before_deadline")
    call.save()
    return call


@transaction.atomic
def call_start_evaluation(*, actor, call: Call) -> Call:
    """closed → evaluating: the assigned evaluators can now see and score the applications."""
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.CLOSED, CallStatus.EVALUATING)
    if not call.assignments.exists():
        _refuse(_("Assign at least one evaluator first."), "no_evaluators")
    if not call.applications.exclude(status=ApplicationStatus.DRAFT).exists():
        _refuse(_("No application was submitted to this call."), "no_applications")
    call.save()
    return call


@transaction.atomic
def call_decide(
    *, actor, call: Call, selected: Iterable[Application], reason: str, now=None
) -> Call:
    """evaluating → decided: record the selected application(s) and the reason.

    The selected organisations join the project (the system applies the coordinator's
    decision, hence actor=None for participation_add).
    """
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.EVALUATING, CallStatus.DECIDED)
    selected_ids = {a.pk for a in selected}
    submitted = list(call.applications.exclude(status=ApplicationStatus.DRAFT))
    if not selected_ids:
        _refuse(_("Select at least one application."), "none_selected")
    if not selected_ids <= {a.pk for a in submitted}:
        _refuse(_("Only submitted applications to this call can be selected."), "bad_selection")
    if not reason.strip():
        _refuse(_("Give the reason for the selection."), "no_reason")
    if call.assignments.filter(submitted_at__isnull=True).exists():
        _refuse(
            _("Every assigned evaluator must submit their scores before the decision."),
            "evaluation_unfinished",
        )
    for application in submitted:
        chosen = application.pk in selected_ids
        application.status = (
            ApplicationStatus.SELECTED if chosen else ApplicationStatus.NOT_SELECTED
        )
        application.save(update_fields=["status", "updated_at"])
        if chosen:
            participation_add(
                actor=None, project=call.project, partner=application.partner, role=call.title
            )
    call.decision_reason = reason.strip()
    call.decided_at = _now(now)
    call.save()
    return call


@transaction.atomic
def call_publish_result(*, actor, call: Call, now=None) -> Call:
    """decided → published: the result goes on its public page and every applicant is told."""
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.DECIDED, CallStatus.PUBLISHED)
    call.published_at = _now(now)
    call.save()
    applications = call.applications.exclude(status=ApplicationStatus.DRAFT).select_related(
        "partner", "submitted_by"
    )
    for application in applications:
        _mail_applicant(application, "calls/email/result")
    return call


def _recipients(application: Application) -> list[str]:
    addresses = [application.partner.contact_email]
    if application.submitted_by:
        addresses.append(application.submitted_by.email)
    return sorted({a for a in addresses if a})


def _mail_applicant(application: Application, template: str) -> None:
    recipients = _recipients(application)
    if not recipients:
        return
    # Applicants read Japanese; the mail does not follow the language of whoever clicked.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "application": application,
            "call": application.call,
            "site_url": settings.KYODO_SITE_URL,
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    # Sent once the service's transaction has committed: a submission or result that is rolled
    # back must not have been announced. Written now, from the data as this transaction sees
    # it. robust: a mail server that is down is logged and does not turn a recorded
    # submission into an error page (the receipt number is on the page as well), nor keep the
    # other applicants of a result from being told.
    transaction.on_commit(partial(send_mail, subject, body, None, recipients), robust=True)


# --- Applications -----------------------------------------------------------------------------


def _check_member(actor, partner: Partner) -> None:
    """A partner member acts only for the organisations they belong to."""
    if actor is not None and not partner.memberships.filter(user=actor).exists():
        raise PermissionDenied("calls.apply")


def _check_open(call: Call, now: datetime | None) -> None:
    if call.status != CallStatus.OPEN:
        _refuse(_("This call is not accepting applications."), "call_not_open")
    if _now(now) > call.deadline:
        _refuse(
            _("The application deadline has passed; the application can no longer be changed."),
            "deadline_passed",
        )


APPLICATION_FIELDS = ("proposal", "plan", "budget_amount", "budget_notes")


@transaction.atomic
def application_save_draft(
    *, actor, call: Call, partner: Partner, now: datetime | None = None, **fields
) -> Application:
    """Create or update the organisation's draft (before the deadline, while not submitted)."""
    require_perm(actor, "calls.apply")
    _check_member(actor, partner)
    call = Call.objects.select_for_update().get(pk=call.pk)
    _check_open(call, now)
    application, _created = Application.objects.get_or_create(
        call=call, partner=partner, defaults={"created_by": actor}
    )
    if application.is_submitted:
        _refuse(_("This application has already been submitted."), "already_submitted")
    for name, value in fields.items():
        if name not in APPLICATION_FIELDS:
            raise TypeError(name)
        setattr(application, name, value)
    application.full_clean()
    application.save()
    return application


def _receipt_prefix(call: Call, when: datetime) -> str:
    return f"K{fiscal_year(timezone.localdate(when))}-"


def _assign_receipt_number(application: Application, when: datetime) -> None:
    prefix = _receipt_prefix(application.call, when)
    last = (
        Application.objects.filter(receipt_number__startswith=prefix)
        .order_by("-receipt_number")
        .values_list("receipt_number", flat=True)
        .first()
    )
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    # Two submissions at the same instant may pick the same number; the unique constraint
    # catches it and the next number is taken.
    for attempt in range(5):
        application.receipt_number = f"{prefix}{number + attempt:05d}"
        try:
            with transaction.atomic():
                application.save(update_fields=["receipt_number", "updated_at"])
            return
        except IntegrityError:
            continue
    raise IntegrityError("could not allocate a receipt number")


@transaction.atomic
def application_submit(
    *, actor, application: Application, now: datetime | None = None
) -> Application:
    """Submit before the deadline (server time): gives the receipt number and mails it."""
    require_perm(actor, "calls.edit_application", application)
    when = _now(now)
    application = (
        Application.objects.select_for_update()
        .select_related("call", "partner")
        .get(pk=application.pk)
    )
    _check_open(application.call, when)
    if application.is_submitted:
        _refuse(_("This application has already been submitted."), "already_submitted")
    missing = [
        str(Application._meta.get_field(name).verbose_name)
        for name in ("proposal", "plan")
        if not getattr(application, name).strip()
    ]
    if missing:
        _refuse(
            _("Fill in before submitting: %(fields)s.") % {"fields": "、".join(missing)},
            "incomplete",
        )
    ceiling = application.call.budget_ceiling
    # A draft may go over while the group works on it; what is submitted must fit the call.
    if ceiling is not None and (application.budget_amount or 0) > ceiling:
        _refuse(
            _(
                "The budget of %(amount)s yen is over the call's ceiling of %(ceiling)s yen: "
                "lower it before submitting."
            )
            % {"amount": f"{application.budget_amount:,}", "ceiling": f"{ceiling:,}"},
            "over_ceiling",
        )
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = when
    application.submitted_by = actor
    application.save()
    _assign_receipt_number(application, when)
    _mail_applicant(application, "calls/email/receipt")
    return application


def _check_attachment(upload) -> str:
    name = upload.name or ""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    signatures = ALLOWED_ATTACHMENTS.get(suffix)
    head = upload.read(8)
    upload.seek(0)
    if signatures is None or not any(head.startswith(sig) for sig in signatures):
        _refuse(
            _("Attach a PDF, Word (.docx), Excel (.xlsx), JPEG or PNG file."), "attachment_type"
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        _refuse(_("An attachment may be at most 10 MB."), "attachment_size")
    return name


@transaction.atomic
def attachment_add(
    *, actor, application: Application, upload, now: datetime | None = None
) -> Attachment:
    require_perm(actor, "calls.edit_application", application)
    _check_open(application.call, now)
    if application.is_submitted:
        _refuse(_("This application has already been submitted."), "already_submitted")
    name = _check_attachment(upload)
    attachment = Attachment(application=application, original_name=name[-255:], size=upload.size)
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment, now: datetime | None = None) -> None:
    application = attachment.application
    require_perm(actor, "calls.edit_application", application)
    _check_open(application.call, now)
    if application.is_submitted:
        _refuse(_("This application has already been submitted."), "already_submitted")
    attachment.file.delete(save=False)
    attachment.delete()


def receipt_number_normalize(value: str) -> str:
    """受付番号 as typed (全角, any hyphen, spaces, lower case) → the stored form."""
    return normalize.normalize_code(value).upper()


# --- Evaluation -------------------------------------------------------------------------------


@transaction.atomic
def evaluator_assign(*, actor, call: Call, evaluator) -> EvaluatorAssignment:
    require_perm(actor, "calls.manage_calls", call)
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status in (CallStatus.DECIDED, CallStatus.PUBLISHED):
        _refuse(_("Evaluators cannot be changed after the decision."), "call_decided")
    if not evaluator.has_perm("calls.view_evaluations"):
        _refuse(_("Only users with the evaluator role can be assigned."), "not_evaluator")
    assignment, _created = EvaluatorAssignment.objects.get_or_create(call=call, evaluator=evaluator)
    return assignment


@transaction.atomic
def evaluator_unassign(*, actor, assignment: EvaluatorAssignment) -> None:
    require_perm(actor, "calls.manage_calls", assignment.call)
    if assignment.scores.exists() or assignment.declarations.exists():
        _refuse(
            _("This evaluator has already started; their work cannot be removed."),
            "evaluator_started",
        )
    assignment.delete()


def _check_evaluating(assignment: EvaluatorAssignment, application: Application) -> None:
    if application.call_id != assignment.call_id or not application.is_submitted:
        _refuse(_("This application is not part of your evaluation."), "wrong_application")
    if assignment.call.status != CallStatus.EVALUATING:
        _refuse(_("The call is not under evaluation."), "not_evaluating")
    if assignment.submitted_at is not None:
        _refuse(_("You have already submitted your scores."), "already_submitted")


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
    require_perm(actor, "calls.evaluate", assignment)
    _check_evaluating(assignment, application)
    if assignment.scores.filter(application=application).exists():
        _refuse(_("The declaration cannot be changed after scoring has started."), "already_scored")
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        assignment=assignment,
        application=application,
        defaults={"has_conflict": has_conflict, "note": note},
    )
    return declaration


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
    require_perm(actor, "calls.evaluate", assignment)
    _check_evaluating(assignment, application)
    declaration = assignment.declarations.filter(application=application).first()
    if declaration is None:
        _refuse(_("Declare any conflict of interest before scoring."), "not_declared")
    if declaration.has_conflict:
        _refuse(
            _("You declared a conflict of interest with this application and cannot score it."),
            "conflict",
        )
    comments = comments or {}
    criteria = {c.pk: c for c in assignment.call.criteria.all()}
    if set(values) != set(criteria):
        _refuse(_("Score every criterion."), "incomplete_scores")
    saved = []
    for criterion_id, value in values.items():
        criterion = criteria[criterion_id]
        if not isinstance(value, int) or not 1 <= value <= criterion.max_score:
            _refuse(
                _("The score for “%(name)s” must be from 1 to %(max)s.")
                % {"name": criterion.name, "max": criterion.max_score},
                "out_of_scale",
            )
        score, _created = Score.objects.update_or_create(
            assignment=assignment,
            application=application,
            criterion=criterion,
            defaults={"value": value, "comment": comments.get(criterion_id, "")},
        )
        saved.append(score)
    return saved


@transaction.atomic
def evaluation_submit(*, actor, assignment: EvaluatorAssignment, now=None) -> EvaluatorAssignment:
    """Finish: every application declared, every one without a conflict fully scored."""
    require_perm(actor, "calls.evaluate", assignment)
    assignment = EvaluatorAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.call.status != CallStatus.EVALUATING:
        _refuse(_("The call is not under evaluation."), "not_evaluating")
    if assignment.submitted_at is not None:
        _refuse(_("You have already submitted your scores."), "already_submitted")
    applications = assignment.call.applications.exclude(status=ApplicationStatus.DRAFT)
    declared = dict(assignment.declarations.values_list("application_id", "has_conflict"))
    criteria_count = assignment.call.criteria.count()
    scored = {}
    for application_id in assignment.scores.values_list("application_id", flat=True):
        scored[application_id] = scored.get(application_id, 0) + 1
    for application in applications:
        if application.pk not in declared:
            _refuse(_("Declare conflicts of interest for every application."), "not_declared")
        if not declared[application.pk] and scored.get(application.pk) != criteria_count:
            _refuse(_("Score every application you have no conflict with."), "incomplete_scores")
    assignment.submitted_at = _now(now)
    assignment.save()
    return assignment


# --- Grants (補助) ----------------------------------------------------------------------------


def purpose_key(purpose: str) -> str:
    return normalize.normalize_search_key(purpose)


def _check_grant(grant: Grant) -> None:
    if grant.term_start and grant.term_end and grant.term_end < grant.term_start:
        _refuse(_("The term must end on or after its start."), "term_order")


@transaction.atomic
def grant_record(
    *,
    actor,
    partner: Partner,
    purpose: str,
    amount: int,
    term_start: date,
    term_end: date,
    project=None,
    call: Call | None = None,
    disclosure_status: str = DisclosureStatus.PENDING,
) -> Grant:
    require_perm(actor, "calls.manage_grants")
    grant = Grant(
        partner=partner,
        project=project,
        call=call,
        purpose=purpose.strip(),
        purpose_key=purpose_key(purpose),
        amount=amount,
        term_start=term_start,
        term_end=term_end,
        disclosure_status=disclosure_status,
    )
    _check_grant(grant)
    grant.full_clean()
    grant.save()
    return grant


@transaction.atomic
def grant_set_disclosure(*, actor, grant: Grant, disclosure_status: str) -> Grant:
    require_perm(actor, "calls.manage_grants", grant)
    grant.disclosure_status = disclosure_status
    grant.full_clean()
    grant.save()
    return grant


@transaction.atomic
def grant_review(*, actor, grant: Grant, notes: str, reviewed_on: date | None = None) -> Grant:
    """Record the review (振り返り) of a grant whose term has ended."""
    require_perm(actor, "calls.manage_grants", grant)
    if not notes.strip():
        _refuse(_("Write what the review found."), "no_review")
    grant.review_notes = notes.strip()
    grant.reviewed_on = reviewed_on or timezone.localdate()
    grant.save()
    return grant
