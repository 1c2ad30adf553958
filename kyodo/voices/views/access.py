"""How the staff pages of voices find their object and check the rule, in one step
(kyodo.core.permissions.object_permission_required; the object's key is the URL's `pk`)."""

from functools import partial

from kyodo.core.permissions import object_permission_required
from kyodo.voices.models import Opinion, Reply, Survey, SurveyExport

opinion_view = partial(
    object_permission_required,
    queryset=Opinion.objects.select_related(
        "department", "field", "project", "event", "council", "reply__project", "reply__approved_by"
    ),
    see="voices.view_opinion",
)
reply_view = partial(
    object_permission_required,
    queryset=Reply.objects.select_related("department"),
    see="voices.view_reply",
)
survey_view = partial(
    object_permission_required,
    queryset=Survey.objects.select_related("department"),
    see="voices.manage_survey",
)
export_view = partial(
    object_permission_required,
    # Without the workbook: the polled progress never reads it, the download reads it in pieces.
    queryset=SurveyExport.objects.select_related("survey").defer("content"),
    see="voices.view_export",
)
