"""Staff trainings (§5-4): lecturers from the community, attendance, and feedback."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.engagement.models import (
    LecturerKind,
    Training,
    TrainingAttendance,
    TrainingFeedback,
)
from kyodo.engagement.services.common import department_of_record, save_recorded

TRAINING_FIELDS = (
    "kind",
    "title",
    "date",
    "place",
    "description",
    "lecturer_kind",
    "lecturer_name",
    "lecturer_partner",
    "lecturer_name_public",
)


def _apply(training: Training, fields: dict) -> None:
    unknown = set(fields) - set(TRAINING_FIELDS)
    if unknown:
        raise TypeError(f"unknown training fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(training, name, value)
    if training.lecturer_kind != LecturerKind.PARTNER:
        training.lecturer_partner = None
    elif training.lecturer_partner is None:
        raise ValidationError(
            {"lecturer_partner": _("Choose the organisation that gave the lecture.")}
        )
    if training.lecturer_kind == LecturerKind.NONE:
        training.lecturer_name = ""
        training.lecturer_name_public = False


@transaction.atomic
def training_create(*, actor, department=None, **fields) -> Training:
    bump("engagement")
    require_perm(actor, "engagement.create_training")
    training = Training(department=department_of_record(actor, department))
    _apply(training, fields)
    save_recorded(training, actor)
    return training


@transaction.atomic
def training_update(*, actor, training: Training, **fields) -> Training:
    bump("engagement")
    require_perm(actor, "engagement.change_training", training)
    _apply(training, fields)
    save_recorded(training, actor)
    return training


@transaction.atomic
def attendance_record(*, actor, training: Training, attendees) -> list[TrainingAttendance]:
    """Record who attended: city staff only, each once (a second record is refused)."""
    bump("engagement")
    require_perm(actor, "engagement.change_training", training)
    attendees = list(attendees)
    not_staff = [person for person in attendees if person.department_id is None]
    if not_staff:
        raise ValidationError(
            {"attendees": _("Only city staff in a department can be recorded as attending.")}
        )
    already = set(
        training.attendance.filter(attendee__in=attendees).values_list("attendee_id", flat=True)
    )
    if already:
        raise ValidationError(
            {"attendees": _("Attendance is already recorded for some of these people.")}
        )
    recorded = []
    for person in attendees:
        row = TrainingAttendance(training=training, attendee=person, department=person.department)
        save_recorded(row, actor)
        recorded.append(row)
    return recorded


@transaction.atomic
def attendance_remove(*, actor, attendance: TrainingAttendance) -> None:
    bump("engagement")
    require_perm(actor, "engagement.change_training", attendance.training)
    if actor is not None:
        attendance._history_user = actor
    attendance.delete()


@transaction.atomic
def feedback_give(
    *, actor, training: Training, understanding: int, usefulness: int, comment: str = ""
) -> TrainingFeedback:
    """An attendee's answers to the questionnaire, once per training."""
    bump("engagement")
    require_perm(actor, "engagement.give_feedback", training)
    if training.feedback.filter(attendee=actor).exists():
        raise ValidationError(_("You have already given feedback on this training."))
    feedback = TrainingFeedback(
        training=training,
        attendee=actor,
        understanding=understanding,
        usefulness=usefulness,
        comment=comment.strip(),
    )
    try:
        with transaction.atomic():
            save_recorded(feedback, actor)
    except IntegrityError as error:  # two submissions at once: the second loses
        raise ValidationError(_("You have already given feedback on this training.")) from error
    return feedback
