"""Cycles and their phases: start, plan, move on (one state machine), actual values."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.core.states import StateMachine
from kyodo.core.wareki import fiscal_year as fiscal_year_of
from kyodo.cycles.models import (
    BudgetLine,
    Cycle,
    CycleStatus,
    Indicator,
    ScheduleItem,
    Verification,
)
from kyodo.cycles.services.common import _number, _validate_period, _whole_yen
from kyodo.projects.models import CostBearer

# --- cycles and their phases --------------------------------------------------------------


@transaction.atomic
def cycle_create(
    *,
    actor,
    project,
    period_start: datetime.date,
    period_end: datetime.date,
    goals: str = "",
) -> Cycle:
    """Start the first cycle of a running project; its budget starts from the cost lines."""
    bump("projects")
    require_perm(actor, "cycles.start_cycle", project)
    _validate_period(period_start, period_end)
    number = (Cycle.objects.filter(project=project).aggregate(n=Max("number"))["n"] or 0) + 1
    cycle = Cycle.objects.create(
        project=project,
        number=number,
        fiscal_year=fiscal_year_of(period_start),
        period_start=period_start,
        period_end=period_end,
        goals=goals.strip(),
    )
    for line in project.cost_lines.all():
        BudgetLine.objects.create(
            cycle=cycle, cost_line=line, item=line.item, bearer=line.bearer, planned=line.amount
        )
    return cycle


@transaction.atomic
def cycle_update_plan(*, actor, cycle: Cycle, goals: str, period_start, period_end) -> Cycle:
    bump("projects")
    require_perm(actor, "cycles.edit_plan", cycle)
    _validate_period(period_start, period_end)
    cycle.goals = goals.strip()
    cycle.period_start, cycle.period_end = period_start, period_end
    cycle.fiscal_year = fiscal_year_of(period_start)
    cycle.save()
    return cycle


def _transition_guard(cycle: Cycle, to_status: str) -> str | None:
    """Why the move to `to_status` is not possible now, or None."""
    from kyodo.cycles.selectors import both_submitted

    if to_status == CycleStatus.DO and (not cycle.goals.strip() or not cycle.indicators.exists()):
        return _("The plan needs its goals and at least one indicator before it is carried out.")
    if to_status == CycleStatus.ACT:
        if not both_submitted(cycle):
            return _("Both the city and the partner must submit their verification first.")
        # Once both have submitted, a draft can only be a correction still being written.
        if Verification.objects.filter(cycle=cycle, submitted_at__isnull=True).exists():
            return _("A correction of a verification has not been submitted yet.")
    return None


# The moves a person makes with `cycle_transition`; act → done happens only through
# `cycle_start_next` or `cycle_end_project`, which say what follows the cycle.
TRANSITIONS = {
    CycleStatus.PLAN: {CycleStatus.DO},
    CycleStatus.DO: {CycleStatus.CHECK},
    CycleStatus.CHECK: {CycleStatus.ACT},
    CycleStatus.ACT: set(),
    CycleStatus.DONE: set(),
}
CYCLE_MACHINE = StateMachine(
    CycleStatus,
    TRANSITIONS,
    not_allowed=gettext_lazy("A cycle cannot go from “%(from)s” to “%(to)s”."),
    guard=_transition_guard,
)


@transaction.atomic
def cycle_transition(*, actor, cycle: Cycle, to_status: str) -> Cycle:
    """Move the cycle on by one allowed step (plan → do → check → act)."""
    bump("projects")
    require_perm(actor, "cycles.manage_cycle", cycle)
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    CYCLE_MACHINE.move(cycle, to_status)
    return cycle


@transaction.atomic
def indicator_add(*, actor, cycle: Cycle, name: str, target, unit: str = "") -> Indicator:
    bump("projects")
    require_perm(actor, "cycles.edit_plan", cycle)
    if not name.strip():
        raise ValidationError({"name": _("Enter the name of the indicator.")})
    target = _number("target", target)
    return Indicator.objects.create(
        cycle=cycle, name=name.strip(), unit=unit.strip(), target=target
    )


@transaction.atomic
def schedule_item_add(*, actor, cycle: Cycle, planned_on, activity: str) -> ScheduleItem:
    bump("projects")
    require_perm(actor, "cycles.edit_plan", cycle)
    if not activity.strip():
        raise ValidationError({"activity": _("Enter the activity.")})
    return ScheduleItem.objects.create(
        cycle=cycle, planned_on=planned_on, activity=activity.strip()
    )


@transaction.atomic
def budget_line_add(*, actor, cycle: Cycle, item: str, bearer: str, planned) -> BudgetLine:
    bump("projects")
    require_perm(actor, "cycles.edit_plan", cycle)
    if not item.strip():
        raise ValidationError({"item": _("Enter the item.")})
    if bearer not in CostBearer.values:
        raise ValidationError({"bearer": _("Choose who bears the cost.")})
    _whole_yen("planned", planned)
    return BudgetLine.objects.create(cycle=cycle, item=item.strip(), bearer=bearer, planned=planned)


@transaction.atomic
def plan_line_delete(*, actor, line) -> None:
    """Delete an indicator, schedule item or budget line while the cycle is being planned."""
    bump("projects")
    require_perm(actor, "cycles.edit_plan", line.cycle)
    line.delete()


@transaction.atomic
def actuals_record(*, actor, cycle: Cycle, indicators: dict, budget: dict) -> Cycle:
    """Fill in actual values: {indicator id: number or None}, {budget line id: yen or None}."""
    bump("projects")
    require_perm(actor, "cycles.record_actuals", cycle)
    for indicator in cycle.indicators.filter(pk__in=list(indicators)):
        value = indicators[indicator.pk]
        indicator.actual = None if value is None else _number(f"actual_{indicator.pk}", value)
        indicator.save()
    for line in cycle.budget_lines.filter(pk__in=list(budget)):
        value = budget[line.pk]
        if value is not None:
            _whole_yen(f"budget_{line.pk}", value)
        line.actual = value
        line.save()
    return cycle
