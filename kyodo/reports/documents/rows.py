"""The rows of the annual report's project list, read in chunks so memory stays flat."""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from kyodo.core.wareki import fiscal_year_bounds
from kyodo.cycles.models import BudgetLine, Cycle, Evaluation, Verification
from kyodo.guideline.models import CollaborationForm
from kyodo.projects.models import Participation, Project, ProjectStatus

CHUNK = 1000


@dataclass
class ProjectRow:
    title: str
    department: str
    form: str
    status: str
    partners: str
    budget: int | None
    actual: int
    verified_by: str
    evaluation: str


def projects_of_year(year: int):
    """Projects the year's report lists: planned for the year, or with a cycle in it."""
    start, end = fiscal_year_bounds(year)
    in_plan = Q(fiscal_year_from__lte=year, fiscal_year_to__gte=year)
    cycle_in_year = Exists(
        Cycle.objects.filter(project=OuterRef("pk"), period_start__lte=end, period_end__gte=start)
    )
    return Project.objects.filter(in_plan | cycle_in_year)


def _annotated(year: int):
    start, end = fiscal_year_bounds(year)
    cycles = Q(cycle__period_end__range=(start, end))
    actual = (
        BudgetLine.objects.filter(cycles, cycle__project=OuterRef("pk"))
        .values("cycle__project")
        .annotate(total=Sum("actual"))
        .values("total")
    )
    sides = (
        Verification.objects.filter(
            cycle__project=OuterRef("pk"),
            cycle__period_end__range=(start, end),
            submitted_at__isnull=False,
        )
        .values("cycle__project")
        .annotate(n=Count("side", distinct=True))
        .values("n")
    )
    decision = Evaluation.objects.filter(
        cycle__project=OuterRef("pk"), cycle__period_end__range=(start, end)
    ).order_by("-cycle__number")
    return (
        projects_of_year(year)
        .annotate(
            actual_total=Coalesce(Subquery(actual), 0),
            sides=Coalesce(Subquery(sides), 0),
            decision=Subquery(decision.values("decision")[:1]),
        )
        .order_by("department__sort_order", "department__name", "title", "pk")
    )


FIELDS = ("pk", "title", "department__bureau", "department__name", "form", "status", "budget")


def project_rows(year: int, labels: dict) -> Iterator[ProjectRow]:
    """Every project of the year as a row: one pass over one query of plain values (each
    project's figures computed once, in the database), and one query per CHUNK projects for
    their partners."""
    batch = []
    values = _annotated(year).values(*FIELDS, "actual_total", "sides", "decision")
    for project in values.iterator(chunk_size=CHUNK):
        batch.append(project)
        if len(batch) == CHUNK:
            yield from _rows(batch, labels)
            batch = []
    yield from _rows(batch, labels)


def _rows(projects: list[dict], labels: dict) -> Iterator[ProjectRow]:
    partners = defaultdict(list)
    for project_id, name in Participation.objects.filter(
        project__in=[p["pk"] for p in projects]
    ).values_list("project_id", "partner__name"):
        partners[project_id].append(name)
    forms, statuses = dict(CollaborationForm.choices), dict(ProjectStatus.choices)
    for project in projects:
        yield ProjectRow(
            title=project["title"],
            department=f"{project['department__bureau']} {project['department__name']}",
            form=str(forms.get(project["form"], "")),
            status=str(statuses[project["status"]]),
            partners="、".join(sorted(partners[project["pk"]])),
            budget=project["budget"],
            actual=project["actual_total"],
            verified_by=labels["sides"][min(project["sides"], 2)],
            evaluation=labels["decisions"].get(project["decision"], ""),
        )
