"""What the cycle services share: the phases, the checks of amounts and periods."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kyodo.cycles.models import (
    CycleStatus,
)
from kyodo.projects.services import TransitionRefused

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
