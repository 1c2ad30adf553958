"""Project pages: the staff list, and the workspace that both sides share as equals.

One module per tab of the workspace; `workspace` holds what they share (the tabs, and
`project_view`, which finds the project once and checks the rule).
"""

from kyodo.projects.views.agreement import (
    agreement,
    agreement_download,
    agreement_finalise,
    agreement_generate,
)
from kyodo.projects.views.check import check, checkpoints, form_choice
from kyodo.projects.views.consultations import consultations, point_confirm
from kyodo.projects.views.partners import partner_remove, partners
from kyodo.projects.views.plan import (
    edit,
    history,
    overview,
    project_create,
    project_list,
    transition,
)
from kyodo.projects.views.roles import line_delete, roles
from kyodo.projects.views.workspace import TABS

__all__ = [
    "TABS",
    "agreement",
    "agreement_download",
    "agreement_finalise",
    "agreement_generate",
    "check",
    "checkpoints",
    "consultations",
    "edit",
    "form_choice",
    "history",
    "line_delete",
    "overview",
    "partner_remove",
    "partners",
    "point_confirm",
    "project_create",
    "project_list",
    "roles",
    "transition",
]
