"""Do: activity records and their evidence files."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.cycles.models import (
    ActivityRecord,
    Attachment,
    Cycle,
    Side,
)
from kyodo.cycles.services.common import (
    ATTACHMENT_MAX_BYTES,
    ATTACHMENT_TYPES,
    RECORDING_PHASES,
    _refuse_unless,
    _user_or_none,
)

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
