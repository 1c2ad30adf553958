"""Every change to a project's PDCA cycles goes through these functions."""

import datetime
import logging
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.cycles.models import (
    ActivityRecord,
    Attachment,
    BudgetLine,
    Cycle,
    CycleStatus,
    Evaluation,
    EvaluationDecision,
    Incident,
    IncidentStatus,
    Indicator,
    Rating,
    ReminderDelivery,
    ScheduleItem,
    Side,
    Verification,
    VerificationAnswer,
)
from kyodo.cycles.selectors import reminder_recipients, reminders_due
from kyodo.guideline.selectors import current_version
from kyodo.projects.models import CostBearer, ProjectStatus
from kyodo.projects.services import TransitionRefused, project_transition

logger = logging.getLogger(__name__)

VERIFICATION_CHECKLIST = "verification"

# The moves a person makes with `cycle_transition`; act → done happens only through
# `cycle_start_next` or `cycle_end_project`, which say what follows the cycle.
TRANSITIONS = {
    CycleStatus.PLAN: {CycleStatus.DO},
    CycleStatus.DO: {CycleStatus.CHECK},
    CycleStatus.CHECK: {CycleStatus.ACT},
    CycleStatus.ACT: set(),
    CycleStatus.DONE: set(),
}
# Records and actuals belong to the cycle while it runs and while it is being verified.
RECORDING_PHASES = (CycleStatus.DO, CycleStatus.CHECK)
ATTACHMENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024


def _user_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _refuse_unless(condition: bool, message: str, code: str = "phase") -> None:
    if not condition:
        raise TransitionRefused(message, code=code)


def _validate_period(start, end) -> None:
    if start and end and end < start:
        raise ValidationError(
            {"period_end": _("The end of the period cannot be before its start.")}
        )


