"""Every change to a project's PDCA cycles goes through these functions.

One module per phase of the cycle, as the pages are: `cycles` (start, plan, move on, actual
values), `records` (do), `verification` (check), `act` (evaluation, next cycle, end), then the
trouble log and the reminders. This module only re-exports them.
"""

from kyodo.core.states import TransitionRefused
from kyodo.cycles.rules import RECORDING_PHASES
from kyodo.cycles.selectors import current_verification
from kyodo.cycles.services.act import cycle_end_project, cycle_start_next, evaluation_record
from kyodo.cycles.services.cycles import (
    CYCLE_MACHINE,
    TRANSITIONS,
    actuals_record,
    budget_line_add,
    cycle_create,
    cycle_transition,
    cycle_update_plan,
    indicator_add,
    plan_line_delete,
    schedule_item_add,
)
from kyodo.cycles.services.records import EVIDENCE_POLICY, activity_record_add, check_evidence
from kyodo.cycles.services.reminders import reminders_send
from kyodo.cycles.services.troubles import INCIDENT_FIELDS, incident_record, incident_update
from kyodo.cycles.services.verification import (
    VERIFICATION_CHECKLIST,
    verification_correct,
    verification_save,
    verification_submit,
)

__all__ = [
    "CYCLE_MACHINE",
    "EVIDENCE_POLICY",
    "INCIDENT_FIELDS",
    "RECORDING_PHASES",
    "TRANSITIONS",
    "VERIFICATION_CHECKLIST",
    "TransitionRefused",
    "activity_record_add",
    "actuals_record",
    "budget_line_add",
    "check_evidence",
    "current_verification",
    "cycle_create",
    "cycle_end_project",
    "cycle_start_next",
    "cycle_transition",
    "cycle_update_plan",
    "evaluation_record",
    "incident_record",
    "incident_update",
    "indicator_add",
    "plan_line_delete",
    "reminders_send",
    "schedule_item_add",
    "verification_correct",
    "verification_save",
    "verification_submit",
]
