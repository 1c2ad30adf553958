"""Figures about collaborative projects, their cycles, verification and costs (§3, §7)."""

from django.db.models import Avg, Count, Exists, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.core.wareki import fiscal_year_bounds
from kyodo.cycles.models import BudgetLine, Cycle, Side, Verification, VerificationAnswer
from kyodo.guideline.models import CollaborationForm
from kyodo.projects.models import CostBearer, Project, ProjectStatus, StatusChange
from kyodo.reports.figures.common import Row, Scope, Section, column, day_end, per_year

AGREED_OR_LATER = (ProjectStatus.AGREED, ProjectStatus.RUNNING, ProjectStatus.CLOSED)


def _projects(scope: Scope):
    projects = Project.objects.all()
    if scope.department is not None:
        projects = projects.filter(department=scope.department)
    return projects


def project_list_link(scope: Scope, **filters) -> str:
    if scope.department is not None:
        filters["department"] = scope.department.pk
    return reverse("projects:list") + "?" + urlencode(filters)


def project_flows(scope: Scope) -> Section:
    """New projects, and those that started, closed or were found not suited, per year."""
    years = scope.years
    new = per_year(
        _projects(scope), "created_at", years, datetimes=True, n=lambda q: Count("pk", filter=q)
    )
    moves = [ProjectStatus.RUNNING, ProjectStatus.CLOSED, ProjectStatus.DECLINED]
    changes = StatusChange.objects.filter(to_status__in=moves)
    if scope.department is not None:
        changes = changes.filter(project__department=scope.department)

    # Moves, not distinct projects: a project that moved to running twice in a year (rare)
    # counts twice, and the count needs no sort.
    def moved_to(status):
        return lambda q: Count("pk", filter=q & Q(to_status=status))

    moved = per_year(
        changes,
        "created_at",
        years,
        datetimes=True,
        running=moved_to(ProjectStatus.RUNNING),
        closed=moved_to(ProjectStatus.CLOSED),
        declined=moved_to(ProjectStatus.DECLINED),
    )
    return Section(
        "project_flows",
        _("Projects: new, started, closed, and found not suited to collaboration"),
        _(
            "Projects registered in each fiscal year, and those that moved to running, to "
            "closed, or to 「協働になじまない」 (the honest no of §4) in it."
        ),
        years,
        [
            Row(_("New projects"), column(new, years, "n")),
            Row(_("Started running"), column(moved, years, "running")),
            Row(_("Closed"), column(moved, years, "closed")),
            Row(
                _("Found not suited to collaboration"),
                column(moved, years, "declined"),
                project_list_link(scope, status=ProjectStatus.DECLINED),
            ),
        ],
    )


def _status_as_of(scope: Scope):
    if scope.as_of == timezone.localdate():
        # The running year: the phase today is the project's status (no history to read).
        current = _projects(scope).values("status", "form").annotate(n=Count("pk"))
        return [{"status_then": r["status"], "form": r["form"], "n": r["n"]} for r in current]
    last = StatusChange.objects.filter(
        project=OuterRef("pk"), created_at__lte=day_end(scope.as_of)
    ).order_by("-created_at")
    return (
        _projects(scope)
        .annotate(status_then=Subquery(last.values("to_status")[:1]))
        .exclude(status_then=None)
        .values("status_then", "form")
        .annotate(n=Count("pk"))
    )


def projects_by_phase_and_form(scope: Scope) -> tuple[Section, Section]:
    """The projects' phases, and the forms of those agreed or later, as of the year's end."""
    rows = list(_status_as_of(scope))
    phases = {status: 0 for status in ProjectStatus.values}
    forms = {form: 0 for form in CollaborationForm.values}
    for row in rows:
        phases[row["status_then"]] += row["n"]
        if row["status_then"] in AGREED_OR_LATER and row["form"] in forms:
            forms[row["form"]] += row["n"]
    as_of = {"date": scope.as_of.isoformat()}
    phase = Section(
        "projects_by_phase",
        _("Projects by phase"),
        _("Every project by the phase it was in on %(date)s.") % as_of,
        [scope.year],
        [
            Row(str(label), [phases[value]], project_list_link(scope, status=value))
            for value, label in ProjectStatus.choices
        ],
    )
    form = Section(
        "projects_by_form",
        _("Projects by form of collaboration"),
        _("Projects agreed, running or closed on %(date)s, by their form of collaboration.")
        % as_of,
        [scope.year],
        [
            Row(str(label), [forms[value]], project_list_link(scope, form=value))
            for value, label in CollaborationForm.choices
        ],
    )
    return phase, form


