"""Calls: the draft, its criteria, and its steps from open to published."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.calls.models import (
    CALL_FIELDS,
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    Criterion,
    CriterionKind,
)
from kyodo.calls.services.common import mail_applicant, now_or_clock, refuse
from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.permissions import require_perm
from kyodo.core.search.index import index_update
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

# Fixed once the call is open: changing them afterwards would not be fair to applicants.
LOCKED_FIELDS = ("selection_method",)


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
        refuse(_("Give at least one selection criterion."), "no_criteria")
    total = sum(c.weight for c in criteria)
    if total != 100:
        refuse(
            _("The weights of the criteria must add up to 100 (now %(total)s).") % {"total": total},
            "weights_not_100",
        )
    for c in criteria:
        if not c.name.strip():
            refuse(_("Every criterion needs a name."), "criterion_name")
        if not 2 <= c.max_score <= 100:
            refuse(_("The scale of a criterion must be from 2 to 100 points."), "criterion_scale")


@transaction.atomic
def call_create(*, actor, project, criteria: Sequence[CriterionInput] | None = None, **fields):
    """Create a draft call for a project that is forming its partnership."""
    bump("calls")
    require_perm(actor, "calls.manage_calls")
    require_perm(actor, "calls.create_call_for", project)
    call = Call(project=project, **{k: v for k, v in fields.items() if k in CALL_FIELDS})
    call.full_clean()
    call.save()
    index_update(call)
    criteria_set(actor=actor, call=call, criteria=criteria or default_criteria())
    return call


@transaction.atomic
def call_update(*, actor, call: Call, lock_version: int | None = None, **fields) -> Call:
    """Change what the call says; refused if someone saved it since `lock_version` (the
    form's: `EditConflict`, naming what they changed)."""
    bump("calls")
    require_perm(actor, "calls.manage_calls", call)
    call = Call.objects.select_for_update().get(pk=call.pk)
    require_perm(actor, "calls.edit_call", call)
    check_lock(Call, call, lock_version)
    for name, value in fields.items():
        if name not in CALL_FIELDS:
            raise TypeError(name)
        if call.criteria_locked and name in LOCKED_FIELDS and getattr(call, name) != value:
            refuse(_("The selection method is fixed once the call is open."), "method_locked")
        setattr(call, name, value)
    call.full_clean()
    call.lock_version += 1
    call.save()
    index_update(call)
    return call


@transaction.atomic
def criteria_set(*, actor, call: Call, criteria: Sequence[CriterionInput]) -> list[Criterion]:
    """Replace the criteria of a draft call; refused once the call is open."""
    bump("calls")
    require_perm(actor, "calls.edit_criteria", Call.objects.select_for_update().get(pk=call.pk))
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
    bump("calls")
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.status != expected:
        refuse(
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
    if call.deadline <= now_or_clock(now):
        refuse(_("The application deadline has already passed."), "deadline_passed")
    if call.publication_date is None:
        call.publication_date = timezone.localdate(now_or_clock(now))
    call.save()
    return call


@transaction.atomic
def call_close(*, actor, call: Call, now: datetime | None = None) -> Call:
    """open → closed, once the deadline has passed (applications already stop at the deadline)."""
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.OPEN, CallStatus.CLOSED)
    if now_or_clock(now) <= call.deadline:
        refuse(_("The call can be closed only after its deadline."), "before_deadline")
    call.save()
    return call


@transaction.atomic
def call_start_evaluation(*, actor, call: Call) -> Call:
    """closed → evaluating: the assigned evaluators can now see and score the applications."""
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.CLOSED, CallStatus.EVALUATING)
    if not call.assignments.exists():
        refuse(_("Assign at least one evaluator first."), "no_evaluators")
    if not call.applications.exclude(status=ApplicationStatus.DRAFT).exists():
        refuse(_("No application was submitted to this call."), "no_applications")
    call.save()
    return call


def _check_decision(call: Call, selected_ids: set, submitted: list, reason: str) -> None:
    if not selected_ids:
        refuse(_("Select at least one application."), "none_selected")
    if not selected_ids <= {a.pk for a in submitted}:
        refuse(_("Only submitted applications to this call can be selected."), "bad_selection")
    if not reason.strip():
        refuse(_("Give the reason for the selection."), "no_reason")
    if call.assignments.filter(submitted_at__isnull=True).exists():
        refuse(
            _("Every assigned evaluator must submit their scores before the decision."),
            "evaluation_unfinished",
        )


@transaction.atomic
def call_decide(
    *, actor, call: Call, selected: Iterable[Application], reason: str, now=None
) -> Call:
    """evaluating → decided: record the selected application(s) and the reason.

    The selected organisations join the project (the system applies the coordinator's
    decision, hence actor=None for participation_add).
    """
    bump("calls")
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.EVALUATING, CallStatus.DECIDED)
    selected_ids = {a.pk for a in selected}
    submitted = list(call.applications.exclude(status=ApplicationStatus.DRAFT))
    _check_decision(call, selected_ids, submitted, reason)
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
    call.decided_at = now_or_clock(now)
    call.save()
    return call


@transaction.atomic
def call_publish_result(*, actor, call: Call, now=None) -> Call:
    """decided → published: the result goes on its public page and every applicant is told."""
    bump("calls")
    require_perm(actor, "calls.manage_calls", call)
    call = _transition(call, CallStatus.DECIDED, CallStatus.PUBLISHED)
    call.published_at = now_or_clock(now)
    call.save()
    applications = call.applications.exclude(status=ApplicationStatus.DRAFT).select_related(
        "partner", "submitted_by"
    )
    for application in applications:
        mail_applicant(application, "calls/email/result")
    return call
