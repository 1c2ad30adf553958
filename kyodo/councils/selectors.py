"""Reading councils: the lists with their figures and flags, a council's page, the public
parts. Each function reads a fixed number of queries whatever the number of councils, so that
the pages' query counts stay the same (pinned in tests/test_queries.py).

The public parts (`public_*`) are the one source of the portal's pages, the CSV open data and
the API: a member's contact details and a closed meeting's minutes are never in them.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from kyodo.councils import figures, hollow
from kyodo.councils.models import (
    Category,
    Council,
    FollowUp,
    FollowUpStatus,
    Material,
    Meeting,
    Outcome,
    Person,
    Position,
    Term,
)


def councils_for_staff() -> QuerySet[Council]:
    return Council.objects.select_related("department", "project")


def public_councils() -> QuerySet[Council]:
    return Council.objects.public().select_related("department")


@dataclass
class CouncilRow:
    council: Council
    shares: figures.Shares
    hollow: list


def _start_of(day: date) -> datetime:
    """Midnight of `day` in Japan (the meetings' days are Japanese days)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _meeting_rows(council_ids, today: date):
    held_by = _start_of(today + timedelta(days=1))
    return (
        Meeting.objects.filter(council_id__in=council_ids, starts_at__lt=held_by)
        .annotate(day=TruncDate("starts_at"), outcome_count=Count("outcomes"))
        .order_by("council_id", "-starts_at")
        .values("council_id", "day", "outcome_count")
    )


def term_rows_on(council_ids, day: date):
    return (
        Term.objects.on(day)
        .filter(council_id__in=council_ids)
        .values("council_id", "category", "person__gender")
    )


def council_rows(councils, *, day: date | None = None) -> list[CouncilRow]:
    """Each council with its shares on `day` (default today) and its hollow reasons: three
    queries for any number of councils."""
    day = day or timezone.localdate()
    councils = list(councils)
    ids = [council.pk for council in councils]
    shares = figures.shares_by_council(councils, term_rows_on(ids, day))
    flagged = hollow.hollow_reasons(councils, _meeting_rows(ids, day), day)
    return [CouncilRow(c, shares[c.pk], flagged.get(c.pk, [])) for c in councils]


def city_figures(rows: list[CouncilRow]) -> figures.Shares:
    return figures.city_shares(row.shares for row in rows)


def hollow_councils(*, day: date | None = None) -> list[CouncilRow]:
    """The coordinator's list: councils in existence that may be hollow."""
    day = day or timezone.localdate()
    existing = councils_for_staff().filter(
        Q(abolished_on__isnull=True) | Q(abolished_on__gte=day), established_on__lte=day
    )
    return [row for row in council_rows(existing, day=day) if row.hollow]


def council_terms(council: Council) -> QuerySet[Term]:
    return council.terms.select_related("person", "partner").order_by(
        "-ends_on", "person__name_kana", "person__name"
    )


def warnings_for(terms, council: Council, day: date) -> dict:
    """{person id: MemberWarnings} for the persons of `terms` (one query)."""
    people = {term.person_id for term in terms}
    rows = Term.objects.filter(person_id__in=people).values(
        "person_id", "council_id", "starts_on", "ends_on"
    )
    return figures.member_warnings(rows, council.pk, day)


def council_meetings(council: Council) -> QuerySet[Meeting]:
    return council.meetings.annotate(
        outcome_count=Count("outcomes", distinct=True),
        material_count=Count("materials", distinct=True),
    ).order_by("-starts_at")


def meeting_detail_queryset() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("council__department")


def meeting_attendance(meeting: Meeting) -> list[tuple[Term, str]]:
    """The members in office on the meeting's day with their recorded attendance ('' if none)."""
    day = timezone.localtime(meeting.starts_at).date()
    recorded = dict(meeting.attendances.values_list("term_id", "status"))
    terms = Term.objects.on(day).filter(council=meeting.council_id).select_related("person")
    return [(term, recorded.get(term.pk, "")) for term in terms.order_by("person__name_kana")]


def meeting_outcomes(meeting: Meeting) -> QuerySet[Outcome]:
    followups = FollowUp.objects.select_related("department").order_by("due_on", "created_at")
    return meeting.outcomes.prefetch_related(Prefetch("followups", queryset=followups))


def meeting_materials(meeting: Meeting) -> QuerySet[Material]:
    return meeting.materials.all()


def person_terms(person: Person) -> QuerySet[Term]:
    return person.terms.select_related("council", "partner").order_by("-starts_on")


def followups_for_partner_member(user) -> QuerySet[FollowUp]:
    """The follow-ups of the councils the user's organisations sit on (団体推薦)."""
    partner_ids = user.partner_memberships.values("partner_id")
    councils = Term.objects.filter(partner_id__in=partner_ids).values("council_id")
    return (
        FollowUp.objects.filter(outcome__meeting__council_id__in=councils)
        .select_related("outcome__meeting__council", "department")
        .order_by("outcome__meeting__council__name_kana", "due_on", "created_at")
    )


def open_followups(council: Council) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(
        outcome__meeting__council=council,
        status__in=[FollowUpStatus.NOT_STARTED, FollowUpStatus.CONSIDERING],
    )


# --- Public parts (portal, open data, API) ---------------------------------------------------


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(is_public=True, council__is_public=True).select_related("council")


def upcoming_public_meetings(*, days: int, now=None) -> QuerySet[Meeting]:
    now = now or timezone.now()
    return public_meetings().filter(starts_at__gte=now, starts_at__lte=now + timedelta(days=days))


def public_meetings_between(first: date, last: date) -> QuerySet[Meeting]:
    """Public meetings from `first` to `last` (Japan days), for the portal's calendar."""
    start, end = _start_of(first), _start_of(last + timedelta(days=1))
    return public_meetings().filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at")


def public_meetings_version():
    """What the calendar, the feed and the home page depend on (one query)."""
    return list(public_meetings().aggregate(newest=Max("updated_at"), count=Count("pk")).values())


def public_roster(council: Council, day: date | None = None) -> list[dict]:
    """The published 委員名簿: names, readings, categories and positions only."""
    day = day or timezone.localdate()
    rows = (
        council.terms.on(day)
        .order_by("person__name_kana", "person__name")
        .values("person__name", "person__name_kana", "category", "position")
    )
    return [
        {
            "name": row["person__name"],
            "name_kana": row["person__name_kana"],
            "category": str(Category(row["category"]).label),
            "position": str(Position(row["position"]).label),
        }
        for row in rows
    ]


def public_outcomes() -> QuerySet[Outcome]:
    followups = FollowUp.objects.order_by("due_on", "created_at")
    return (
        Outcome.objects.filter(meeting__is_public=True, meeting__council__is_public=True)
        .select_related("meeting__council")
        .prefetch_related(Prefetch("followups", queryset=followups))
        .order_by("-meeting__starts_at", "created_at")
    )


def public_council_page(council: Council) -> dict:
    """All a public council page shows (also what the API's council detail returns)."""
    meetings = list(
        public_meetings()
        .filter(council=council)
        .prefetch_related(Prefetch("outcomes", queryset=public_outcomes()))
        .order_by("-starts_at")
    )
    rows = council_rows([council])
    return {
        "roster": public_roster(council),
        "shares": rows[0].shares,
        "meetings": meetings,
    }


def partner_councils(partner_id) -> QuerySet[Term]:
    """A partner's track record on councils: the terms of the members it recommended."""
    return (
        Term.objects.filter(partner_id=partner_id)
        .select_related("council", "person")
        .order_by("-starts_on")
    )
