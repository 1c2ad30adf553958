"""Reads of the promotion measures: lists, public records, and the yearly figures.

The figures count people, so they follow one rule (§5-1, and the city's personal-data
practice): a department's figures are shown only when it has at least ENGAGEMENT_MIN_GROUP
staff members; a smaller one is reported as 「5人未満」, so that no one can be identified.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from kyodo.accounts.models import Department
from kyodo.accounts.roles import Role
from kyodo.core.wareki import fiscal_year, fiscal_year_bounds
from kyodo.engagement.models import (
    AgreementActivity,
    AgreementStatus,
    DialogueIssue,
    DialogueSession,
    IssueStatus,
    PartnershipAgreement,
    StaffActivity,
    Training,
    TrainingAttendance,
)
from kyodo.projects.models import Project


def min_group() -> int:
    return settings.ENGAGEMENT_MIN_GROUP


def current_fiscal_year() -> int:
    return fiscal_year(timezone.localdate())


# --- Staff civic activity -------------------------------------------------------------------


def activities_of(user):
    return StaffActivity.objects.filter(staff=user).select_related("field", "partner")


def all_activities():
    return StaffActivity.objects.select_related("staff", "department", "field", "partner")


def public_activities():
    """What the portal shows (§5-3): entries their authors chose to publish."""
    return (
        StaffActivity.objects.filter(is_published=True)
        .select_related("field", "partner", "department", "staff")
        .order_by("-date", "-created_at")
    )


@dataclass
class DepartmentFigures:
    department: Department
    staff: int
    suppressed: bool
    participants: int | None = None
    entries: int | None = None
    hours: Decimal | None = None

    @property
    def share(self) -> float | None:
        if self.suppressed or not self.staff:
            return None
        return self.participants / self.staff


def _staff_per_department() -> dict:
    staff = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.STAFF.value, department__isnull=False)
        .values("department")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["department"]: row["n"] for row in staff}


def _figures(per_department: dict, rows: dict) -> list[DepartmentFigures]:
    figures = []
    for department in Department.objects.filter(is_active=True).order_by("sort_order", "name"):
        staff = per_department.get(department.pk, 0)
        row = rows.get(department.pk, {})
        if staff < min_group():
            figures.append(DepartmentFigures(department, staff, suppressed=True))
            continue
        figures.append(
            DepartmentFigures(
                department,
                staff,
                suppressed=False,
                participants=row.get("participants", 0),
                entries=row.get("entries", 0),
                hours=row.get("hours") or Decimal(0),
            )
        )
    return figures


def activity_figures(year: int) -> list[DepartmentFigures]:
    """Per department in fiscal year `year`: who took part, entries and hours (3 queries)."""
    start, end = fiscal_year_bounds(year)
    rows = (
        StaffActivity.objects.filter(date__range=(start, end))
        .values("department")
        .annotate(
            participants=Count("staff", distinct=True), entries=Count("pk"), hours=Sum("hours")
        )
    )
    return _figures(_staff_per_department(), {row["department"]: row for row in rows})


def training_figures(year: int) -> list[DepartmentFigures]:
    """Per department in fiscal year `year`: staff trained, attendances (3 queries)."""
    start, end = fiscal_year_bounds(year)
    rows = (
        TrainingAttendance.objects.filter(training__date__range=(start, end))
        .values("department")
        .annotate(participants=Count("attendee", distinct=True), entries=Count("pk"))
    )
    return _figures(_staff_per_department(), {row["department"]: row for row in rows})


# --- Dialogue -------------------------------------------------------------------------------


def dialogue_sessions():
    return DialogueSession.objects.select_related("department").annotate(
        issue_count=Count("issues", distinct=True),
        project_count=Count("issues", filter=Q(issues__project__isnull=False), distinct=True),
    )


def public_dialogue_sessions():
    """Sessions as the portal shows them: no participants' names exist, no internal note."""
    return dialogue_sessions().order_by("-date", "-created_at")


def session_issues(session):
    return session.issues.select_related("project").order_by("created_at")


def public_session_issues(session):
    """The issues as the portal shows them: a project is linked only once it is public."""
    public_ids = Project.objects.public().values("pk")
    return session_issues(session).annotate(
        project_is_public=Exists(public_ids.filter(pk=OuterRef("project_id")))
    )


