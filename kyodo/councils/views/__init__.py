"""The staff and partner pages of councils, one module per kind of page (re-exported here).

The public pages are the portal's (kyodo/portal/views/councils.py)."""

from kyodo.councils.views.councils import (
    council_create,
    council_detail,
    council_edit,
    council_list,
    hollow_list,
)
from kyodo.councils.views.meetings import (
    attendance_edit,
    material_add,
    material_delete,
    material_download,
    meeting_create,
    meeting_detail,
    meeting_edit,
    minutes_approve,
    minutes_download,
    minutes_edit,
    minutes_publish,
    outcome_add,
)
from kyodo.councils.views.members import (
    member_add,
    person_detail,
    person_edit,
    term_edit,
    term_reappoint,
)
from kyodo.councils.views.outcomes import followup_add, followup_edit, my_followups

__all__ = [
    "attendance_edit",
    "council_create",
    "council_detail",
    "council_edit",
    "council_list",
    "followup_add",
    "followup_edit",
    "hollow_list",
    "material_add",
    "material_delete",
    "material_download",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "member_add",
    "minutes_approve",
    "minutes_download",
    "minutes_edit",
    "minutes_publish",
    "my_followups",
    "outcome_add",
    "person_detail",
    "person_edit",
    "term_edit",
    "term_reappoint",
]
