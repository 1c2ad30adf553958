"""The history of a cycle and of a project's cycles."""

from kyodo.cycles.views.common import (
    _get_cycle,
    _get_project,
    _page,
    cycle_view,
    project_view,
)

# --- history -------------------------------------------------------------------------------


@cycle_view()
def history(request, pk):
    cycle = _get_cycle(request, pk)
    from kyodo.cycles.history import cycle_history

    return _page(
        request,
        "cycles/history.html",
        cycle.project,
        cycle=cycle,
        tab="history",
        entries=cycle_history(cycle, request.user),
    )


@project_view()
def project_history(request, project_pk):
    project = _get_project(request, project_pk)
    from kyodo.cycles.history import project_cycle_history

    return _page(
        request,
        "cycles/history.html",
        project,
        entries=project_cycle_history(project, request.user),
    )
