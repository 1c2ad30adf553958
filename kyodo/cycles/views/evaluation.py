"""Act: the evaluation, and concluding the cycle."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.cycles import selectors, services
from kyodo.cycles.forms import EvaluationForm
from kyodo.cycles.models import Cycle, EvaluationDecision
from kyodo.cycles.views.common import CYCLES, attempt, cycle_view, page, save_form


@cycle_view(queryset=CYCLES.select_related("evaluation__recorded_by"))
def evaluation(request, cycle):
    existing = selectors.evaluation_of(cycle)
    ends = existing is not None and existing.decision == EvaluationDecision.END
    initial = (
        {name: getattr(existing, name) for name in EvaluationForm.base_fields} if existing else {}
    )
    can_evaluate = request.user.has_perm("cycles.evaluate", cycle)
    form = EvaluationForm(request.POST or None, initial=initial) if can_evaluate else None
    response = save_form(
        request,
        form,
        lambda data: services.evaluation_record(actor=request.user, cycle=cycle, **data),
        _("The evaluation has been recorded."),
        reverse("cycles:evaluation", args=[cycle.pk]),
    )
    return response or page(
        request,
        "cycles/evaluation.html",
        cycle.project,
        cycle=cycle,
        tab="evaluation",
        evaluation=existing,
        form=form,
        can_conclude=request.user.has_perm(
            "cycles.end_project" if ends else "cycles.start_next", cycle
        ),
        ends=ends,
        next_cycle=Cycle.objects.filter(previous=cycle).first(),
    )


@require_POST
@cycle_view("cycles.manage_cycle")
def conclude(request, cycle):
    if request.POST.get("action") == "end":
        if attempt(
            request,
            lambda: services.cycle_end_project(actor=request.user, cycle=cycle),
            _("The cycle and the project have been closed."),
        ):
            return redirect("cycles:project", project_pk=cycle.project_id)
        return redirect("cycles:evaluation", pk=cycle.pk)
    following = []
    if attempt(
        request,
        lambda: following.append(services.cycle_start_next(actor=request.user, cycle=cycle)),
        _("The next cycle has been started from this one's plan."),
    ):
        return redirect("cycles:detail", pk=following[0].pk)
    return redirect("cycles:evaluation", pk=cycle.pk)
