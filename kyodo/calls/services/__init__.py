"""Every change to open calls, applications, evaluations and grants goes through these functions.

The package follows a call's life: the call and its criteria (`calls`), the organisations'
applications (`applications`), the evaluation (`evaluation`) and grants (`grants`). Import from
here. Functions that depend on the time take `now` (an aware datetime, default: the server
clock), so the deadline can be tested at its boundary; the deadline itself is stored as an aware
datetime entered in Asia/Tokyo (TIME_ZONE).
"""

from kyodo.calls.services.applications import (
    APPLICATION_FIELDS,
    ATTACHMENT_POLICY,
    application_save_draft,
    application_submit,
    attachment_add,
    attachment_remove,
    receipt_number_normalize,
    submission_problems,
)
from kyodo.calls.services.calls import (
    CALL_FIELDS,
    DEFAULT_CRITERIA,
    DEFAULT_MAX_SCORE,
    LOCKED_FIELDS,
    CriterionInput,
    call_close,
    call_create,
    call_decide,
    call_open,
    call_publish_result,
    call_start_evaluation,
    call_update,
    criteria_set,
    default_criteria,
)
from kyodo.calls.services.evaluation import (
    conflict_declare,
    evaluation_submit,
    evaluator_assign,
    evaluator_unassign,
    scores_save,
)
from kyodo.calls.services.grants import (
    grant_record,
    grant_review,
    grant_set_disclosure,
    purpose_key,
)
from kyodo.core.locking import EditConflict

__all__ = [
    "APPLICATION_FIELDS",
    "ATTACHMENT_POLICY",
    "CALL_FIELDS",
    "DEFAULT_CRITERIA",
    "DEFAULT_MAX_SCORE",
    "LOCKED_FIELDS",
    "CriterionInput",
    "EditConflict",
    "application_save_draft",
    "application_submit",
    "attachment_add",
    "attachment_remove",
    "call_close",
    "call_create",
    "call_decide",
    "call_open",
    "call_publish_result",
    "call_start_evaluation",
    "call_update",
    "conflict_declare",
    "criteria_set",
    "default_criteria",
    "evaluation_submit",
    "evaluator_assign",
    "evaluator_unassign",
    "grant_record",
    "grant_review",
    "grant_set_disclosure",
    "purpose_key",
    "receipt_number_normalize",
    "scores_save",
    "submission_problems",
]
