"""The project's cycles: the list, and starting one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kyodo.cycles import services
from kyodo.cycles.forms import (
    PeriodForm,
)
from kyodo.cycles.models import (
    Cycle,
    CycleStatus,
)
from kyodo.cycles.views.common import (
    _apply_errors,
    _get_project,
    _page,
    project_view,
)
from kyodo.projects.models import ProjectStatus

# --- the project's cycles ------------------------------------------------------------------


@project_view()
def project_cycles(request, project_pk):
    project = _get_project(request, project_pk)
    cycles = list(
        Cycle.objects.filter(project=project).select_related("evaluation").order_by("number")
    )
    can_start = request.user.has_perm("cycles.start_cycle", project)
    form = PeriodForm(request.POST or None) if can_start else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            cycle = services.cycle_create(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The cycle has been started."))
            return redirect("cycles:detail", pk=cycle.pk)
    open_cycle = any(c.status != CycleStatus.DONE for c in cycles)
    return _page(
        request,
        "cycles/project.html",
        project,
        cycles=cycles,
        form=form,
        can_start=can_start and not open_cycle and project.status == ProjectStatus.RUNNING,
        statuses=CycleStatus.choices,
    )
