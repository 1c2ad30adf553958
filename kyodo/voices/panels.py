"""Blocks on the role home pages: the opinions a staff member's department has to reply to.

The panel runs a fixed number of queries. The coordinator's home has no panel from this app
(its query count is pinned by the accounts tests); coordinators reach opinions from the menu.
"""

from django.utils import timezone

from kyodo.accounts.roles import Role
from kyodo.core.plugins import Panel
from kyodo.voices import selectors


def panels(request, role) -> list[Panel]:
    user = request.user
    if role != Role.STAFF or not user.has_perm("voices.manage_opinions"):
        return []
    # The columns the list shows (and `is_overdue` reads): the texts, the sender and the
    # reply are not compiled and read on every home page.
    waiting = (
        selectors.opinions_for(user)
        .filter(status__in=("received", "checking"))
        .select_related(None)
        .only("receipt_number", "subject", "due_on", "status")
    )
    return [
        Panel(
            "voices/panels/staff.html",
            {"opinions": list(waiting[:10]), "today": timezone.localdate()},
        )
    ]
