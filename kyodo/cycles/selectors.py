"""Reading cycles: the blind verification rule, the comparison, arithmetic, panels, reminders
(what the public may see of them: `cycles.public_results`)."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from kyodo.accounts.roles import Role
from kyodo.core.queries import through
from kyodo.cycles.models import (
    ActivityRecord,
    BudgetLine,
    Cycle,
    CycleStatus,
    Evaluation,
    Indicator,
    ReminderKind,
    Side,
    Verification,
    VerificationAnswer,
)
from kyodo.guideline.models import CollaborationForm, Question
from kyodo.projects.models import Agreement, CostBearer, Project, ProjectStatus

VERIFICATION_WINDOW_DAYS = 14
OPEN_STATUSES = (CycleStatus.PLAN, CycleStatus.DO, CycleStatus.CHECK)  # verification to come
EXPIRY_WINDOW_DAYS = 30


# --- verification -------------------------------------------------------------------------


def submitted_verifications(cycle: Cycle) -> dict[str, Verification]:
    """The latest submitted revision of each side that has submitted: {side: verification}."""
    latest: dict[str, Verification] = {}
    for verification in Verification.objects.filter(cycle=cycle, submitted_at__isnull=False):
        best = latest.get(verification.side)
        if best is None or verification.revision > best.revision:
            latest[verification.side] = verification
    return latest


def current_verification(cycle: Cycle, side: str) -> Verification | None:
    return Verification.objects.filter(cycle=cycle, side=side).order_by("-revision").first()


def recording_side(actor, cycle: Cycle) -> str:
    """The side a record is written by; the system (actor None) writes for the city."""
    if actor is None or actor.has_perm("cycles.verify_as_city", cycle):
        return Side.CITY
    return Side.PARTNER


def evaluation_of(cycle: Cycle) -> Evaluation | None:
    """The cycle's evaluation (read with the cycle where it was select_related), or None."""
    try:
        return cycle.evaluation
    except Evaluation.DoesNotExist:
        return None


def both_submitted(cycle: Cycle) -> bool:
    """Whether both sides have submitted, which opens each side's answers to the other."""
    sides = set(
        Verification.objects.filter(cycle=cycle, submitted_at__isnull=False).values_list(
            "side", flat=True
        )
    )
    return sides == {Side.CITY, Side.PARTNER}


@dataclass
class ComparisonRow:
    question: Question
    city: object
    partner: object

    @property
    def differs(self) -> bool:
        return (
            self.city is not None
            and self.partner is not None
            and (self.city.rating != self.partner.rating)
        )

    @property
    def gap(self) -> int:
        return abs(self.city.rating - self.partner.rating) if self.differs else 0


def comparison(cycle: Cycle) -> list[tuple[str, list[ComparisonRow]]] | None:
    """Both sides' answers side by side, grouped by verification area; None until both
    sides have submitted (the answers stay blind until then)."""
    latest = submitted_verifications(cycle)
    if set(latest) != {Side.CITY, Side.PARTNER}:
        return None
    city, partner = latest[Side.CITY], latest[Side.PARTNER]
    answers = {
        (a.verification_id, a.question_id): a
        for a in VerificationAnswer.objects.filter(verification__in=[city, partner])
    }
    groups: dict[str, list[ComparisonRow]] = {}
    for question in city.version.questions.order_by("order"):
        groups.setdefault(question.group or "", []).append(
            ComparisonRow(
                question,
                answers.get((city.pk, question.pk)),
                answers.get((partner.pk, question.pk)),
            )
        )
    return list(groups.items())


def verification_rows(verification: Verification) -> list[tuple[str, list]]:
    """A verification's questions with its answers, grouped by area (for the read-only view)."""
    answers = {a.question_id: a for a in verification.answers.all()}
    groups: dict[str, list] = {}
    for question in verification.version.questions.order_by("order"):
        groups.setdefault(question.group or "", []).append((question, answers.get(question.pk)))
    return list(groups.items())


# --- arithmetic ---------------------------------------------------------------------------


