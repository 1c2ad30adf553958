"""Blocks on the role home pages: the evaluator's queue and the partner's applications.

Each panel runs a fixed number of queries. The coordinator's home has no panel from this app:
its query count is pinned by the accounts tests; coordinators reach calls from the menu.
"""

from kyodo.accounts.roles import Role
from kyodo.calls import selectors
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
    return []
