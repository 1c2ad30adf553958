"""Every change to collaborative projects goes through these functions.

The package follows the project's life: its plan and status (`plan`), the partners taking part
(`participation`), the suitability check and form (`check`), roles, costs and consultations
(`workspace`), and the agreement (`agreement`). Import from here.
"""

from kyodo.core.locking import EditConflict
from kyodo.core.states import TransitionRefused
from kyodo.projects.services.agreement import (
    AGREEMENT_FIELDS,
    agreement_finalise,
    agreement_generate,
    agreement_save,
    mandatory_clause_errors,
)
from kyodo.projects.services.check import (
    checkpoint_set,
    checkpoints_set,
    project_choose_form,
    suitability_check_save,
)
from kyodo.projects.services.participation import participation_add, participation_remove
from kyodo.projects.services.plan import (
    MACHINE,
    PLAN_FIELDS,
    TRANSITIONS,
    project_create,
    project_transition,
    project_update,
)
from kyodo.projects.services.workspace import (
    agreed_point_add,
    agreed_point_confirm,
    consultation_add,
    cost_line_add,
    cost_line_delete,
    role_line_add,
    role_line_delete,
)

__all__ = [
    "AGREEMENT_FIELDS",
    "MACHINE",
    "PLAN_FIELDS",
    "TRANSITIONS",
    "EditConflict",
    "TransitionRefused",
    "agreed_point_add",
    "agreed_point_confirm",
    "agreement_finalise",
    "agreement_generate",
    "agreement_save",
    "checkpoint_set",
    "checkpoints_set",
    "consultation_add",
    "cost_line_add",
    "cost_line_delete",
    "mandatory_clause_errors",
    "participation_add",
    "participation_remove",
    "project_choose_form",
    "project_create",
    "project_transition",
    "project_update",
    "role_line_add",
    "role_line_delete",
    "suitability_check_save",
]
