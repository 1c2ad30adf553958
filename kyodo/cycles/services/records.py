"""Do: activity records and their evidence files."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.core.uploads import UploadPolicy, validate_upload
from kyodo.cycles.models import ActivityRecord, Attachment, Cycle
from kyodo.cycles.selectors import recording_side

# Photos and documents as evidence of an activity; their content must be what the name says.
EVIDENCE_POLICY = UploadPolicy(
    extensions=("jpg", "jpeg", "png", "pdf", "docx", "xlsx"),
    max_bytes=5 * 1024 * 1024,
    wrong_type=gettext_lazy("Attach photos (JPEG, PNG) or documents (PDF, Word, Excel) only."),
    field="files",
)


def check_evidence(uploaded) -> str:
    """The content type of an acceptable evidence file; otherwise a ValidationError on "files"."""
    return validate_upload(uploaded, EVIDENCE_POLICY)


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
    bump("projects")
    require_perm(actor, "cycles.record_activity", cycle)
    if not description.strip():
        raise ValidationError({"description": _("Say what was done.")})
    for field, value in (("participants", participants), ("volunteers", volunteers)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError({field: _("Enter a whole number, 0 or more.")})
    checked = [(name, data, check_evidence(ContentFile(data, name=name))) for name, data in files]
    record = ActivityRecord.objects.create(
        cycle=cycle,
        held_on=held_on,
        description=description.strip(),
        participants=participants,
        volunteers=volunteers,
        side=recording_side(actor, cycle),
        recorded_by=recorded_actor(actor),
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
