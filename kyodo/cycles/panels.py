"""Home page blocks: what each of my projects' cycles needs next (and reminders due) for the
city side; what the partner's side owes in its projects for partner members."""

from django.utils import timezone

from kyodo.accounts.roles import Role
from kyodo.core.plugins import Panel
from kyodo.cycles.models import Side
from kyodo.cycles.selectors import (
    current_cycles,
    cycle_rows,
    partner_projects,
    reminders_due,
    staff_projects,
)


def panels(request, role) -> list[Panel]:
    user = request.user
    # Staff only: the coordinator's home pins its query count and lists departments instead.
    if role == Role.STAFF:
        # The rows and the reminders from one reading of the projects' cycles.
        projects = staff_projects(user)
        cycles = list(current_cycles(projects))
        rows = cycle_rows(projects, Side.CITY, cycles)
        reminders = reminders_due(timezone.localdate(), projects, cycles)
        return [Panel("cycles/_panel_staff.html", {"rows": rows, "reminders": reminders})]
    if role == Role.PARTNER_MEMBER:
        return [
            Panel(
                "cycles/_panel_partner.html",
                {"rows": cycle_rows(partner_projects(user), Side.PARTNER)},
            )
        ]
    return []
