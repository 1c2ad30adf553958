"""Act: the evaluation, and the next cycle or the end of the project."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import bump
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.core.wareki import fiscal_year as fiscal_year_of
from kyodo.cycles.models import (
    BudgetLine,
    Cycle,
    CycleStatus,
    Evaluation,
    EvaluationDecision,
    Indicator,
    ScheduleItem,
)
from kyodo.cycles.selectors import evaluation_of
from kyodo.projects.models import ProjectStatus
from kyodo.projects.services import project_transition


@transaction.atomic
def evaluation_record(
    *,
    actor,
    cycle: Cycle,
    reviewed_on: datetime.date,
    attendees: str,
    worked_well: str,
    to_improve: str,
    decision: str,
) -> Evaluation:
    """Record the joint review of the cycle (its act phase); it may be revised until decided."""
    bump("projects")
    require_perm(actor, "cycles.evaluate", cycle)
    errors = {}
    if decision not in EvaluationDecision.values:
        errors["decision"] = _("Choose whether to continue, continue with changes, or end.")
    if not attendees.strip():
        errors["attendees"] = _("Say who took part in the review.")
    if not worked_well.strip():
        errors["worked_well"] = _("Say what worked.")
    if decision == EvaluationDecision.CHANGE and not to_improve.strip():
        errors["to_improve"] = _("Say what is to change in the next cycle.")
    if errors:
        raise ValidationError(errors)
    evaluation, _created = Evaluation.objects.update_or_create(
        cycle=cycle,
        defaults={
            "reviewed_on": reviewed_on,
            "attendees": attendees.strip(),
            "worked_well": worked_well.strip(),
            "to_improve": to_improve.strip(),
            "decision": decision,
            "recorded_by": recorded_actor(actor),
        },
    )
    return evaluation


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when that month is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (following - datetime.timedelta(days=1)).day))


def _period_months(cycle: Cycle) -> int | None:
    """The length in whole months of a period from a 1st to a month's end (a fiscal year is
    12), or None for any other period."""
    start, end = cycle.period_start, cycle.period_end
    if start.day != 1 or (end + datetime.timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _next_period(cycle: Cycle):
    """The next period, starting the day after this one ends and as long as this one: whole
    months stay whole months (a fiscal year is followed by the next fiscal year, leap years or
    not); any other period is repeated day for day. Returns (start, end, shift of a date)."""
    months = _period_months(cycle)
    start = cycle.period_end + datetime.timedelta(days=1)
    if months:
        end = _add_months(start, months) - datetime.timedelta(days=1)
        return start, end, lambda day: _add_months(day, months)
    shift = start - cycle.period_start
    return start, start + (cycle.period_end - cycle.period_start), lambda day: day + shift


@transaction.atomic
def cycle_start_next(*, actor, cycle: Cycle) -> Cycle:
    """Close this cycle and start the next one, its plan pre-filled from this one.

    Goals, indicators (targets, not actuals), schedule (a period later) and budget lines
    (planned, not actual) are carried over; the evaluation's improvements go with them.
    """
    bump("projects")
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    require_perm(actor, "cycles.start_next", cycle)
    evaluation = evaluation_of(cycle)
    start, end, shift = _next_period(cycle)
    following = Cycle.objects.create(
        project=cycle.project,
        number=cycle.number + 1,
        previous=cycle,
        fiscal_year=fiscal_year_of(start),
        period_start=start,
        period_end=end,
        goals=cycle.goals,
        carried_improvements=evaluation.to_improve,
    )
    Indicator.objects.bulk_create(
        Indicator(cycle=following, name=i.name, unit=i.unit, target=i.target)
        for i in cycle.indicators.all()
    )
    ScheduleItem.objects.bulk_create(
        ScheduleItem(cycle=following, planned_on=shift(s.planned_on), activity=s.activity)
        for s in cycle.schedule.all()
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(
            cycle=following, cost_line=b.cost_line, item=b.item, bearer=b.bearer, planned=b.planned
        )
        for b in cycle.budget_lines.all()
    )
    cycle.status = CycleStatus.DONE
    cycle.save(update_fields=["status", "updated_at"])
    return following


@transaction.atomic
def cycle_end_project(*, actor, cycle: Cycle):
    """Close this cycle and the project, as the evaluation decided."""
    bump("projects")
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    require_perm(actor, "cycles.end_project", cycle)
    cycle.status = CycleStatus.DONE
    cycle.save(update_fields=["status", "updated_at"])
    return project_transition(actor=actor, project=cycle.project, to_status=ProjectStatus.CLOSED)