def achievement_rate(target, actual) -> Decimal | None:
    """Actual as a percentage of the target, to one decimal; None if either is missing or the
    target is 0 (a rate against nothing means nothing)."""
    if target is None or actual is None or Decimal(target) == 0:
        return None
    rate = Decimal(actual) * 100 / Decimal(target)
    return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def indicator_rows(cycle: Cycle) -> list[tuple[Indicator, Decimal | None]]:
    return [(i, achievement_rate(i.target, i.actual)) for i in cycle.indicators.all()]


def budget_summary(cycle: Cycle) -> dict:
    """Planned and actual per side and in all; `actual` counts only lines with an actual."""
    summary = {
        side: {"planned": 0, "actual": 0, "difference": 0} for side in (*CostBearer.values, "all")
    }
    for line in BudgetLine.objects.filter(cycle=cycle):
        for key in (line.bearer, "all"):
            summary[key]["planned"] += line.planned
            summary[key]["actual"] += line.actual or 0
    for values in summary.values():
        values["difference"] = values["actual"] - values["planned"]
        values["rate"] = achievement_rate(values["planned"], values["actual"])
    return summary


def activity_totals(cycle: Cycle) -> dict:
    records = ActivityRecord.objects.filter(cycle=cycle).values_list("participants", "volunteers")
    participants = volunteers = count = 0
    for p, v in records:
        participants, volunteers, count = participants + p, volunteers + v, count + 1
    return {"records": count, "participants": participants, "volunteers": volunteers}


# --- what each project needs next (home panels) -------------------------------------------


# What the panels, the reminders and their e-mails read of a cycle and its project: the other
# columns (goals, texts) cost compiling and reading on every home page and are not shown.
_PROJECT_COLUMNS = ("project__title", "project__status", "project__form", "project__department")
_PANEL_COLUMNS = ("number", "status", "period_end", *_PROJECT_COLUMNS)
_AGREEMENT_COLUMNS = ("valid_until", "term_end", *_PROJECT_COLUMNS)


def current_cycles(projects: Q) -> QuerySet:
    """The open cycle of each project (or its last one), with what the panels need: whether
    each side has submitted its verification is a column of the same query (`submitted_sides`)."""
    submitted = Verification.objects.filter(cycle=OuterRef("pk"), submitted_at__isnull=False)
    return (
        Cycle.objects.filter(through("project", projects))
        .select_related("project")
        .only(*_PANEL_COLUMNS)
        .annotate(city_submitted=Exists(submitted.filter(side=Side.CITY)))
        .annotate(partner_submitted=Exists(submitted.filter(side=Side.PARTNER)))
        .order_by("project__title", "-number")
    )


def submitted_sides(cycle: Cycle) -> set[str]:
    """The sides that submitted their verification of a cycle read by `current_cycles`."""
    sides = ((Side.CITY, "city_submitted"), (Side.PARTNER, "partner_submitted"))
    return {side for side, column in sides if getattr(cycle, column, False)}


def needs_next(cycle: Cycle, side: str | None = None) -> str:
    """What the cycle needs next, in a few words (of a cycle read by `current_cycles`)."""
    submitted = submitted_sides(cycle)
    status = cycle.status
    if status == CycleStatus.PLAN:
        return _("Complete the plan and start carrying it out")
    if status == CycleStatus.DO:
        return _("Record activities and actual values")
    if status == CycleStatus.CHECK:
        return _check_needs(submitted, side)
    if status == CycleStatus.ACT:
        return _("Joint review and evaluation")
    return _("Cycle completed")


def _check_needs(submitted: set, side: str | None) -> str:
    if side == Side.PARTNER:
        if Side.PARTNER not in submitted:
            return _("Submit your side's verification")
        return _("Waiting for the city's verification")
    if Side.CITY not in submitted:
        return _("Verification pending")
    if Side.PARTNER not in submitted:
        return _("Waiting for the partner's verification")
    return _("Both verifications submitted")


def _latest_per_project(cycles) -> list[Cycle]:
    seen, result = set(), []
    for cycle in cycles:
        if cycle.project_id not in seen:
            seen.add(cycle.project_id)
            result.append(cycle)
    return result


