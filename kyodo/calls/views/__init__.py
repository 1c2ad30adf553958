"""The calls pages of partner members, coordinators and evaluators (the public call pages are
the portal's: kyodo.portal.views.calls). Import from here."""

from kyodo.calls.views.applications import (
    application_confirm,
    application_detail,
    application_new,
    attachment_delete,
    attachment_download,
    my_applications,
)
from kyodo.calls.views.evaluation import (
    evaluation_application,
    evaluation_detail,
    evaluation_queue,
)
from kyodo.calls.views.grants import grant_disclosure, grant_list, grant_review
from kyodo.calls.views.manage import (
    call_create,
    call_edit,
    call_transition,
    criteria_edit,
    evaluator_assign,
    evaluator_unassign,
    manage_detail,
    manage_list,
    ranking,
    receipt_lookup,
)

__all__ = [
    "application_confirm",
    "application_detail",
    "application_new",
    "attachment_delete",
    "attachment_download",
    "call_create",
    "call_edit",
    "call_transition",
    "criteria_edit",
    "evaluation_application",
    "evaluation_detail",
    "evaluation_queue",
    "evaluator_assign",
    "evaluator_unassign",
    "grant_disclosure",
    "grant_list",
    "grant_review",
    "manage_detail",
    "manage_list",
    "my_applications",
    "ranking",
    "receipt_lookup",
]