def _cycles(scope: Scope):
    cycles = Cycle.objects.all()
    if scope.department is not None:
        cycles = cycles.filter(project__department=scope.department)
    return cycles


def verification(scope: Scope) -> Section:
    """The share of cycles ending in each year that both sides verified (§3-1-③)."""
    years = scope.years

    def submitted(side):
        return Exists(
            Verification.objects.filter(cycle=OuterRef("pk"), side=side, submitted_at__isnull=False)
        )

    cycles = _cycles(scope).annotate(city=submitted(Side.CITY), partner=submitted(Side.PARTNER))
    found = per_year(
        cycles,
        "period_end",
        years,
        total=lambda q: Count("pk", filter=q),
        both=lambda q: Count("pk", filter=q & Q(city=True, partner=True)),
    )
    totals, both = column(found, years, "total"), column(found, years, "both")
    shares = [b / t if t else None for b, t in zip(both, totals, strict=True)]
    return Section(
        "verification",
        _("Verification by both sides"),
        _(
            "Cycles whose period ends in the fiscal year, and how many the city and the "
            "partner have both verified."
        ),
        years,
        [
            Row(_("Cycles ending in the year"), totals),
            Row(_("Verified by both sides"), both),
            Row(_("Share verified by both sides"), shares, percent=True),
        ],
        chart_percent=True,
    )


def verification_areas(scope: Scope) -> Section:
    """The average rating per verification area, the city's side against the partner's."""
    start, end = fiscal_year_bounds(scope.year)
    answers = VerificationAnswer.objects.filter(
        verification__submitted_at__isnull=False,
        verification__cycle__period_end__range=(start, end),
    )
    if scope.department is not None:
        answers = answers.filter(verification__cycle__project__department=scope.department)
    rows = answers.values("question__group", "verification__side").annotate(avg=Avg("rating"))
    areas: dict = {}
    for row in rows:
        areas.setdefault(row["question__group"], {})[row["verification__side"]] = row["avg"]
    return Section(
        "verification_areas",
        _("Verification by area: the city and the partner"),
        _(
            "The average rating (1–4) of the submitted verifications of cycles ending in the "
            "fiscal year, per area of §3-1-③, first the city's side, then the partner's."
        ),
        [scope.year, scope.year],
        [
            Row(area or "—", [sides.get(Side.CITY), sides.get(Side.PARTNER)])
            for area, sides in sorted(areas.items())
        ],
    )


def budget(scope: Scope) -> Section:
    """Planned and actual costs of the cycles, and the share borne by the partners."""
    years = scope.years
    lines = BudgetLine.objects.all()
    if scope.department is not None:
        lines = lines.filter(cycle__project__department=scope.department)
    aggregates = {
        f"{kind}_{bearer}": (
            lambda q, kind=kind, bearer=bearer: Sum(kind, filter=q & Q(bearer=bearer))
        )
        for kind in ("planned", "actual")
        for bearer in CostBearer.values
    }
    found = per_year(lines, "cycle__period_end", years, **aggregates)

    def total(kind, bearer=None):
        bearers = [bearer] if bearer else CostBearer.values
        return [sum(found[y][f"{kind}_{b}"] for b in bearers) for y in years]

    actual_all, actual_partner = total("actual"), total("actual", CostBearer.PARTNER)
    share = [p / a if a else None for p, a in zip(actual_partner, actual_all, strict=True)]
    return Section(
        "budget",
        _("Budget and actual costs, and the partner side's share"),
        _(
            "The budget lines of cycles ending in the fiscal year (yen). The guideline warns "
            "against using partners as cheap labour: watch the share of costs they bear."
        ),
        years,
        [
            Row(_("Planned"), total("planned")),
            Row(_("Actual"), actual_all),
            Row(_("Actual borne by the city"), total("actual", CostBearer.CITY)),
            Row(_("Actual borne by the partners"), actual_partner),
            Row(_("Partners' share of the actual costs"), share, percent=True),
        ],
        unit="yen",
    )
