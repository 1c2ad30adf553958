"""The history of a cycle: who changed what, and when, across the cycle's records.

Read from django-simple-history's tables, one query per kind of record whatever their number;
what changed is worked out here by comparing each historical row with the one before it.
Answers of a verification the reader may not see yet (the blind rule) are left out.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from kyodo.cycles.models import (
    ActivityRecord,
    BudgetLine,
    Cycle,
    Evaluation,
    Incident,
    Indicator,
    ScheduleItem,
    Verification,
    VerificationAnswer,
)

HISTORY_LIMIT = 200
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
SKIPPED = {"id", "created_at", "updated_at", "history_id", "history_date", "history_user"}


@dataclass
class HistoryEntry:
    when: datetime
    who: object
    what: str
    action: str
    changed: list[str] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return {"created": _("Created"), "changed": _("Changed"), "deleted": _("Deleted")}[
            self.action
        ]


def _sources(cycle_ids: list, visible_verifications: list):
    return [
        (Cycle, Q(id__in=cycle_ids)),
        (Indicator, Q(cycle_id__in=cycle_ids)),
        (ScheduleItem, Q(cycle_id__in=cycle_ids)),
        (BudgetLine, Q(cycle_id__in=cycle_ids)),
        (ActivityRecord, Q(cycle_id__in=cycle_ids)),
        (Verification, Q(cycle_id__in=cycle_ids)),
        (VerificationAnswer, Q(verification_id__in=visible_verifications)),
        (Evaluation, Q(cycle_id__in=cycle_ids)),
        (Incident, Q(cycle_id__in=cycle_ids)),
    ]


def _field_labels(model) -> dict:
    return {
        f.attname: str(f.verbose_name)
        for f in model._meta.concrete_fields
        if f.attname not in SKIPPED and f.name not in SKIPPED
    }


def _entries_for(model, condition) -> list[HistoryEntry]:
    labels = _field_labels(model)
    rows = model.history.filter(condition).select_related("history_user").order_by("history_date")
    previous: dict = {}
    entries = []
    for row in rows:
        before = previous.get(row.id)
        changed = []
        if before is not None and row.history_type == "~":
            changed = [
                label
                for name, label in labels.items()
                if getattr(before, name, None) != getattr(row, name, None)
            ]
        previous[row.id] = row
        entries.append(
            HistoryEntry(
                when=row.history_date,
                who=row.history_user,
                what=str(model._meta.verbose_name),
                action=ACTIONS.get(row.history_type, "changed"),
                changed=changed,
            )
        )
    return entries


def cycle_history(cycle: Cycle, user) -> list[HistoryEntry]:
    """Newest first, at most HISTORY_LIMIT entries."""
    return _history([cycle.pk], user)


def project_cycle_history(project, user) -> list[HistoryEntry]:
    """The changes to every cycle of a project, for the project's history tab."""
    return _history(list(Cycle.objects.filter(project=project).values_list("pk", flat=True)), user)


def _history(cycle_ids: list, user) -> list[HistoryEntry]:
    from kyodo.cycles.selectors import both_submitted

    verifications = list(
        Verification.objects.filter(cycle_id__in=cycle_ids).select_related("cycle__project")
    )
    # Whether both sides submitted is a property of the cycle: ask once per cycle.
    cycles = {v.cycle_id: v.cycle for v in verifications}
    opened = {pk for pk, cycle in cycles.items() if both_submitted(cycle)}
    visible = [
        v.pk
        for v in verifications
        if v.cycle_id in opened or user.has_perm(f"cycles.verify_as_{v.side}", v.cycle)
    ]
    entries = []
    for model, condition in _sources(cycle_ids, visible):
        entries.extend(_entries_for(model, condition))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:HISTORY_LIMIT]
