"""What the public portal and the API may show of a project's evaluated cycles."""

import datetime
from dataclasses import dataclass

from kyodo.cycles.models import Cycle, EvaluationDecision
from kyodo.cycles.selectors import achievement_rate
from kyodo.projects.models import PUBLIC_STATUSES, Project


@dataclass(frozen=True)
class PublicCycleResult:
    """What the public portal may show of an evaluated cycle: no names, no comments."""

    number: int
    fiscal_year: int | None
    period_start: datetime.date
    period_end: datetime.date
    decision: str
    decision_label: str
    indicators: list[dict]
    budget_planned: int
    budget_actual: int
    records: int
    participants: int
    volunteers: int


def public_cycle_results(project: Project) -> list[PublicCycleResult]:
    """The evaluated cycles of a public project, for the portal. Carries no personal data:
    no names of people, no free-text comments or verification answers (which may name people),
    only the decision, indicators with target and actual, budget totals and activity counts."""
    # The callers read the project through public_projects(): its status says it without a query.
    if project.status not in PUBLIC_STATUSES:
        return []
    cycles = (
        Cycle.objects.filter(project=project, evaluation__isnull=False)
        .select_related("evaluation")
        .prefetch_related("indicators", "budget_lines", "records")
        .order_by("number")
    )
    results = []
    for cycle in cycles:
        lines = list(cycle.budget_lines.all())
        records = list(cycle.records.all())
        results.append(
            PublicCycleResult(
                number=cycle.number,
                fiscal_year=cycle.fiscal_year,
                period_start=cycle.period_start,
                period_end=cycle.period_end,
                decision=cycle.evaluation.decision,
                decision_label=str(EvaluationDecision(cycle.evaluation.decision).label),
                indicators=[
                    {
                        "name": i.name,
                        "unit": i.unit,
                        "target": i.target,
                        "actual": i.actual,
                        "rate": achievement_rate(i.target, i.actual),
                    }
                    for i in cycle.indicators.all()
                ],
                budget_planned=sum(b.planned for b in lines),
                budget_actual=sum(b.actual or 0 for b in lines),
                records=len(records),
                participants=sum(r.participants for r in records),
                volunteers=sum(r.volunteers for r in records),
            )
        )
    return results
