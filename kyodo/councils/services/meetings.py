"""Meetings: their record, attendance, materials and minutes (会議録)."""

from dataclasses import replace

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.core.uploads import UploadPolicy, delete_file_on_commit, validate_upload
from kyodo.councils import search
from kyodo.councils.models import Attendance, AttendanceStatus, Council, Material, Meeting, Term
from kyodo.councils.services.common import attribute, refuse, save

MEETING_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "place",
    "online",
    "is_public",
    "closed_reason",
    "agenda",
    "observer_capacity",
    "observers",
)


def material_policy() -> UploadPolicy:
    """The same documents as partner attachments, read by their content."""
    return UploadPolicy(
        extensions=("pdf", "doc", "xls", "ppt", "docx", "xlsx", "pptx", "odt", "ods", "odp"),
        max_bytes=settings.PARTNER_ATTACHMENT_MAX_BYTES,
        wrong_type=_(
            "Only PDF or Office files (Word, Excel, PowerPoint, OpenDocument) can be attached."
        ),
        field="file",
    )


def _check_meeting(meeting: Meeting) -> None:
    council = meeting.council
    day = timezone.localtime(meeting.starts_at).date()
    if not council.exists_on(day):
        refuse("starts_at", _("The council does not exist on this date."), "outside")
    if meeting.ends_at and meeting.ends_at < meeting.starts_at:
        refuse("ends_at", _("The meeting cannot end before it starts."), "order")
    if not meeting.is_public and not meeting.closed_reason.strip():
        refuse("closed_reason", _("Give the reason for closing the meeting."), "reason")
    if meeting.is_public:
        meeting.closed_reason = ""
    capacity, observers = meeting.observer_capacity, meeting.observers
    if capacity is not None and observers is not None and observers > capacity:
        refuse("observers", _("More observers than seats for observers."), "observers")


@transaction.atomic
def meeting_create(*, actor, council: Council, data: dict) -> Meeting:
    require_perm(actor, "councils.edit_council", council)
    meeting = Meeting(council=council, **{k: v for k, v in data.items() if k in MEETING_FIELDS})
    _check_meeting(meeting)
    save(meeting, actor)
    search.reindex(council)
    return meeting


@transaction.atomic
def meeting_update(*, actor, meeting: Meeting, data: dict) -> Meeting:
    require_perm(actor, "councils.edit_council", meeting.council)
    for key, value in data.items():
        if key in MEETING_FIELDS:
            setattr(meeting, key, value)
    if not meeting.is_public and meeting.minutes_published_at:
        refuse("is_public", _("Published minutes belong to a public meeting."), "published")
    _check_meeting(meeting)
    save(meeting, actor)
    search.reindex(meeting.council)
    return meeting


@transaction.atomic
def attendance_record(*, actor, meeting: Meeting, statuses: dict) -> list[Attendance]:
    """Record attendance: {term id: status}; every term must be in office on the meeting day."""
    require_perm(actor, "councils.edit_council", meeting.council)
    day = timezone.localtime(meeting.starts_at).date()
    terms = Term.objects.filter(council=meeting.council_id, pk__in=list(statuses)).on(day)
    in_office = {term.pk: term for term in terms}
    for term_id, status in statuses.items():
        if term_id not in in_office:
            refuse(None, _("Only members in office on the day of the meeting attend it."), "member")
        if status not in AttendanceStatus.values:
            refuse(None, _("Choose present, absent or proxy."), "status")
    recorded = []
    for term_id, status in statuses.items():
        attendance, _created = Attendance.objects.get_or_create(
            meeting=meeting, term=in_office[term_id], defaults={"status": status}
        )
        if attendance.status != status:
            attendance.status = status
            attribute(attendance, actor)
            attendance.save()
        recorded.append(attendance)
    return recorded


@transaction.atomic
def minutes_save(*, actor, meeting: Meeting, text: str, uploaded_file=None) -> Meeting:
    require_perm(actor, "councils.edit_minutes", meeting)
    meeting.minutes_text = text
    if uploaded_file is not None:
        validate_upload(uploaded_file, replace(material_policy(), field="minutes_file"))
        if meeting.minutes_file:
            delete_file_on_commit(meeting.minutes_file)
        meeting.minutes_file.save(uploaded_file.name, uploaded_file, save=False)
    save(meeting, actor)
    search.reindex(meeting.council)
    return meeting


@transaction.atomic
def minutes_approve(*, actor, meeting: Meeting, now=None) -> Meeting:
    require_perm(actor, "councils.approve_minutes", meeting)
    meeting.minutes_approved_at = now or timezone.now()
    save(meeting, actor)
    return meeting


@transaction.atomic
def minutes_publish(*, actor, meeting: Meeting, now=None) -> Meeting:
    """Publish approved minutes of a public meeting on the portal (a closed meeting's never)."""
    require_perm(actor, "councils.publish_minutes", meeting)
    meeting.minutes_published_at = now or timezone.now()
    save(meeting, actor)
    search.reindex(meeting.council)
    return meeting


@transaction.atomic
def material_add(*, actor, meeting: Meeting, uploaded_file, title: str) -> Material:
    require_perm(actor, "councils.edit_council", meeting.council)
    validate_upload(uploaded_file, material_policy())
    material = Material(
        meeting=meeting,
        title=title.strip() or uploaded_file.name,
        original_name=uploaded_file.name[-255:],
        size=uploaded_file.size,
    )
    material.file.save(uploaded_file.name, uploaded_file, save=False)
    save(material, actor)
    return material


@transaction.atomic
def material_delete(*, actor, material: Material) -> None:
    require_perm(actor, "councils.edit_council", material.meeting.council)
    attribute(material, actor)
    delete_file_on_commit(material.file)
    material.delete()
