"""The history of a cycle and of a project's cycles."""

from kyodo.cycles.history import cycle_history, project_cycle_history
from kyodo.cycles.views.common import cycle_view, page, project_view


@cycle_view()
def history(request, cycle):
    return page(
        request,
        "cycles/history.html",
        cycle.project,
        cycle=cycle,
        tab="history",
        entries=cycle_history(cycle, request.user),
    )


@project_view()
def project_history(request, project):
    return page(
        request,
        "cycles/history.html",
        project,
        entries=project_cycle_history(project, request.user),
    )
