"""The project's cycles: the list, and starting one."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from kyodo.cycles import services
from kyodo.cycles.forms import PeriodForm
from kyodo.cycles.models import Cycle, CycleStatus
from kyodo.cycles.views.common import PROJECTS, page, project_view, save_form

# The cycles are read with the project: the page lists them, and the rule that a new cycle
# starts only when none is open reads the same list.
WITH_CYCLES = PROJECTS.prefetch_related(
    Prefetch("cycles", queryset=Cycle.objects.select_related("evaluation").order_by("number"))
)


@project_view(queryset=WITH_CYCLES)
def project_cycles(request, project):
    can_start = request.user.has_perm("cycles.start_cycle", project)
    form = PeriodForm(request.POST or None) if can_start else None
    response = save_form(
        request,
        form,
        lambda data: services.cycle_create(actor=request.user, project=project, **data),
        _("The cycle has been started."),
        lambda cycle: reverse("cycles:detail", args=[cycle.pk]),
    )
    return response or page(
        request,
        "cycles/project.html",
        project,
        cycles=list(project.cycles.all()),
        form=form,
        can_start=can_start,
        statuses=CycleStatus.choices,
    )
