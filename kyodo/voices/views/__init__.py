"""The pages of citizens' voices: public (sending, following, published opinions, surveys and
results, open data) and the city's (handling opinions, building surveys). Import from here."""

from kyodo.voices.views.manage import (
    approver_remove,
    approvers,
    manage_opinion,
    manage_opinions,
    opinion_assign,
    opinion_publication,
    opinion_publish,
    reply_approve,
    reply_edit,
)
from kyodo.voices.views.manage_surveys import (
    export_download,
    export_request,
    export_status,
    manage_survey,
    manage_surveys,
    survey_create,
    survey_edit,
    survey_invite,
    survey_item_remove,
    survey_item_revise,
    survey_question,
    survey_step,
)
from kyodo.voices.views.opendata import opinions_csv, survey_results_csv
from kyodo.voices.views.public import (
    opinion_new,
    opinion_status,
    public_home,
    public_list,
    public_opinion,
    statistics,
)
from kyodo.voices.views.public_surveys import survey_answer, survey_results, survey_thanks

__all__ = [
    "approver_remove",
    "approvers",
    "export_download",
    "export_request",
    "export_status",
    "manage_opinion",
    "manage_opinions",
    "manage_survey",
    "manage_surveys",
    "opinion_assign",
    "opinion_new",
    "opinion_publication",
    "opinion_publish",
    "opinion_status",
    "opinions_csv",
    "public_home",
    "public_list",
    "public_opinion",
    "reply_approve",
    "reply_edit",
    "statistics",
    "survey_answer",
    "survey_create",
    "survey_edit",
    "survey_invite",
    "survey_item_remove",
    "survey_item_revise",
    "survey_question",
    "survey_results",
    "survey_results_csv",
    "survey_step",
    "survey_thanks",
]