def _whole_yen(field: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError({field: _("Enter the amount in whole yen, 0 or more.")})


def _number(field: str, value) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValidationError({field: _("Enter a number.")})
    value = Decimal(value)
    if value < 0:
        raise ValidationError({field: _("Enter 0 or more.")})
    return value


# --- cycles and their phases --------------------------------------------------------------


@transaction.atomic
def cycle_create(
    *,
    actor,
    project,
    period_start: datetime.date,
    period_end: datetime.date,
    fiscal_year: int | None = None,
    goals: str = "",
) -> Cycle:
    """Start the first cycle of a running project; its budget starts from the cost lines."""
    require_perm(actor, "cycles.start_cycle", project)
    _refuse_unless(
        project.status == ProjectStatus.RUNNING,
        _("A cycle can be started only when the project is running."),
    )
    _refuse_unless(
        not Cycle.objects.filter(project=project).open().exists(),
        _("The project already has a cycle in progress."),
        code="open_cycle",
    )
    _validate_period(period_start, period_end)
    number = (Cycle.objects.filter(project=project).aggregate(n=Max("number"))["n"] or 0) + 1
    cycle = Cycle.objects.create(
        project=project,
        number=number,
        fiscal_year=fiscal_year,
        period_start=period_start,
        period_end=period_end,
        goals=goals.strip(),
    )
    for line in project.cost_lines.all():
        BudgetLine.objects.create(
            cycle=cycle, cost_line=line, item=line.item, bearer=line.bearer, planned=line.amount
        )
    return cycle


@transaction.atomic
def cycle_update_plan(
    *, actor, cycle: Cycle, goals: str, period_start, period_end, fiscal_year=None
) -> Cycle:
    require_perm(actor, "cycles.edit_plan", cycle)
    _refuse_unless(
        cycle.status == CycleStatus.PLAN, _("The plan can be changed only in the plan phase.")
    )
    _validate_period(period_start, period_end)
    cycle.goals = goals.strip()
    cycle.period_start, cycle.period_end = period_start, period_end
    cycle.fiscal_year = fiscal_year
    cycle.save()
    return cycle


def _transition_guard(cycle: Cycle, to_status: str) -> str | None:
    """Why the move to `to_status` is not possible now, or None."""
    from kyodo.cycles.selectors import both_submitted

    if to_status == CycleStatus.DO and (not cycle.goals.strip() or not cycle.indicators.exists()):
        return _("The plan needs its goals and at least one indicator before it is carried out.")
    if to_status == CycleStatus.ACT:
        if not both_submitted(cycle):
            return _("Both the city and the partner must submit their verification first.")
        # Once both have submitted, a draft can only be a correction still being written.
        if Verification.objects.filter(cycle=cycle, submitted_at__isnull=True).exists():
            return _("A correction of a verification has not been submitted yet.")
    return None


@transaction.atomic
def cycle_transition(*, actor, cycle: Cycle, to_status: str) -> Cycle:
    """Move the cycle on by one allowed step (plan → do → check → act)."""
    require_perm(actor, "cycles.manage_cycle", cycle)
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    current = CycleStatus(cycle.status)
    if to_status not in TRANSITIONS[current]:
        label = CycleStatus(to_status).label if to_status in CycleStatus.values else to_status
        raise TransitionRefused(
            _("A cycle cannot go from “%(from)s” to “%(to)s”.")
            % {"from": current.label, "to": label},
            code="not_allowed",
        )
    refusal = _transition_guard(cycle, to_status)
    if refusal:
        raise TransitionRefused(refusal, code="guard")
    cycle.status = to_status
    cycle.save(update_fields=["status", "updated_at"])
    return cycle


def _require_plan_phase(cycle: Cycle) -> None:
    _refuse_unless(
        cycle.status == CycleStatus.PLAN, _("The plan can be changed only in the plan phase.")
    )


@transaction.atomic
def indicator_add(*, actor, cycle: Cycle, name: str, target, unit: str = "") -> Indicator:
    require_perm(actor, "cycles.edit_plan", cycle)
    _require_plan_phase(cycle)
    if not name.strip():
        raise ValidationError({"name": _("Enter the name of the indicator.")})
    target = _number("target", target)
    return Indicator.objects.create(
        cycle=cycle, name=name.strip(), unit=unit.strip(), target=target
    )


@transaction.atomic
def schedule_item_add(*, actor, cycle: Cycle, planned_on, activity: str) -> ScheduleItem:
    require_perm(actor, "cycles.edit_plan", cycle)
    _require_plan_phase(cycle)
    if not activity.strip():
        raise ValidationError({"activity": _("Enter the activity.")})
    return ScheduleItem.objects.create(
        cycle=cycle, planned_on=planned_on, activity=activity.strip()
    )


@transaction.atomic
def budget_line_add(*, actor, cycle: Cycle, item: str, bearer: str, planned) -> BudgetLine:
    require_perm(actor, "cycles.edit_plan", cycle)
    _require_plan_phase(cycle)
    if not item.strip():
        raise ValidationError({"item": _("Enter the item.")})
    if bearer not in CostBearer.values:
        raise ValidationError({"bearer": _("Choose who bears the cost.")})
    _whole_yen("planned", planned)
    return BudgetLine.objects.create(cycle=cycle, item=item.strip(), bearer=bearer, planned=planned)


@transaction.atomic
def plan_line_delete(*, actor, line) -> None:
    """Delete an indicator, schedule item or budget line while the cycle is being planned."""
    require_perm(actor, "cycles.edit_plan", line.cycle)
    _require_plan_phase(line.cycle)
    line.delete()


@transaction.atomic
def actuals_record(*, actor, cycle: Cycle, indicators: dict, budget: dict) -> Cycle:
    """Fill in actual values: {indicator id: number or None}, {budget line id: yen or None}."""
    require_perm(actor, "cycles.record_activity", cycle)
    _refuse_unless(
        cycle.status in RECORDING_PHASES,
        _("Actual values are recorded while the cycle is carried out or verified."),
    )
    for indicator in cycle.indicators.filter(pk__in=list(indicators)):
        value = indicators[indicator.pk]
        indicator.actual = None if value is None else _number(f"actual_{indicator.pk}", value)
        indicator.save()
    for line in cycle.budget_lines.filter(pk__in=list(budget)):
        value = budget[line.pk]
        if value is not None:
            _whole_yen(f"budget_{line.pk}", value)
        line.actual = value
        line.save()
    return cycle


# --- do: activity records -----------------------------------------------------------------


def _side_of(actor, cycle) -> str:
    """The side a record was written by; the system (actor None) writes for the city."""
    if actor is None or actor.has_perm("cycles.verify_as_city", cycle):
        return Side.CITY
    return Side.PARTNER


def check_attachment(name: str, size: int) -> str:
    """The content type of an allowed file, or a ValidationError naming the field."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ATTACHMENT_TYPES:
        raise ValidationError(
            {"files": _("Attach photos (JPEG, PNG) or documents (PDF, Word, Excel) only.")}
        )
    if size > ATTACHMENT_MAX_BYTES:
        raise ValidationError({"files": _("A file may be at most 5 MB.")})
    return ATTACHMENT_TYPES[suffix]


@transaction.atomic
def activity_record_add(
    *,
    actor,
    cycle: Cycle,
    held_on: datetime.date,
    description: str,
    participants: int = 0,
    volunteers: int = 0,
    files=(),
) -> ActivityRecord:
    """Record an activity; `files` are (name, bytes) pairs of photos or documents."""
    require_perm(actor, "cycles.record_activity", cycle)
    _refuse_unless(
        cycle.status in RECORDING_PHASES,
        _("Activities are recorded while the cycle is carried out or verified."),
    )
    if not description.strip():
        raise ValidationError({"description": _("Say what was done.")})
    for field, value in (("participants", participants), ("volunteers", volunteers)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError({field: _("Enter a whole number, 0 or more.")})
    checked = [(name, data, check_attachment(name, len(data))) for name, data in files]
    record = ActivityRecord.objects.create(
        cycle=cycle,
        held_on=held_on,
        description=description.strip(),
        participants=participants,
        volunteers=volunteers,
        side=_side_of(actor, cycle),
        recorded_by=_user_or_none(actor),
    )
    for name, data, content_type in checked:
        Attachment.objects.create(
            record=record,
            filename=name[-200:],
            content_type=content_type,
            size=len(data),
            content=data,
        )
    return record


# --- check: verification by each side -----------------------------------------------------


def _require_side_perm(actor, cycle, side: str) -> None:
    if side not in Side.values:
        raise ValueError(side)
    require_perm(actor, f"cycles.verify_as_{side}", cycle)


def current_verification(cycle: Cycle, side: str) -> Verification | None:
    return Verification.objects.filter(cycle=cycle, side=side).order_by("-revision").first()


@transaction.atomic
def verification_save(*, actor, cycle: Cycle, side: str, answers: dict) -> Verification:
    """Save a side's draft: {question id: (rating, comment)}; submitted answers are read-only."""
    _require_side_perm(actor, cycle, side)
    _refuse_unless(
        cycle.status == CycleStatus.CHECK,
        _("The verification is written when the cycle is in its check phase."),
    )
    verification = current_verification(cycle, side)
    if verification is None:
        verification = Verification.objects.create(
            cycle=cycle, side=side, version=current_version(VERIFICATION_CHECKLIST)
        )
    _refuse_unless(
        not verification.is_submitted,
        _("A submitted verification cannot be changed; start a correction with its reason."),
        code="submitted",
    )
    questions = set(verification.version.questions.values_list("pk", flat=True))
    for question_id, (rating, comment) in answers.items():
        if question_id not in questions:
            raise ValidationError(_("This question is not part of the verification."))
        if rating not in Rating.values:
            raise ValidationError(_("Choose one of the four ratings."), code="rating")
        VerificationAnswer.objects.update_or_create(
            verification=verification,
            question_id=question_id,
            defaults={"rating": rating, "comment": (comment or "").strip()},
        )
    return verification


@transaction.atomic
def verification_submit(*, actor, verification: Verification) -> Verification:
    """Submit a side's verification once every question is answered; it is then read-only."""
    _require_side_perm(actor, verification.cycle, verification.side)
    _refuse_unless(
        verification.cycle.status == CycleStatus.CHECK,
        _("The verification is written when the cycle is in its check phase."),
    )
    _refuse_unless(not verification.is_submitted, _("This verification has been submitted."))
    answered = set(verification.answers.values_list("question_id", flat=True))
    questions = set(verification.version.questions.values_list("pk", flat=True))
    if answered != questions:
        raise ValidationError(
            _("Answer every question before submitting the verification."), code="incomplete"
        )
    verification.submitted_at = timezone.now()
    verification.submitted_by = _user_or_none(actor)
    verification.save()
    return verification


@transaction.atomic
def verification_correct(*, actor, verification: Verification, reason: str) -> Verification:
    """Open a correction of a submitted verification: the next revision, answers copied."""
    _require_side_perm(actor, verification.cycle, verification.side)
    _refuse_unless(
        verification.cycle.status == CycleStatus.CHECK,
        _("A verification can be corrected only while the cycle is in its check phase."),
    )
    latest = current_verification(verification.cycle, verification.side)
    _refuse_unless(
        latest.pk == verification.pk and verification.is_submitted,
        _("Only the latest submitted verification can be corrected."),
    )
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the verification is corrected.")})
    correction = Verification.objects.create(
        cycle=verification.cycle,
        side=verification.side,
        revision=verification.revision + 1,
        version=verification.version,
        correction_reason=reason.strip(),
    )
    VerificationAnswer.objects.bulk_create(
        VerificationAnswer(
            verification=correction, question_id=a.question_id, rating=a.rating, comment=a.comment
        )
        for a in verification.answers.all()
    )
    return correction


# --- act: evaluation, next cycle, end -----------------------------------------------------


@transaction.atomic
def evaluation_record(
    *,
    actor,
    cycle: Cycle,
    reviewed_on: datetime.date,
    attendees: str,
    worked_well: str,
    to_improve: str,
    decision: str,
) -> Evaluation:
    """Record the joint review of the cycle (its act phase); it may be revised until decided."""
    require_perm(actor, "cycles.evaluate", cycle)
    _refuse_unless(
        cycle.status == CycleStatus.ACT,
        _("The evaluation is recorded once both verifications are in (the act phase)."),
    )
    errors = {}
    if decision not in EvaluationDecision.values:
        errors["decision"] = _("Choose whether to continue, continue with changes, or end.")
    if not attendees.strip():
        errors["attendees"] = _("Say who took part in the review.")
    if not worked_well.strip():
        errors["worked_well"] = _("Say what worked.")
    if decision == EvaluationDecision.CHANGE and not to_improve.strip():
        errors["to_improve"] = _("Say what is to change in the next cycle.")
    if errors:
        raise ValidationError(errors)
    evaluation, _created = Evaluation.objects.update_or_create(
        cycle=cycle,
        defaults={
            "reviewed_on": reviewed_on,
            "attendees": attendees.strip(),
            "worked_well": worked_well.strip(),
            "to_improve": to_improve.strip(),
            "decision": decision,
            "recorded_by": _user_or_none(actor),
        },
    )
    return evaluation


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when that month is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (following - datetime.timedelta(days=1)).day))


