"""Reads of open calls, shared by the pages here and, later, the public portal and the API.

Public querysets (`public_calls`, `open_calls`, `published_results`) and `public_result` carry
nothing personal: no evaluator names or comments, no applicants' contact details or members.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from kyodo.calls.models import (
    CALL_FIELDS,
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    EvaluatorAssignment,
    Grant,
    Score,
)
from kyodo.calls.rules import EVALUATION_STATES, before_deadline
from kyodo.core.wareki import fiscal_year
from kyodo.partners.models import Partner
from kyodo.projects.models import Project, ProjectStatus

# Fields of a call that public pages and the API may show (none of them is personal).
PUBLIC_CALL_FIELDS = (
    "id",
    *CALL_FIELDS,
    "status",
    "decision_reason",
    "published_at",
    "project__title",
    "project__department__bureau",
    "project__department__name",
)


def public_calls():
    """Every call that is not a draft, newest deadline first, with its project and criteria."""
    return (
        Call.objects.visible_to_public()
        .select_related("project__department")
        .prefetch_related("criteria")
    )


def open_calls(now: datetime | None = None):
    """Calls accepting applications now (server time), the nearest deadline first."""
    now = now or timezone.now()
    return public_calls().filter(status=CallStatus.OPEN, deadline__gte=now).order_by("deadline")


def nearest_still_open(calls: list) -> bool:
    """Whether calls read by `open_calls()` (the nearest deadline first) are all still open:
    false once the first deadline has passed, when a kept list of them must be read again."""
    return not calls or before_deadline(calls[0])


def accepting_applications(call: Call, now: datetime | None = None) -> bool:
    """The call is open and its deadline has not passed (server time)."""
    return call.status == CallStatus.OPEN and before_deadline(call, now)


def published_results():
    """Calls whose result is published, the latest first."""
    return public_calls().filter(status=CallStatus.PUBLISHED).order_by("-published_at")


# --- Ranking ----------------------------------------------------------------------------------


@dataclass
class RankingRow:
    application: Application
    averages: list  # per criterion, in criteria order: Fraction or None
    total: Fraction | None = None  # weighted, out of 100
    spread: Fraction | None = None  # highest minus lowest evaluator total
    evaluator_count: int = 0
    conflict_count: int = 0
    rank: int | None = None
    evaluator_totals: list = field(default_factory=list)


def _evaluator_total(values: dict, criteria) -> Fraction:
    return sum(
        (Fraction(c.weight * values[c.pk], c.max_score) for c in criteria), start=Fraction(0)
    )


def ranking(call: Call) -> tuple[list, list[RankingRow]]:
    """Criteria and one row per submitted application, ranked by weighted total (ties share).

    Only the scores of evaluators who have submitted count; a total is the mean of the
    evaluators' weighted totals (each criterion's score ÷ its scale × its weight), so it is out
    of 100. A constant number of queries whatever the number of applications or evaluators.
    """
    criteria = list(call.criteria.all())
    applications = list(
        call.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("partner")
        .annotate(conflict_count=Count("declarations", filter=Q(declarations__has_conflict=True)))
        .order_by("receipt_number")
    )
    by_evaluator = defaultdict(dict)  # (application, assignment) -> {criterion: value}
    scores = Score.objects.filter(
        application__call=call, assignment__submitted_at__isnull=False
    ).values_list("application_id", "assignment_id", "criterion_id", "value")
    for application_id, assignment_id, criterion_id, value in scores:
        by_evaluator[(application_id, assignment_id)][criterion_id] = value
    rows = []
    for application in applications:
        sheets = [
            values
            for (app_id, _assignment), values in by_evaluator.items()
            if app_id == application.pk and len(values) == len(criteria)
        ]
        row = RankingRow(
            application=application,
            averages=[
                Fraction(sum(s[c.pk] for s in sheets), len(sheets)) if sheets else None
                for c in criteria
            ],
            evaluator_count=len(sheets),
            conflict_count=application.conflict_count,
        )
        if sheets:
            row.evaluator_totals = [_evaluator_total(s, criteria) for s in sheets]
            row.total = sum(row.evaluator_totals, start=Fraction(0)) / len(sheets)
            row.spread = max(row.evaluator_totals) - min(row.evaluator_totals)
        rows.append(row)
    _assign_ranks(rows)
    return criteria, rows


def _assign_ranks(rows: list[RankingRow]) -> None:
    """Competition ranking (1, 1, 3): equal totals share a rank; unscored rows come last."""
    rows.sort(key=lambda r: (r.total is None, -(r.total or 0), r.application.receipt_number))
    previous = None
    for position, row in enumerate(rows, start=1):
        if row.total is None:
            continue
        row.rank = previous.rank if previous and previous.total == row.total else position
        previous = row


@dataclass
class PublicResultRow:
    label: str
    selected: bool
    averages: list
    total: Fraction | None


def public_result(call: Call) -> tuple[list, list[PublicResultRow]]:
    """The published result: criteria, and per application the average per criterion and the
    weighted total. Selected organisations are named; the others are shown as 応募者A, B…,
    in receipt order, so that an unsuccessful group is not exposed. No evaluator, no comment,
    no contact detail is included."""
    criteria, rows = ranking(call)
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    ordered = sorted(rows, key=lambda r: r.application.receipt_number or "")
    labels = {}
    for row in ordered:
        if row.application.status != ApplicationStatus.SELECTED:
            labels[row.application.pk] = f"応募者{next(letters, '')}"
    public_rows = [
        PublicResultRow(
            label=labels.get(row.application.pk, row.application.partner.name),
            selected=row.application.status == ApplicationStatus.SELECTED,
            averages=row.averages,
            total=row.total,
        )
        for row in rows
    ]
    return criteria, public_rows


# --- Progress and queues ----------------------------------------------------------------------


def evaluation_progress(call: Call):
    """Each assigned evaluator with how far they are (declared, scored, submitted)."""
    criteria_count = call.criteria.count()
    assignments = (
        call.assignments.select_related("evaluator")
        .annotate(
            declared=Count("declarations", distinct=True),
            conflicts=Count(
                "declarations", filter=Q(declarations__has_conflict=True), distinct=True
            ),
            score_count=Count("scores", distinct=True),
        )
        .order_by("created_at")
    )
    for assignment in assignments:
        assignment.scored = assignment.score_count // criteria_count if criteria_count else 0
    return assignments


def evaluator_queue(user):
    """The calls a user is assigned to evaluate, with their progress, open work first."""
    return (
        EvaluatorAssignment.objects.filter(evaluator=user)
        .exclude(call__status=CallStatus.DRAFT)
        .select_related("call")
        .annotate(
            application_count=Count(
                "call__applications",
                filter=~Q(call__applications__status=ApplicationStatus.DRAFT),
                distinct=True,
            ),
            declared=Count("declarations", distinct=True),
        )
        .order_by("submitted_at", "call__deadline")
    )


def applications_of_member(user):
    """The applications of every organisation the user belongs to."""
    return (
        Application.objects.filter(partner__memberships__user=user)
        .select_related("call", "partner")
        .order_by("-created_at")
    )


def member_organisations(user):
    return Partner.objects.filter(memberships__user=user).order_by("name")


def applications_of_organisations(call: Call, organisations):
    """The applications (drafts included) that `organisations` already made to `call`."""
    return (
        Application.objects.filter(call=call, partner__in=organisations)
        .select_related("partner")
        .order_by("partner__name")
    )


def application_by_receipt(number: str):
    return Application.objects.filter(receipt_number=number).first()


def last_receipt_number(prefix: str) -> str | None:
    return (
        Application.objects.filter(receipt_number__startswith=prefix)
        .order_by("-receipt_number")
        .values_list("receipt_number", flat=True)
        .first()
    )


def projects_open_for_calls():
    """The projects a call can be made for: those forming their partnership."""
    return Project.objects.filter(status=ProjectStatus.FORMING).select_related("department")


# --- Coordinators' pages ----------------------------------------------------------------------


def calls_for_coordinators():
    """Every call, newest first, with its department and the number of submissions."""
    return (
        Call.objects.select_related("project__department")
        .annotate(
            submitted_count=Count(
                "applications", filter=~Q(applications__status=ApplicationStatus.DRAFT)
            )
        )
        .order_by("-created_at")
    )


def submitted_applications(call: Call):
    """The submitted applications of a call with their organisation, in receipt order."""
    return (
        call.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("partner")
        .order_by("receipt_number")
    )


def draft_count(call: Call) -> int:
    """How many organisations have a draft they have not submitted."""
    return call.applications.filter(status=ApplicationStatus.DRAFT).count()


def submitted_applications_with_attachments(call: Call):
    """The same, each with `attachment_count`."""
    return submitted_applications(call).annotate(attachment_count=Count("attachments"))


# --- Evaluators' pages ------------------------------------------------------------------------


def applications_for_evaluator(assignment: EvaluatorAssignment) -> list:
    """The submitted applications the evaluator works on, each marked declared / conflict /
    scored; none before the call is under evaluation."""
    if assignment.call.status not in EVALUATION_STATES:
        return []
    declarations = dict(assignment.declarations.values_list("application_id", "has_conflict"))
    scored = set(assignment.scores.values_list("application_id", flat=True))
    applications = list(submitted_applications(assignment.call))
    for application in applications:
        application.declared = application.pk in declarations
        application.conflict = declarations.get(application.pk, False)
        application.scored = application.pk in scored
    return applications


def scored_criteria_counts(assignment: EvaluatorAssignment) -> dict:
    """{application id: number of criteria the evaluator has scored}."""
    counts = {}
    for application_id in assignment.scores.values_list("application_id", flat=True):
        counts[application_id] = counts.get(application_id, 0) + 1
    return counts


def other_evaluators_scores(assignment: EvaluatorAssignment, application: Application):
    """The submitted scores of the other evaluators for `application` (blind scoring: shown
    only when the rule `calls.view_other_scores` allows)."""
    return (
        Score.objects.filter(application=application, assignment__submitted_at__isnull=False)
        .exclude(assignment=assignment)
        .select_related("assignment__evaluator", "criterion")
        .order_by("assignment__created_at", "criterion__sort_order")
    )


# --- Grants -----------------------------------------------------------------------------------


def grant_fiscal_years(grant) -> range:
    return range(fiscal_year(grant.term_start), fiscal_year(grant.term_end) + 1)


def _longest_run_through(years: set[int], around: range) -> int:
    best = 0
    for year in around:
        start = year
        while start - 1 in years:
            start -= 1
        end = year
        while end + 1 in years:
            end += 1
        best = max(best, end - start + 1)
    return best


def grants_with_repeat_warnings(grants) -> list:
    """The grants, each with `consecutive_years` and `repeat_warning` (the same organisation
    funded for the same purpose in N or more consecutive fiscal years; N is the setting
    KYODO_SUBSIDY_REPEAT_YEARS). Two queries whatever the number of grants."""
    grants = list(grants.select_related("partner", "project"))
    threshold = settings.KYODO_SUBSIDY_REPEAT_YEARS
    years = defaultdict(set)
    pairs = Grant.objects.filter(partner__in={g.partner_id for g in grants}).values_list(
        "partner_id", "purpose_key", "term_start", "term_end"
    )
    for partner_id, key, start, end in pairs:
        years[(partner_id, key)].update(range(fiscal_year(start), fiscal_year(end) + 1))
    for grant in grants:
        run = _longest_run_through(
            years[(grant.partner_id, grant.purpose_key)], grant_fiscal_years(grant)
        )
        grant.consecutive_years = run
        grant.repeat_warning = run >= threshold
    return grants


def grants_ended_without_review(today: date | None = None):
    today = today or timezone.localdate()
    return (
        Grant.objects.filter(term_end__lt=today, reviewed_on__isnull=True)
        .select_related("partner")
        .order_by("term_end")
    )