@dataclass
class IssueFigures:
    year: int
    raised: int
    became_projects: int

    @property
    def share(self) -> float | None:
        return self.became_projects / self.raised if self.raised else None


def issue_figures(years: int = 3) -> list[IssueFigures]:
    """Local issues raised in the last `years` fiscal years, and how many became projects."""
    last = current_fiscal_year()
    return issue_figures_for(list(range(last - years + 1, last + 1)))


def issue_figures_for(years: list[int], department=None) -> list[IssueFigures]:
    """Per fiscal year of the session: issues raised and those that became projects (1 query)."""
    year = Case(
        *(When(session__date__range=fiscal_year_bounds(y), then=Value(y)) for y in years),
        default=None,
        output_field=IntegerField(),
    )
    issues = DialogueIssue.objects.all()
    if department is not None:
        issues = issues.filter(session__department=department)
    rows = (
        issues.annotate(year=year)
        .exclude(year=None)
        .values("year")
        .annotate(raised=Count("pk"), projects=Count("pk", filter=Q(status=IssueStatus.PROJECT)))
    )
    found = {row["year"]: row for row in rows}
    return [
        IssueFigures(y, found.get(y, {}).get("raised", 0), found.get(y, {}).get("projects", 0))
        for y in years
    ]


def issues_linked_to_partner_projects(user):
    """The dialogue issues behind the projects in which the user's organisations take part."""
    return (
        DialogueIssue.objects.filter(project__participations__partner__memberships__user=user)
        .select_related("project", "session")
        .distinct()
    )


# --- Trainings ------------------------------------------------------------------------------


def trainings():
    return Training.objects.select_related("department", "lecturer_partner").annotate(
        attendee_count=Count("attendance", distinct=True)
    )


def public_trainings():
    """Trainings with a citizen or partner lecturer, the portal's 市民講師 list (§5-4)."""
    return (
        trainings()
        .filter(lecturer_kind__in=("citizen", "partner"))
        .order_by("-date", "-created_at")
    )


def training_results(training) -> dict:
    """The questionnaire's averages and comments, for those who run the training (1 query)."""
    return training.feedback.aggregate(
        answers=Count("pk"), understanding=Avg("understanding"), usefulness=Avg("usefulness")
    )


def lectures_of_partners(partner_ids):
    return trainings().filter(lecturer_partner__in=partner_ids).order_by("-date")


# --- Partnership agreements -----------------------------------------------------------------


def dormant_since(today=None):
    """The day before which no activity means dormant (ENGAGEMENT_DORMANT_MONTHS)."""
    today = today or timezone.localdate()
    return today - timedelta(days=round(settings.ENGAGEMENT_DORMANT_MONTHS * 30.44))


def agreements(today=None):
    """Agreements with their last activity and the dormant flag (one query, prefetch aside).

    Dormant (休眠): in force, in force for longer than the dormancy window, and nothing was
    recorded under it within that window.
    """
    since = dormant_since(today)
    activities = AgreementActivity.objects.filter(agreement=OuterRef("pk"))
    return (
        PartnershipAgreement.objects.select_related("partner", "department")
        .prefetch_related("fields")
        .annotate(
            last_activity=Subquery(activities.order_by("-date").values("date")[:1]),
            dormant=Case(
                When(
                    Q(status=AgreementStatus.ACTIVE, starts_on__lt=since)
                    & ~Exists(activities.filter(date__gte=since)),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
    )


def dormant_agreements(today=None):
    return agreements(today).filter(dormant=True)


def agreements_ending(today=None, within_days: int | None = None):
    """In force, not renewed automatically, ending within the reminder window."""
    today = today or timezone.localdate()
    within = settings.ENGAGEMENT_AGREEMENT_REMINDER_DAYS if within_days is None else within_days
    return agreements().filter(
        status=AgreementStatus.ACTIVE,
        auto_renew=False,
        ends_on__gte=today,
        ends_on__lte=today + timedelta(days=within),
    )


def public_agreements():
    return agreements().order_by("-signed_on", "title")


def agreement_activities(agreement):
    return agreement.activities.select_related("project", "training").order_by("-date")
