"""The trouble log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.locking import check_lock
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.cycles.models import (
    Cycle,
    Incident,
    IncidentStatus,
)

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
        project=project, cycle=cycle, recorded_by=recorded_actor(actor), **fields
    )


@transaction.atomic
def incident_update(*, actor, incident: Incident, lock_version=None, **fields) -> Incident:
    """Change a trouble record; with `lock_version` (the edit form's), a stale save is refused
    with `EditConflict` (kyodo.core.locking)."""
    require_perm(actor, "cycles.log_trouble", incident)
    unknown = set(fields) - set(INCIDENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown incident fields: {sorted(unknown)}")
    merged = {name: getattr(incident, name) for name in INCIDENT_FIELDS} | fields
    _validate_incident(merged)
    check_lock(Incident, incident, lock_version)
    for name, value in fields.items():
        setattr(incident, name, value)
    incident.lock_version += 1
    incident.save()
    return incident
