"""Public records of the promotion measures: the same selectors as the portal pages.

Staff activities carry a name only where its author chose so; dialogue sessions carry counts
of participants and the issues raised, never names or the internal note; trainings name a
lecturer only with consent.
"""

from datetime import date
from decimal import Decimal
from uuid import UUID

from django.db.models import Prefetch
from ninja import Query, Router, Schema

from kyodo.api.schemas import ErrorOut, PageOut, PageParams, one_or_404, page_url, paginate
from kyodo.engagement import selectors
from kyodo.engagement.models import DialogueIssue

router = Router(tags=["協働推進の取組"])


class ActivityOut(Schema):
    date: date
    kind: str
    field: str | None
    organisation: str
    description: str
    hours: Decimal
    author: str


class ActivityPage(PageOut):
    results: list[ActivityOut]


class IssueOut(Schema):
    text: str
    status: str
    reason: str


class DialogueOut(Schema):
    id: UUID
    title: str
    kind: str
    date: date
    place: str
    department: str
    topics: str
    citizens_count: int
    groups_count: int
    staff_count: int
    issues: list[IssueOut]
    page_url: str


class DialoguePage(PageOut):
    results: list[DialogueOut]


class TrainingOut(Schema):
    id: UUID
    title: str
    kind: str
    date: date
    lecturer: str
    attendee_count: int


class TrainingPage(PageOut):
    results: list[TrainingOut]


class AgreementOut(Schema):
    id: UUID
    title: str
    partner: str
    purpose: str
    fields: list[str]
    signed_on: date
    starts_on: date
    ends_on: date | None
    auto_renew: bool
    status: str
    page_url: str


class AgreementPage(PageOut):
    results: list[AgreementOut]


def activity_out(activity) -> dict:
    return {
        "date": activity.date,
        "kind": activity.get_kind_display(),
        "field": activity.field.name if activity.field_id else None,
        "organisation": activity.organisation,
        "description": activity.description,
        "hours": activity.hours,
        "author": activity.public_author,
    }


def dialogue_out(request, session) -> dict:
    return {
        **{name: getattr(session, name) for name in ("id", "title", "date", "place", "topics")},
        "kind": session.get_kind_display(),
        "department": str(session.department),
        "citizens_count": session.citizens_count,
        "groups_count": session.groups_count,
        "staff_count": session.staff_count,
        "issues": [
            {"text": issue.text, "status": issue.get_status_display(), "reason": issue.reason}
            for issue in session.issues.all()
        ],
        "page_url": page_url(request, "portal:dialogue_detail", session),
    }


def training_out(training) -> dict:
    return {
        "id": training.pk,
        "title": training.title,
        "kind": training.get_kind_display(),
        "date": training.date,
        "lecturer": training.public_lecturer,
        "attendee_count": training.attendee_count,
    }


def agreement_out(request, agreement) -> dict:
    names = ("id", "title", "purpose", "signed_on", "starts_on", "ends_on", "auto_renew")
    return {
        **{name: getattr(agreement, name) for name in names},
        "partner": agreement.partner.name,
        "fields": [field.name for field in agreement.fields.all()],
        "status": agreement.get_status_display(),
        "page_url": page_url(request, "portal:agreement_detail", agreement),
    }


def _sessions():
    issues = DialogueIssue.objects.order_by("created_at")
    return selectors.public_dialogue_sessions().prefetch_related(Prefetch("issues", issues))


@router.get(
    "/staff-activities",
    response={200: ActivityPage, 400: ErrorOut},
    summary="職員の地域活動の一覧",
    description="職員本人が公開した地域活動を新しい順に返します。",
)
def list_staff_activities(request, params: Query[PageParams]):
    """Staff civic activities their authors published, newest first."""
    return paginate(selectors.public_activities(), params, activity_out)


@router.get(
    "/dialogue-sessions",
    response={200: DialoguePage, 400: ErrorOut},
    summary="対話の場の一覧",
    description="対話の場（意見交換会など）を、出された地域課題とその対応状況とともに新しい順に返します。",
)
def list_dialogue_sessions(request, params: Query[PageParams]):
    """Dialogue sessions with the local issues raised and their status, newest first."""
    return paginate(_sessions(), params, lambda session: dialogue_out(request, session))


@router.get(
    "/dialogue-sessions/{session_id}",
    response={200: DialogueOut, 400: ErrorOut, 404: ErrorOut},
    summary="対話の場の詳細",
    description="対話の場1件を、出された地域課題とその対応状況とともに返します。",
)
def get_dialogue_session(request, session_id: UUID):
    session = one_or_404(_sessions(), session_id, "対話集会が見つかりません。")
    return dialogue_out(request, session)


@router.get(
    "/trainings",
    response={200: TrainingPage, 400: ErrorOut},
    summary="職員研修の一覧",
    description="市民や地域の団体が講師を務めた職員研修を新しい順に返します。",
)
def list_trainings(request, params: Query[PageParams]):
    """Staff trainings given by citizens and local organisations, newest first."""
    return paginate(selectors.public_trainings(), params, training_out)


@router.get(
    "/partnership-agreements",
    response={200: AgreementPage, 400: ErrorOut},
    summary="連携協定の一覧",
    description="市が結んだ連携協定を新しい順に返します。",
)
def list_agreements(request, params: Query[PageParams]):
    """The city's partnership agreements (連携協定), newest first."""
    queryset = selectors.public_agreements()
    return paginate(queryset, params, lambda agreement: agreement_out(request, agreement))


@router.get(
    "/partnership-agreements/{agreement_id}",
    response={200: AgreementOut, 400: ErrorOut, 404: ErrorOut},
    summary="連携協定の詳細",
    description="市が結んだ連携協定1件を返します。",
)
def get_agreement(request, agreement_id: UUID):
    agreement = one_or_404(
        selectors.public_agreements(), agreement_id, "連携協定が見つかりません。"
    )
    return agreement_out(request, agreement)