def _period_months(cycle: Cycle) -> int | None:
    """The length in whole months of a period from a 1st to a month's end (a fiscal year is
    12), or None for any other period."""
    start, end = cycle.period_start, cycle.period_end
    if start.day != 1 or (end + datetime.timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _next_period(cycle: Cycle):
    """The next period, starting the day after this one ends and as long as this one: whole
    months stay whole months (a fiscal year is followed by the next fiscal year, leap years or
    not); any other period is repeated day for day. Returns (start, end, shift of a date)."""
    months = _period_months(cycle)
    start = cycle.period_end + datetime.timedelta(days=1)
    if months:
        end = _add_months(start, months) - datetime.timedelta(days=1)
        return start, end, lambda day: _add_months(day, months)
    shift = start - cycle.period_start
    return start, start + (cycle.period_end - cycle.period_start), lambda day: day + shift


def _evaluation_for_closing(cycle: Cycle) -> Evaluation:
    _refuse_unless(
        cycle.status == CycleStatus.ACT, _("Only a cycle in its act phase can be concluded.")
    )
    evaluation = Evaluation.objects.filter(cycle=cycle).first()
    _refuse_unless(evaluation is not None, _("Record the evaluation first."), code="no_evaluation")
    return evaluation


@transaction.atomic
def cycle_start_next(*, actor, cycle: Cycle) -> Cycle:
    """Close this cycle and start the next one, its plan pre-filled from this one.

    Goals, indicators (targets, not actuals), schedule (a period later) and budget lines
    (planned, not actual) are carried over; the evaluation's improvements go with them.
    """
    require_perm(actor, "cycles.evaluate", cycle)
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    evaluation = _evaluation_for_closing(cycle)
    _refuse_unless(
        evaluation.decision != EvaluationDecision.END,
        _("The evaluation decided to end the project; a next cycle cannot start."),
        code="decided_end",
    )
    start, end, shift = _next_period(cycle)
    following = Cycle.objects.create(
        project=cycle.project,
        number=cycle.number + 1,
        previous=cycle,
        fiscal_year=cycle.fiscal_year + 1 if cycle.fiscal_year else None,
        period_start=start,
        period_end=end,
        goals=cycle.goals,
        carried_improvements=evaluation.to_improve,
    )
    Indicator.objects.bulk_create(
        Indicator(cycle=following, name=i.name, unit=i.unit, target=i.target)
        for i in cycle.indicators.all()
    )
    ScheduleItem.objects.bulk_create(
        ScheduleItem(cycle=following, planned_on=shift(s.planned_on), activity=s.activity)
        for s in cycle.schedule.all()
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            cycle=following, cost_line=b.cost_line, item=b.item, bearer=b.bearer, planned=b.planned
        )
        for b in cycle.budget_lines.all()
    )
    cycle.status = CycleStatus.DONE
    cycle.save(update_fields=["status", "updated_at"])
    return following


