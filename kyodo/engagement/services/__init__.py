"""Every change of state in the promotion measures (re-exported by section)."""

from kyodo.engagement.services.activities import (
    ACTIVITY_FIELDS,
    activity_delete,
    activity_log,
    activity_update,
)
from kyodo.engagement.services.agreements import (
    AGREEMENT_FIELDS,
    agreement_activity_add,
    agreement_create,
    agreement_update,
    document_policy,
)
from kyodo.engagement.services.dialogue import (
    SESSION_FIELDS,
    dialogue_create,
    dialogue_update,
    issue_add,
    issue_set_status,
    issue_to_project,
)
from kyodo.engagement.services.trainings import (
    TRAINING_FIELDS,
    attendance_record,
    attendance_remove,
    feedback_give,
    training_create,
    training_update,
)

__all__ = [
    "ACTIVITY_FIELDS",
    "AGREEMENT_FIELDS",
    "SESSION_FIELDS",
    "TRAINING_FIELDS",
    "activity_delete",
    "activity_log",
    "activity_update",
    "agreement_activity_add",
    "agreement_create",
    "agreement_update",
    "attendance_record",
    "attendance_remove",
    "dialogue_create",
    "dialogue_update",
    "document_policy",
    "feedback_give",
    "issue_add",
    "issue_set_status",
    "issue_to_project",
    "training_create",
    "training_update",
]
