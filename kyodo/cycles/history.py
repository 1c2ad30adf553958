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


def _sources(cycle: Cycle, visible_verifications: list):
    return [
        (Cycle, Q(id=cycle.pk)),
        (Indicator, Q(cycle_id=cycle.pk)),
        (ScheduleItem, Q(cycle_id=cycle.pk)),
        (BudgetLine, Q(cycle_id=cycle.pk)),
        (ActivityRecord, Q(cycle_id=cycle.pk)),
        (Verification, Q(cycle_id=cycle.pk)),
        (VerificationAnswer, Q(verification_id__in=visible_verifications)),
        (Evaluation, Q(cycle_id=cycle.pk)),
        (Incident, Q(cycle_id=cycle.pk)),
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
    visible = [
        v.pk
        for v in Verification.objects.filter(cycle=cycle).select_related("cycle__project")
        if user.has_perm("cycles.view_answers", v)
    ]
    entries = []
    for model, condition in _sources(cycle, visible):
        entries.extend(_entries_for(model, condition))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:HISTORY_LIMIT]
