"""Figures about partners, subsidies, open calls and the promotion measures (§3, §5, §7)."""

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.calls.models import Application, Call, CallStatus, Grant
from kyodo.calls.selectors import grants_with_repeat_warnings
from kyodo.core.wareki import fiscal_year_bounds
from kyodo.engagement import selectors as engagement
from kyodo.partners.models import Partner, PartnerType
from kyodo.reports.figures.common import Row, Scope, Section, column, day_end, per_year


def partners(scope: Scope) -> Section:
    """Registered partners by type at the year's end, and those new in each year (city-wide)."""
    years = scope.years
    types = (
        Partner.objects.filter(created_at__lte=day_end(scope.as_of))
        .values("partner_type__name")
        .annotate(n=Count("pk"))
    )
    counted = {row["partner_type__name"]: row["n"] for row in types}
    new = per_year(
        Partner.objects.all(),
        "created_at",
        years,
        datetimes=True,
        n=lambda q: Count("pk", filter=q),
    )
    names = list(PartnerType.objects.order_by("sort_order", "name").values_list("name", flat=True))
    rows = [Row(name, [None] * (len(years) - 1) + [counted.get(name, 0)]) for name in names]
    return Section(
        "partners",
        _("Partners by type, and new partners"),
        _(
            "Organisations in the registry on %(date)s by type (the whole city), and those "
            "registered in each fiscal year."
        )
        % {"date": scope.as_of.isoformat()},
        years,
        [*rows, Row(_("Newly registered"), column(new, years, "n"), reverse("partners:list"))],
    )


def subsidies(scope: Scope) -> Section:
    """Subsidies (補助) starting in each year, and recipients funded year after year."""
    years = scope.years
    grants = Grant.objects.all()
    if scope.department is not None:
        grants = grants.filter(project__department=scope.department)
    rows = per_year(
        grants,
        "term_start",
        years,
        n=lambda q: Count("pk", filter=q),
        amount=lambda q: Sum("amount", filter=q),
    )
    start, end = fiscal_year_bounds(scope.year)
    this_year = grants_with_repeat_warnings(grants.filter(term_start__range=(start, end)))
    repeated = len({grant.partner_id for grant in this_year if grant.repeat_warning})
    return Section(
        "subsidies",
        _("Subsidies"),
        _(
            "Grants whose term starts in the fiscal year, their total in yen, and the "
            "recipients funded for the same purpose %(years)s or more years in a row."
        )
        % {"years": settings.KYODO_SUBSIDY_REPEAT_YEARS},
        years,
        [
            Row(_("Grants"), column(rows, years, "n"), reverse("calls:grant_list")),
            Row(_("Total (yen)"), column(rows, years, "amount")),
            Row(
                _("Recipients funded year after year"),
                [None] * (len(years) - 1) + [repeated],
                reverse("calls:grant_list"),
            ),
        ],
    )


def calls(scope: Scope) -> Section:
    """Open calls with their deadline in each year, applications, and published results."""
    years = scope.years
    all_calls = Call.objects.exclude(status=CallStatus.DRAFT)
    applications = Application.objects.filter(submitted_at__isnull=False)
    if scope.department is not None:
        all_calls = all_calls.filter(project__department=scope.department)
        applications = applications.filter(call__project__department=scope.department)
    now = timezone.now()
    rows = per_year(
        all_calls,
        "deadline",
        years,
        datetimes=True,
        n=lambda q: Count("pk", filter=q),
        closed=lambda q: Count("pk", filter=q & Q(deadline__lt=now)),
        published=lambda q: Count("pk", filter=q & Q(status=CallStatus.PUBLISHED)),
    )
    applied = per_year(
        applications, "call__deadline", years, datetimes=True, n=lambda q: Count("pk", filter=q)
    )
    closed = column(rows, years, "closed")
    published = column(rows, years, "published")
    return Section(
        "calls",
        _("Open calls"),
        _(
            "Calls whose deadline falls in the fiscal year, the applications submitted to them, "
            "and the share of the closed ones whose result is published."
        ),
        years,
        [
            Row(_("Calls"), column(rows, years, "n"), reverse("calls:manage_list")),
            Row(_("Applications"), column(applied, years, "n")),
            Row(
                _("Share of closed calls with a published result"),
                [p / c if c else None for p, c in zip(published, closed, strict=True)],
                percent=True,
            ),
        ],
    )


def dialogue(scope: Scope) -> Section:
    figures = engagement.issue_figures_for(scope.years, department=scope.department)
    return Section(
        "dialogue",
        _("Local issues from dialogue"),
        _(
            "Local issues raised in dialogue sessions held in the fiscal year (§5-2), and how "
            "many have become projects."
        ),
        scope.years,
        [
            Row(
                _("Issues raised"), [f.raised for f in figures], reverse("engagement:dialogue_list")
            ),
            Row(_("Became projects"), [f.became_projects for f in figures]),
            Row(_("Share that became projects"), [f.share for f in figures], percent=True),
        ],
    )


def staff_participation(scope: Scope) -> tuple[list, list]:
    """Staff civic activity and training by department (the small-group rule applies)."""
    return engagement.activity_figures(scope.year), engagement.training_figures(scope.year)