@transaction.atomic
def cycle_end_project(*, actor, cycle: Cycle):
    """Close this cycle and the project, as the evaluation decided."""
    require_perm(actor, "cycles.evaluate", cycle)
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    evaluation = _evaluation_for_closing(cycle)
    _refuse_unless(
        evaluation.decision == EvaluationDecision.END,
        _("The evaluation decided to continue; start the next cycle instead."),
        code="decided_continue",
    )
    cycle.status = CycleStatus.DONE
    cycle.save(update_fields=["status", "updated_at"])
    return project_transition(actor=actor, project=cycle.project, to_status=ProjectStatus.CLOSED)


# --- trouble log --------------------------------------------------------------------------

INCIDENT_FIELDS = ("occurred_on", "what_happened", "impact", "cause", "countermeasure", "status")


def _validate_incident(fields: dict) -> None:
    errors = {}
    if not (fields.get("what_happened") or "").strip():
        errors["what_happened"] = _("Say what happened.")
    status = fields.get("status", IncidentStatus.OPEN)
    if status not in IncidentStatus.values:
        errors["status"] = _("Choose a status.")
    elif status != IncidentStatus.OPEN and not (fields.get("countermeasure") or "").strip():
        errors["countermeasure"] = _(
            "Record the countermeasure before marking the trouble as addressed or closed."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def incident_record(*, actor, project, cycle=None, **fields) -> Incident:
    require_perm(actor, "cycles.log_trouble", project)
    unknown = set(fields) - set(INCIDENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown incident fields: {sorted(unknown)}")
    _validate_incident(fields)
    if cycle is not None and cycle.project_id != project.pk:
        raise ValueError("cycle of another project")
    if cycle is None:
        cycle = Cycle.objects.filter(project=project).open().order_by("-number").first()
    return Incident.objects.create(
        project=project, cycle=cycle, recorded_by=_user_or_none(actor), **fields
    )


@transaction.atomic
def incident_update(*, actor, incident: Incident, **fields) -> Incident:
    require_perm(actor, "cycles.log_trouble", incident)
    unknown = set(fields) - set(INCIDENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown incident fields: {sorted(unknown)}")
    merged = {name: getattr(incident, name) for name in INCIDENT_FIELDS} | fields
    _validate_incident(merged)
    for name, value in fields.items():
        setattr(incident, name, value)
    incident.save()
    return incident


# --- reminders ----------------------------------------------------------------------------


def reminders_send(*, actor=None, today: datetime.date | None = None) -> int:
    """Send each due reminder by e-mail to the project's staff and partner members, once.

    Returns the number of reminders delivered: sent, or, when the caller holds a transaction
    open, to be sent when it commits. A failed sending stops the sweep (the mail server is
    most likely down) and is tried again on the next one.
    """
    require_perm(actor, "cycles.send_reminders")
    today = today or timezone.localdate()
    due = reminders_due(today)
    recipients = reminder_recipients({r.project.pk: r.project for r in due}.values())
    already = set(
        ReminderDelivery.objects.filter(subject_id__in={r.subject_id for r in due}).values_list(
            "kind", "subject_id", "due_on", "recipient_id"
        )
    )
    failures: list[Exception] = []
    sent = 0
    with translation.override("ja"):
        for reminder in due:
            for user in recipients.get(reminder.project.pk, []):
                key = (reminder.kind, reminder.subject_id, reminder.due_on, user.pk)
                if key in already or not _reminder_deliver(reminder, user, today, failures):
                    continue
                if failures:
                    raise failures[0]
                already.add(key)
                sent += 1
    return sent


# The record of a delivery and the e-mail go together, so that each reminder reaches each person
# once however often the sweep runs, and a reminder not sent is tried again:
# - the record is written first: its unique key is what keeps two sweeps running at the same
#   time from both sending (the second one's insert fails);
# - the e-mail goes only once that record is committed (transaction.on_commit): a caller's
#   transaction that rolls back takes the record with it and nothing was sent, so the next
#   sweep sends it; sending inside the transaction would mail about a record that then vanished,
#   and the next sweep would mail the same reminder again;
# - a sending that fails deletes the committed record, so the next sweep tries again.
# What remains is a process killed between the commit and the mail server's answer: the record
# stays and that person misses this one reminder (the home pages still show it) rather than
# getting it twice.
def _reminder_deliver(reminder, user, today, failures: list) -> bool:
    """Record the delivery and send it on commit; False when another sweep has just taken it."""
    context = {"reminder": reminder, "user": user, "today": today}
    subject = render_to_string("cycles/email/reminder_subject.txt", context).strip()
    body = render_to_string("cycles/email/reminder_body.txt", context)
    try:
        with transaction.atomic():
            delivery = ReminderDelivery.objects.create(
                kind=reminder.kind,
                project=reminder.project,
                subject_id=reminder.subject_id,
                due_on=reminder.due_on,
                recipient=user,
            )
            transaction.on_commit(
                partial(_reminder_mail, delivery.pk, subject, body, user.email, failures)
            )
    except IntegrityError:
        return False  # another sweep running at the same time has it
    return True


def _reminder_mail(delivery_pk, subject: str, body: str, address: str, failures: list) -> None:
    try:
        send_mail(subject, body, None, [address])
    except Exception as exc:  # any failure of the mail server: the next sweep tries again
        ReminderDelivery.objects.filter(pk=delivery_pk).delete()
        logger.exception("Reminder %s not sent; the next sweep tries again.", delivery_pk)
        failures.append(exc)
