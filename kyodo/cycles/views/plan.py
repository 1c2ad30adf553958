"""Plan and results: the plan, moving the cycle on, the actual values."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.cycles import selectors, services
from kyodo.cycles.forms import (
    ActualsForm,
    PeriodForm,
)
from kyodo.cycles.models import (
    BudgetLine,
    CycleStatus,
    Indicator,
    ScheduleItem,
)
from kyodo.cycles.views.common import (
    PLAN_LINES,
    _apply_errors,
    _flash_error,
    _get_cycle,
    _page,
    cycle_view,
)

# --- plan and results ----------------------------------------------------------------------


@cycle_view()
def detail(request, pk):
    cycle = _get_cycle(request, pk)
    can_edit_plan = (
        request.user.has_perm("cycles.edit_plan", cycle) and cycle.status == CycleStatus.PLAN
    )
    kind = request.POST.get("kind", "")
    forms = {
        "period": PeriodForm(
            request.POST if kind == "period" else None,
            prefix="period",
            initial={
                "period_start": cycle.period_start,
                "period_end": cycle.period_end,
                "fiscal_year": cycle.fiscal_year,
                "goals": cycle.goals,
            },
        ),
        **{
            name: form_class(request.POST if kind == name else None, prefix=name)
            for name, (_model, form_class, _add) in PLAN_LINES.items()
        },
    }
    if request.method == "POST" and can_edit_plan and kind in forms:
        response = _save_plan_part(request, cycle, kind, forms[kind])
        if response:
            return response
    return _page(
        request,
        "cycles/detail.html",
        cycle.project,
        cycle=cycle,
        tab="detail",
        forms=forms,
        can_edit_plan=can_edit_plan,
        indicators=selectors.indicator_rows(cycle),
        schedule=ScheduleItem.objects.filter(cycle=cycle),
        budget_lines=BudgetLine.objects.filter(cycle=cycle),
        budget=selectors.budget_summary(cycle),
        totals=selectors.activity_totals(cycle),
        next_moves=[CycleStatus(s) for s in sorted(services.TRANSITIONS[cycle.status])],
        can_record=cycle.status in services.RECORDING_PHASES
        and request.user.has_perm("cycles.record_activity", cycle),
    )


def _save_plan_part(request, cycle, kind, form):
    if not form.is_valid():
        return None
    try:
        if kind == "period":
            services.cycle_update_plan(actor=request.user, cycle=cycle, **form.cleaned_data)
        else:
            PLAN_LINES[kind][2](actor=request.user, cycle=cycle, **form.cleaned_data)
    except ValidationError as error:
        _apply_errors(form, error)
        return None
    messages.success(request, _("The plan has been saved."))
    return redirect("cycles:detail", pk=cycle.pk)


@require_POST
@cycle_view("cycles.edit_plan")
def line_delete(request, pk, kind, line_pk):
    cycle = _get_cycle(request, pk)
    model = PLAN_LINES.get(kind, (None,))[0]
    line = model.objects.filter(cycle=cycle, pk=line_pk).first() if model else None
    if line is None:
        raise Http404
    line.cycle = cycle
    try:
        services.plan_line_delete(actor=request.user, line=line)
    except ValidationError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The line has been deleted."))
    return redirect("cycles:detail", pk=cycle.pk)


@require_POST
@cycle_view("cycles.manage_cycle")
def transition(request, pk):
    cycle = _get_cycle(request, pk)
    try:
        services.cycle_transition(
            actor=request.user, cycle=cycle, to_status=request.POST.get("to", "")
        )
    except (ValidationError, ValueError) as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The cycle has moved on."))
    return redirect("cycles:detail", pk=cycle.pk)


@cycle_view("cycles.record_activity")
def actuals(request, pk):
    cycle = _get_cycle(request, pk)
    form = ActualsForm(
        request.POST or None,
        indicators=Indicator.objects.filter(cycle=cycle),
        budget_lines=BudgetLine.objects.filter(cycle=cycle),
    )
    if request.method == "POST" and form.is_valid():
        indicator_values, budget_values = form.values()
        try:
            services.actuals_record(
                actor=request.user, cycle=cycle, indicators=indicator_values, budget=budget_values
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The actual values have been saved."))
            return redirect("cycles:detail", pk=cycle.pk)
    return _page(
        request,
        "cycles/actuals.html",
        cycle.project,
        cycle=cycle,
        tab="detail",
        form=form,
        open=cycle.status in services.RECORDING_PHASES,
    )
