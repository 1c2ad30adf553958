"""How the engagement pages find their object and check the rule, in one step."""

from functools import partial

from django.core.paginator import Paginator

from kyodo.core.permissions import object_permission_required
from kyodo.engagement.models import (
    DialogueIssue,
    DialogueSession,
    PartnershipAgreement,
    StaffActivity,
    Training,
)

# An entry someone else logged is a 404 to everyone but coordinators: it does not exist for them.
activity_view = partial(
    object_permission_required,
    queryset=StaffActivity.objects.select_related("partner", "field"),
    see="engagement.view_activity",
)
dialogue_view = partial(
    object_permission_required,
    queryset=DialogueSession.objects.select_related("department"),
    see="engagement.view_dialogue",
)
issue_view = partial(
    object_permission_required,
    queryset=DialogueIssue.objects.select_related("session__department", "project"),
    see="engagement.view_issue",
)
training_view = partial(
    object_permission_required,
    queryset=Training.objects.select_related("department", "lecturer_partner"),
    see="engagement.view_training",
)
agreement_view = partial(
    object_permission_required,
    queryset=PartnershipAgreement.objects.select_related("partner", "department"),
    see="engagement.view_agreement",
)

PER_PAGE = 50


def page_of(request, queryset):
    """The page of `queryset` asked for by ?page= (a bad or past-the-end number: the nearest)."""
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
