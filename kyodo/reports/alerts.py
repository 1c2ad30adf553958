"""Compliance alerts (§7): computed from the records each time, so they are never stale.

Each alert says what is wrong, since when, and links to where it is put right. Staff see
their department's; coordinators see the whole city's.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.calls.models import Call, CallStatus, Grant
from kyodo.calls.selectors import grants_ended_without_review, grants_with_repeat_warnings
from kyodo.councils import selectors as councils
from kyodo.cycles.models import Cycle, CycleStatus, Side, Verification
from kyodo.engagement import selectors as engagement
from kyodo.projects.models import Agreement, ProjectStatus
from kyodo.voices.models import Opinion

# A call's result is due this many days after its deadline (then it is an alert).
RESULT_DUE_DAYS = 60


@dataclass(frozen=True)
class Alert:
    kind: str
    title: str
    reason: str
    since: date | None
    link: str
    department: object = None


def _in(queryset, department, path: str):
    return queryset if department is None else queryset.filter(**{path: department})


def unverified_cycles(today, department=None) -> list[Alert]:
    """Cycles of running projects whose period has ended without both sides' verification."""

    def submitted(side):
        return Exists(
            Verification.objects.filter(cycle=OuterRef("pk"), side=side, submitted_at__isnull=False)
        )

    cycles = (
        _in(Cycle.objects.all(), department, "project__department")
        .filter(project__status=ProjectStatus.RUNNING, period_end__lt=today)
        .exclude(status=CycleStatus.DONE)
        .annotate(city=submitted(Side.CITY), partner=submitted(Side.PARTNER))
        .exclude(city=True, partner=True)
        .select_related("project", "project__department")
        .order_by("period_end")
    )
    return [
        Alert(
            "unverified_cycle",
            cycle.project.title,
            _("Cycle %(n)s ended without the verification of both sides.") % {"n": cycle.number},
            cycle.period_end,
            reverse("cycles:project", args=[cycle.project_id]),
            cycle.project.department,
        )
        for cycle in cycles
    ]


def expired_agreements(today, department=None) -> list[Alert]:
    agreements = (
        _in(Agreement.objects.all(), department, "project__department")
        .filter(valid_until__lt=today, finalised_at__isnull=False)
        .exclude(project__status__in=[ProjectStatus.CLOSED, ProjectStatus.DECLINED])
        .select_related("project", "project__department")
        .order_by("valid_until")
    )
    return [
        Alert(
            "expired_agreement",
            agreement.project.title,
            _("The agreement is past its validity, but the project is not closed."),
            agreement.valid_until,
            reverse("projects:agreement", args=[agreement.project_id]),
            agreement.project.department,
        )
        for agreement in agreements
    ]


def subsidy_alerts(today, department=None) -> list[Alert]:
    link = reverse("calls:grant_list")
    unreviewed = _in(grants_ended_without_review(today), department, "project__department")
    alerts = [
        Alert(
            "subsidy_unreviewed",
            f"{grant.partner.name}：{grant.purpose}",
            _("The subsidy term has ended and its review is not recorded."),
            grant.term_end,
            link,
        )
        for grant in unreviewed
    ]
    current = _in(Grant.objects.filter(term_end__gte=today), department, "project__department")
    for grant in grants_with_repeat_warnings(current):
        if grant.repeat_warning:
            alerts.append(
                Alert(
                    "subsidy_repeat",
                    f"{grant.partner.name}：{grant.purpose}",
                    _(
                        "Funded for the same purpose %(n)s years in a row: recipients must not "
                        "become fixed."
                    )
                    % {"n": grant.consecutive_years},
                    grant.term_start,
                    link,
                )
            )
    return alerts


def calls_without_result(today, department=None) -> list[Alert]:
    due = timezone.now() - timezone.timedelta(days=RESULT_DUE_DAYS)
    calls = (
        _in(Call.objects.all(), department, "project__department")
        .filter(deadline__lt=due)
        .exclude(status__in=[CallStatus.DRAFT, CallStatus.PUBLISHED])
        .select_related("project__department")
        .order_by("deadline")
    )
    return [
        Alert(
            "call_without_result",
            call.title,
            _("The call closed more than %(days)s days ago and its result is not published.")
            % {"days": RESULT_DUE_DAYS},
            timezone.localdate(call.deadline),
            reverse("calls:manage_detail", args=[call.pk]),
            call.project.department if call.project_id else None,
        )
        for call in calls
    ]


def partnership_alerts(today, department=None) -> list[Alert]:
    dormant = _in(engagement.dormant_agreements(today), department, "department")
    ending = _in(engagement.agreements_ending(today), department, "department")
    alerts = [
        Alert(
            "agreement_dormant",
            f"{agreement.title}（{agreement.partner.name}）",
            _("Nothing has been recorded under this partnership agreement for a year."),
            agreement.last_activity or agreement.starts_on,
            reverse("engagement:agreement_detail", args=[agreement.pk]),
            agreement.department,
        )
        for agreement in dormant
    ]
    alerts += [
        Alert(
            "agreement_ending",
            f"{agreement.title}（{agreement.partner.name}）",
            _("The partnership agreement ends soon and is not renewed automatically."),
            agreement.ends_on,
            reverse("engagement:agreement_detail", args=[agreement.pk]),
            agreement.department,
        )
        for agreement in ending
    ]
    return alerts


def council_alerts(today, department=None) -> list[Alert]:
    existing = councils.councils_for_staff().filter(
        Q(abolished_on__isnull=True) | Q(abolished_on__gte=today), established_on__lte=today
    )
    existing = _in(existing, department, "department")
    alerts = []
    for row in councils.council_rows(existing, day=today):
        link = reverse("councils:detail", args=[row.council.pk])
        if row.hollow:
            alerts.append(
                Alert(
                    "council_hollow",
                    row.council.name,
                    "　".join(str(reason) for reason in row.hollow),
                    None,
                    link,
                    row.council.department,
                )
            )
        if row.shares.below_target:
            alerts.append(
                Alert(
                    "council_below_target",
                    row.council.name,
                    _("Women are %(share)s%% of its members, below the target of %(target)s%%.")
                    % {"share": round(row.shares.women_share), "target": row.shares.target},
                    None,
                    link,
                    row.council.department,
                )
            )
    return alerts


def opinion_alerts(today, department=None) -> list[Alert]:
    overdue = _in(Opinion.objects.overdue(today), department, "department")
    return [
        Alert(
            "opinion_overdue",
            f"{opinion.receipt_number}：{opinion.subject}",
            _("The reply is past its target date."),
            opinion.due_on,
            reverse("voices:manage_opinion", args=[opinion.pk]),
            opinion.department,
        )
        for opinion in overdue.select_related("department").order_by("due_on")
    ]


SOURCES = [
    unverified_cycles,
    expired_agreements,
    subsidy_alerts,
    calls_without_result,
    partnership_alerts,
    council_alerts,
    opinion_alerts,
]


def alerts_for(department=None, today: date | None = None) -> list[Alert]:
    """Every alert of the city (department=None) or of one department, oldest first."""
    today = today or timezone.localdate()
    found = [alert for source in SOURCES for alert in source(today, department)]
    return sorted(found, key=lambda alert: (alert.since or today, alert.kind))
