"""How the calls pages find their object and check the rule, in one step.

Each shorthand is `kyodo.core.permissions.object_permission_required` with the queryset that
the page needs (related rows included), so that no page fetches its object twice; the object's
key is the URL's `pk`.
"""

from functools import partial

from kyodo.calls.models import Application, Attachment, Call, EvaluatorAssignment, Grant
from kyodo.core.permissions import object_permission_required

call_view = partial(
    object_permission_required,
    queryset=Call.objects.select_related("project__department"),
)
application_view = partial(
    object_permission_required,
    queryset=Application.objects.select_related("call__project__department", "partner"),
    see="calls.view_application",
)
attachment_view = partial(
    object_permission_required,
    queryset=Attachment.objects.select_related("application__call", "application__partner"),
    see="calls.view_attachment",
)
assignment_view = partial(
    object_permission_required,
    queryset=EvaluatorAssignment.objects.select_related("call"),
)
grant_view = partial(
    object_permission_required,
    "calls.manage_grants",
    queryset=Grant.objects.select_related("partner"),
)