def cycle_rows(projects: Q, side: str, cycles: list | None = None) -> list[tuple[Cycle, str]]:
    """The current cycle of each project not yet completed, with what `side` is to do next
    (from `cycles`, the projects' `current_cycles` when the caller read them already)."""
    cycles = _latest_per_project(current_cycles(projects) if cycles is None else cycles)
    return [(c, needs_next(c, side)) for c in cycles if c.status != CycleStatus.DONE]


def staff_projects(user) -> Q:
    """The projects whose cycles a city-side person follows on the home page (a condition the
    panels join: `core.queries.through`): a coordinator every one, staff their department's."""
    from kyodo.accounts.rules import is_coordinator

    if is_coordinator(user):
        return Q()
    return Q(department_id=user.department_id or None)


def partner_projects(user) -> Q:
    """The projects of the organisations the person is a member of (a subquery of their ids:
    a join through the memberships would repeat a project for each)."""
    mine = Project.objects.filter(participations__partner__memberships__user=user)
    return Q(pk__in=mine.values("pk"))


# --- reminders ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    kind: str
    project: Project
    subject_id: object
    due_on: datetime.date

    @property
    def label(self) -> str:
        return ReminderKind(self.kind).label


def reminders_due(today: datetime.date, projects: Q | None = None, cycles=None) -> list[Reminder]:
    """Reminders whose time has come: a verification due within 14 days (or overdue) in a
    cycle not yet verified by both sides; an agreement's validity, or a 補助's subsidy term,
    ending within 30 days. Three queries, one if `cycles` were read (cycles/panels.py)."""
    projects, running = Q() if projects is None else projects, ProjectStatus.RUNNING
    window = today + datetime.timedelta(days=VERIFICATION_WINDOW_DAYS)
    if cycles is None:
        cycles = current_cycles(projects & Q(status=running)).filter(
            status__in=OPEN_STATUSES, period_end__lte=window
        )
    reminders = [
        Reminder(ReminderKind.VERIFICATION_DUE, c.project, c.pk, c.period_end)
        for c in cycles
        if c.project.status == running and c.status in OPEN_STATUSES
        if c.period_end <= window and len(submitted_sides(c)) < 2
    ]
    horizon = today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS)
    agreements = (
        Agreement.objects.filter(
            through("project", projects & ~Q(status=ProjectStatus.CLOSED)),
            finalised_at__isnull=False,
        )
        .select_related("project")
        .only(*_AGREEMENT_COLUMNS)
    )
    for agreement in agreements.filter(
        Q(valid_until__range=(today, horizon))
        | Q(term_end__range=(today, horizon), project__form=CollaborationForm.HOJO)
    ):
        if today <= agreement.valid_until <= horizon:
            reminders.append(
                Reminder(
                    ReminderKind.AGREEMENT_EXPIRING,
                    agreement.project,
                    agreement.pk,
                    agreement.valid_until,
                )
            )
        term_end = agreement.term_end
        is_subsidy = agreement.project.form == CollaborationForm.HOJO
        if is_subsidy and term_end and today <= term_end <= horizon:
            reminders.append(
                Reminder(
                    ReminderKind.SUBSIDY_TERM_ENDING, agreement.project, agreement.pk, term_end
                )
            )
    return sorted(reminders, key=lambda r: (r.due_on, r.project.title))


def reminder_recipients(projects) -> dict:
    """{project id: [users]}: the staff of the department in charge and the members of the
    participating partners, each with an e-mail address. Two queries."""
    User = get_user_model()
    projects = list(projects)
    by_department: dict = {}
    for user in User.objects.filter(
        is_active=True,
        groups__name=Role.STAFF.value,
        department_id__in={p.department_id for p in projects},
    ).exclude(email=""):
        by_department.setdefault(user.department_id, []).append(user)
    partner_members: dict = {}
    for user in (
        User.objects.filter(
            is_active=True, partner_memberships__partner__participations__project__in=projects
        )
        .exclude(email="")
        .annotate(project_id=F("partner_memberships__partner__participations__project_id"))
        .distinct()
    ):
        partner_members.setdefault(user.project_id, []).append(user)
    return {
        p.pk: by_department.get(p.department_id, []) + partner_members.get(p.pk, [])
        for p in projects
    }
