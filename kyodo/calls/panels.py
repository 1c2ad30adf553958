"""Blocks on the role home pages: the evaluator's queue, the partner's applications, and the
coordinator's calls in progress. Each panel runs a fixed number of queries."""

from django.db.models import Count, Q

from kyodo.accounts.roles import Role
from kyodo.calls import selectors
from kyodo.calls.models import ApplicationStatus, Call, CallStatus
from kyodo.core.plugins import Panel


def panels(request, role) -> list[Panel]:
    user = request.user
    if role == Role.EVALUATOR and user.has_perm("calls.view_evaluations"):
        return [
            Panel(
                "calls/panels/evaluator.html",
                {"assignments": list(selectors.evaluator_queue(user)[:10])},
            )
        ]
    if role == Role.PARTNER_MEMBER and user.has_perm("calls.apply"):
        return [
            Panel(
                "calls/panels/partner.html",
                {
                    "applications": list(selectors.applications_of_member(user)[:10]),
                    "open_calls": list(selectors.open_calls()[:5]),
                },
            )
        ]
    if role == Role.COORDINATOR and user.has_perm("calls.manage_calls"):
        calls = (
            Call.objects.exclude(status=CallStatus.PUBLISHED)
            .annotate(
                submitted_count=Count(
                    "applications", filter=~Q(applications__status=ApplicationStatus.DRAFT)
                )
            )
            .order_by("deadline")[:10]
        )
        return [
            Panel(
                "calls/panels/coordinator.html",
                {
                    "calls": list(calls),
                    "unreviewed_grants": selectors.grants_ended_without_review().count(),
                },
            )
        ]
    return []
