"""Act: the evaluation, and concluding the cycle."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.cycles import services
from kyodo.cycles.forms import (
    EvaluationForm,
)
from kyodo.cycles.models import (
    Cycle,
    CycleStatus,
    Evaluation,
    EvaluationDecision,
)
from kyodo.cycles.views.common import (
    _apply_errors,
    _flash_error,
    _get_cycle,
    _page,
    cycle_view,
)

# --- act: evaluation ----------------------------------------------------------------------


@cycle_view()
def evaluation(request, pk):
    cycle = _get_cycle(request, pk)
    existing = Evaluation.objects.filter(cycle=cycle).select_related("recorded_by").first()
    can_evaluate = (
        request.user.has_perm("cycles.evaluate", cycle) and cycle.status == CycleStatus.ACT
    )
    initial = {}
    if existing:
        initial = {
            name: getattr(existing, name)
            for name in ("reviewed_on", "attendees", "worked_well", "to_improve", "decision")
        }
    form = EvaluationForm(request.POST or None, initial=initial) if can_evaluate else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.evaluation_record(actor=request.user, cycle=cycle, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The evaluation has been recorded."))
            return redirect("cycles:evaluation", pk=cycle.pk)
    return _page(
        request,
        "cycles/evaluation.html",
        cycle.project,
        cycle=cycle,
        tab="evaluation",
        evaluation=existing,
        form=form,
        can_conclude=can_evaluate and existing is not None,
        ends=existing is not None and existing.decision == EvaluationDecision.END,
        next_cycle=Cycle.objects.filter(previous=cycle).first(),
    )


@require_POST
@cycle_view("cycles.evaluate")
def conclude(request, pk):
    cycle = _get_cycle(request, pk)
    try:
        if request.POST.get("action") == "end":
            services.cycle_end_project(actor=request.user, cycle=cycle)
            messages.success(request, _("The cycle and the project have been closed."))
            return redirect("cycles:project", project_pk=cycle.project_id)
        following = services.cycle_start_next(actor=request.user, cycle=cycle)
    except ValidationError as error:
        _flash_error(request, error)
        return redirect("cycles:evaluation", pk=cycle.pk)
    messages.success(request, _("The next cycle has been started from this one's plan."))
    return redirect("cycles:detail", pk=following.pk)
