"""Read helpers of citizens' voices: the lists, the statistics, and what the public may read.

The public pages, the API and the open data read the same selectors (`public_opinions`,
`statistics_by_year`, `public_surveys`, `closed_surveys` and kyodo.voices.results), so that
none of them can show more than the others.
"""

from dataclasses import dataclass
from statistics import median

from django.db.models import Case, Count, Q, QuerySet, When
from django.utils import timezone

from kyodo.core.normalize import normalize_code
from kyodo.core.wareki import fiscal_year
from kyodo.voices.models import REFLECTED, Opinion, OpinionStatus, Survey

# What a public page may read of an opinion (never the sender's fields nor the text).
PUBLIC_OPINION_FIELDS = (
    "id",
    "receipt_number",
    "public_title",
    "summary",
    "received_at",
    "replied_at",
    "published_at",
    "due_on",
    "status",
    "field__name",
    "department__bureau",
    "department__name",
    "reply__body",
    "reply__reflection",
    "reply__reflection_reason",
    "reply__project_id",
    "reply__project__title",
)


def public_opinions() -> QuerySet:
    """Published opinions, newest first, with only the fields a public page shows."""
    return (
        Opinion.objects.published()
        .select_related("field", "department", "reply__project")
        .only(*[f for f in PUBLIC_OPINION_FIELDS if f != "id"])
        .order_by("-published_at", "receipt_number")
    )


def opinions_for(user, *, status: str = "", overdue: bool = False, query: str = "") -> QuerySet:
    """The opinions a staff member handles (their department's), or every one for coordinators;
    `query` finds a receipt number (typed in any width) or words of the subject."""
    # The reply clock first: unanswered opinions, soonest due (the overdue) at the top.
    answered = Case(
        When(status__in=(OpinionStatus.RECEIVED, OpinionStatus.CHECKING), then=0), default=1
    )
    queryset = Opinion.objects.select_related("department", "reply").order_by(
        answered, "due_on", "receipt_number"
    )
    if not user.has_perm("voices.see_every_department"):
        queryset = _own_department(queryset, user)
    if status:
        queryset = queryset.filter(status=status)
    if overdue:
        queryset = queryset.overdue()
    if query:
        receipt = normalize_code(query).upper()
        queryset = queryset.filter(Q(receipt_number=receipt) | Q(subject__icontains=query))
    return queryset


def status_counts(user) -> dict:
    queryset = opinions_for(user).order_by()
    rows = queryset.values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    counts["overdue"] = queryset.overdue().count()
    return counts


def similar_open_opinions(opinion: Opinion) -> QuerySet:
    """Other unanswered opinions of the same department, which one reply may answer too."""
    return (
        Opinion.objects.open()
        .filter(department_id=opinion.department_id, reply__isnull=True)
        .exclude(pk=opinion.pk)
        .order_by("received_at")
    )


def _own_department(queryset: QuerySet, user) -> QuerySet:
    department = getattr(user, "department_id", None)
    return queryset.filter(department_id=department) if department else queryset.none()


@dataclass(frozen=True)
class YearFigures:
    year: int
    received: int
    replied: int
    median_days: float | None
    within_target: float | None  # share of the replied, 0 to 1
    reflected: float | None  # share of the replied

    @property
    def within_target_percent(self):
        return None if self.within_target is None else round(self.within_target * 100)

    @property
    def reflected_percent(self):
        return None if self.reflected is None else round(self.reflected * 100)


def _figures(year: int, rows: list) -> YearFigures:
    replied = [row for row in rows if row[1] is not None]
    days = [(timezone.localdate(r[1]) - timezone.localdate(r[0])).days for r in replied]
    within = [timezone.localdate(r[1]) <= r[2] for r in replied]
    reflected = [r[3] in REFLECTED for r in replied]
    share = (lambda values: sum(values) / len(values)) if replied else (lambda values: None)
    return YearFigures(
        year=year,
        received=len(rows),
        replied=len(replied),
        median_days=median(days) if days else None,
        within_target=share(within),
        reflected=share(reflected),
    )


def statistics_by_year() -> list[YearFigures]:
    """Per fiscal year of receipt: received, replied, median days to reply, the share replied
    within the target and the share reflected (反映した・一部反映) — newest year first."""
    rows = Opinion.objects.values_list(
        "received_at", "replied_at", "due_on", "reply__reflection"
    ).order_by()
    by_year: dict[int, list] = {}
    for row in rows:
        by_year.setdefault(fiscal_year(timezone.localdate(row[0])), []).append(row)
    return [_figures(year, by_year[year]) for year in sorted(by_year, reverse=True)]


def public_surveys() -> QuerySet:
    """Published surveys, newest first (open, upcoming and closed)."""
    return (
        Survey.objects.filter(published_at__isnull=False)
        .select_related("department")
        .order_by("-opens_at", "title")
    )


def open_surveys(now=None) -> QuerySet:
    now = now or timezone.now()
    return public_surveys().filter(opens_at__lte=now, closes_at__gt=now, closed_at__isnull=True)


def closed_surveys(now=None) -> QuerySet:
    now = now or timezone.now()
    return public_surveys().filter(Q(closes_at__lte=now) | Q(closed_at__isnull=False))


def surveys_for(user) -> QuerySet:
    queryset = Survey.objects.select_related("department").annotate(
        response_count=Count("responses")
    )
    if not user.has_perm("voices.see_every_department"):
        queryset = _own_department(queryset, user)
    return queryset.order_by("-opens_at", "title")
