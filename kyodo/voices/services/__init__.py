"""Every change to citizens' opinions and surveys goes through these functions. Import from here.

Functions that depend on the time take `now` (default: the server clock), so that the reply
clock and the survey dates can be tested with a moved clock.
"""

from kyodo.voices.services.answers import Given, find_invitation, response_submit
from kyodo.voices.services.approvers import approver_add, approver_remove
from kyodo.voices.services.exports import survey_export_request, survey_export_run
from kyodo.voices.services.opinions import (
    opinion_assign,
    opinion_prepare_publication,
    opinion_publish,
    opinion_send,
    publication_findings,
    status_url,
)
from kyodo.voices.services.replies import reply_approve, reply_draft, reply_update
from kyodo.voices.services.surveys import (
    invitations_send,
    question_create,
    question_revise,
    survey_add_item,
    survey_close,
    survey_create,
    survey_item_revise,
    survey_publish,
    survey_remove_item,
    survey_update,
)

__all__ = [
    "Given",
    "approver_add",
    "approver_remove",
    "find_invitation",
    "invitations_send",
    "opinion_assign",
    "opinion_prepare_publication",
    "opinion_publish",
    "opinion_send",
    "publication_findings",
    "question_create",
    "question_revise",
    "reply_approve",
    "reply_draft",
    "reply_update",
    "response_submit",
    "status_url",
    "survey_add_item",
    "survey_close",
    "survey_create",
    "survey_export_request",
    "survey_export_run",
    "survey_item_revise",
    "survey_publish",
    "survey_remove_item",
    "survey_update",
]
