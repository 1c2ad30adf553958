"""The councils services: every change of state, one function each (re-exported here)."""

from kyodo.councils.services.councils import council_create, council_update
from kyodo.councils.services.meetings import (
    MEETING_FIELDS,
    attendance_record,
    material_add,
    material_delete,
    material_policy,
    meeting_create,
    meeting_update,
    minutes_approve,
    minutes_publish,
    minutes_save,
)
from kyodo.councils.services.members import (
    PERSON_FIELDS,
    TERM_FIELDS,
    person_update,
    term_add,
    term_reappoint,
    term_update,
)
from kyodo.councils.services.outcomes import (
    FOLLOWUP_FIELDS,
    followup_add,
    followup_update,
    outcome_add,
)

__all__ = [
    "FOLLOWUP_FIELDS",
    "MEETING_FIELDS",
    "PERSON_FIELDS",
    "TERM_FIELDS",
    "attendance_record",
    "council_create",
    "council_update",
    "followup_add",
    "followup_update",
    "material_add",
    "material_delete",
    "material_policy",
    "meeting_create",
    "meeting_update",
    "minutes_approve",
    "minutes_publish",
    "minutes_save",
    "outcome_add",
    "person_update",
    "term_add",
    "term_reappoint",
    "term_update",
]
