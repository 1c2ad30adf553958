"""Public councils, their public meetings and outcomes: the councils' public selectors, the
same as the portal's pages and the CSV open data (members only as counts and shares, never a
contact; closed meetings and unpublished minutes never)."""

from datetime import date, datetime
from uuid import UUID

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from kyodo.api.schemas import ErrorOut, PageOut, PageParams, one_or_404, page_url, paginate
from kyodo.councils import selectors

router = Router(tags=["協議会・審議会"])


class SharesOut(Schema):
    seats: int
    members: int
    women_share: float | None = Field(description="Percent of members in office today.")
    women_share_without_ex_officio: float | None = Field(description="Without 充て職.")
    public_share: float | None = Field(description="Percent publicly recruited (公募).")


class CouncilOut(Schema):
    id: UUID
    name: str
    name_kana: str
    kind: str
    kind_label: str
    legal_basis: str
    purpose: str
    department: str
    established_on: date
    shares: SharesOut
    page_url: str


class CouncilPage(PageOut):
    results: list[CouncilOut]


class FollowUpOut(Schema):
    action: str
    status: str
    status_label: str
    reason: str
    due_on: date | None


class OutcomeOut(Schema):
    id: UUID
    meeting_id: UUID
    council_name: str
    kind: str
    kind_label: str
    title: str
    text: str
    followups: list[FollowUpOut]


class OutcomePage(PageOut):
    results: list[OutcomeOut]


class MeetingOut(Schema):
    id: UUID
    council_id: UUID
    council_name: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    online: bool
    agenda: list[str]
    observer_capacity: int | None
    minutes: str | None = Field(description="Published minutes of the meeting, if any.")
    page_url: str


class MeetingPage(PageOut):
    results: list[MeetingOut]


class MemberOut(Schema):
    name: str
    name_kana: str
    category: str
    position: str


class CouncilDetailOut(CouncilOut):
    members: list[MemberOut] = Field(description="The published 委員名簿: names and categories.")
    meetings: list[MeetingOut]


def _float(value):
    return float(value) if value is not None else None


def council_out(request, row) -> dict:
    council, shares = row.council, row.shares
    return {
        "id": council.pk,
        "name": council.name,
        "name_kana": council.name_kana,
        "kind": council.kind,
        "kind_label": str(council.get_kind_display()),
        "legal_basis": council.legal_basis,
        "purpose": council.purpose,
        "department": str(council.department),
        "established_on": council.established_on,
        "shares": {
            "seats": shares.seats,
            "members": shares.members,
            "women_share": _float(shares.women_share),
            "women_share_without_ex_officio": _float(shares.women_share_without_ex_officio),
            "public_share": _float(shares.public_share),
        },
        "page_url": page_url(request, "councils:public_detail", council),
    }


def meeting_out(request, meeting) -> dict:
    return {
        "id": meeting.pk,
        "council_id": meeting.council_id,
        "council_name": meeting.council.name,
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "online": meeting.online,
        "agenda": meeting.agenda_items,
        "observer_capacity": meeting.observer_capacity,
        "minutes": meeting.minutes_text if meeting.minutes_public else None,
        "page_url": page_url(request, "councils:public_meeting", meeting),
    }


def outcome_out(outcome) -> dict:
    return {
        "id": outcome.pk,
        "meeting_id": outcome.meeting_id,
        "council_name": outcome.meeting.council.name,
        "kind": outcome.kind,
        "kind_label": str(outcome.get_kind_display()),
        "title": outcome.title,
        "text": outcome.text,
        "followups": [
            {
                "action": item.action,
                "status": item.status,
                "status_label": str(item.get_status_display()),
                "reason": item.reason,
                "due_on": item.due_on,
            }
            for item in outcome.followups.all()
        ],
    }


@router.get(
    "/",
    response={200: CouncilPage, 400: ErrorOut},
    summary="協議会・審議会の一覧",
    description="公開中の協議会・審議会を、女性委員と公募委員の割合とともに返します。",
)
def list_councils(request, filters: Query[PageParams]):
    page = paginate(selectors.public_councils(), filters, lambda council: council)
    rows = selectors.council_rows(page["results"], day=timezone.localdate())
    return {**page, "results": [council_out(request, row) for row in rows]}


@router.get(
    "/meetings",
    response={200: MeetingPage, 400: ErrorOut},
    summary="協議会・審議会の会議の一覧",
    description="公開中の会議を、公表された議事録とともに返します。",
)
def list_meetings(request, filters: Query[PageParams]):
    meetings = selectors.public_meetings().order_by("-starts_at")
    return paginate(meetings, filters, lambda meeting: meeting_out(request, meeting))


@router.get(
    "/outcomes",
    response={200: OutcomePage, 400: ErrorOut},
    summary="会議の成果と市の対応の一覧",
    description="公開中の会議で出た意見・成果と、それに対する市の対応を返します。",
)
def list_outcomes(request, filters: Query[PageParams]):
    return paginate(selectors.public_outcomes(), filters, outcome_out)


@router.get(
    "/{council_id}",
    response={200: CouncilDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="協議会・審議会の詳細（委員名簿と公開の会議）",
    description="協議会・審議会1件を、公表された委員名簿と公開の会議とともに返します。",
)
def get_council(request, council_id: UUID):
    council = one_or_404(selectors.public_councils(), council_id, "審議会等が見つかりません。")
    page = selectors.public_council_page(council)
    row = selectors.council_rows([council])[0]
    return {
        **council_out(request, row),
        "members": page["roster"],
        "meetings": [meeting_out(request, meeting) for meeting in page["meetings"]],
    }
