"""The engagement pages, by measure (re-exported for urls.py)."""

from kyodo.engagement.views.activities import (
    activity_delete,
    activity_edit,
    activity_new,
    all_activities,
    figures,
    my_activities,
)
from kyodo.engagement.views.agreements import (
    agreement_detail,
    agreement_document,
    agreement_edit,
    agreement_list,
    agreement_new,
)
from kyodo.engagement.views.dialogue import (
    dialogue_detail,
    dialogue_edit,
    dialogue_list,
    dialogue_new,
    issue_detail,
    issue_project,
    issue_status,
)
from kyodo.engagement.views.hub import hub
from kyodo.engagement.views.trainings import (
    attendance_add,
    attendance_delete,
    feedback,
    training_detail,
    training_edit,
    training_list,
    training_new,
)

__all__ = [
    "activity_delete",
    "activity_edit",
    "activity_new",
    "agreement_detail",
    "agreement_document",
    "agreement_edit",
    "agreement_list",
    "agreement_new",
    "all_activities",
    "attendance_add",
    "attendance_delete",
    "dialogue_detail",
    "dialogue_edit",
    "dialogue_list",
    "dialogue_new",
    "feedback",
    "figures",
    "hub",
    "issue_detail",
    "issue_project",
    "issue_status",
    "my_activities",
    "training_detail",
    "training_edit",
    "training_list",
    "training_new",
]
