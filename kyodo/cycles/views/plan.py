"""Plan and results: the plan, moving the cycle on, the actual values."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.cycles import selectors, services
from kyodo.cycles.forms import ActualsForm, PeriodForm
from kyodo.cycles.models import BudgetLine, CycleStatus, Indicator, ScheduleItem
from kyodo.cycles.views.common import PLAN_LINES, attempt, cycle_view, page, save_form


def _plan_forms(request, cycle) -> dict:
    kind = request.POST.get("kind", "")
    period = {name: getattr(cycle, name) for name in PeriodForm.base_fields}
    return {
        "period": PeriodForm(
            request.POST if kind == "period" else None, prefix="period", initial=period
        ),
        **{
            name: form_class(request.POST if kind == name else None, prefix=name)
            for name, (_model, form_class, _add) in PLAN_LINES.items()
        },
    }


@cycle_view()
def detail(request, cycle):
    can_edit_plan = request.user.has_perm("cycles.edit_plan", cycle)
    forms = _plan_forms(request, cycle)
    kind = request.POST.get("kind", "")
    if can_edit_plan and kind in forms:
        add = services.cycle_update_plan if kind == "period" else PLAN_LINES[kind][2]
        response = save_form(
            request,
            forms[kind],
            lambda data: add(actor=request.user, cycle=cycle, **data),
            _("The plan has been saved."),
            reverse("cycles:detail", args=[cycle.pk]),
        )
        if response:
            return response
    return page(
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
        next_moves=[CycleStatus(s) for s in sorted(services.CYCLE_MACHINE.allowed(cycle.status))],
        can_record=request.user.has_perm("cycles.record_actuals", cycle),
    )


@require_POST
@cycle_view("cycles.work_on_cycle")
def line_delete(request, cycle, kind, line_pk):
    model = PLAN_LINES.get(kind, (None,))[0]
    line = model.objects.filter(cycle=cycle, pk=line_pk).first() if model else None
    if line is None:
        raise Http404
    line.cycle = cycle
    attempt(
        request,
        lambda: services.plan_line_delete(actor=request.user, line=line),
        _("The line has been deleted."),
    )
    return redirect("cycles:detail", pk=cycle.pk)


@require_POST
@cycle_view("cycles.manage_cycle")
def transition(request, cycle):
    attempt(
        request,
        lambda: services.cycle_transition(
            actor=request.user, cycle=cycle, to_status=request.POST.get("to", "")
        ),
        _("The cycle has moved on."),
    )
    return redirect("cycles:detail", pk=cycle.pk)


@cycle_view("cycles.work_on_cycle")
def actuals(request, cycle):
    form = ActualsForm(
        request.POST or None,
        indicators=Indicator.objects.filter(cycle=cycle),
        budget_lines=BudgetLine.objects.filter(cycle=cycle),
    )

    def save(data):
        indicators, budget = form.values()
        services.actuals_record(
            actor=request.user, cycle=cycle, indicators=indicators, budget=budget
        )

    response = save_form(
        request,
        form,
        save,
        _("The actual values have been saved."),
        reverse("cycles:detail", args=[cycle.pk]),
    )
    return response or page(
        request,
        "cycles/actuals.html",
        cycle.project,
        cycle=cycle,
        tab="detail",
        form=form,
        open=request.user.has_perm("cycles.record_actuals", cycle),
    )
