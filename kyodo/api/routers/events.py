"""Public events: the same selector as the portal pages, so the same privacy rules."""

from datetime import date, time
from decimal import Decimal
from uuid import UUID

from ninja import Field, Query, Router, Schema

from kyodo.api.schemas import (
    ErrorOut,
    IsoDate,
    PageOut,
    PageParams,
    dated_filters,
    one_or_404,
    page_url,
    paginate,
    project_ref,
)
from kyodo.portal import selectors

router = Router(tags=["イベント"])


class ProjectRef(Schema):
    id: UUID
    title: str


class EventOut(Schema):
    id: UUID
    title: str
    title_kana: str
    title_en: str
    start_date: date
    start_time: str | None = Field(description="HH:MM, Japan time (Asia/Tokyo); null all day.")
    end_date: date
    end_time: str | None = Field(description="HH:MM, Japan time (Asia/Tokyo).")
    place_name: str
    address: str
    latitude: Decimal | None
    longitude: Decimal | None
    fee: int | None = Field(description="Fee in yen; 0 means free; null when not stated.")
    fee_details: str
    capacity: int | None
    organiser: str
    co_organisers: str
    application_deadline: date | None
    application_method: str
    contact_name: str = Field(description="The contact the organiser chose to publish.")
    contact_phone: str
    url: str
    description: str
    project: ProjectRef | None
    page_url: str = Field(description="The event's page on the portal.")


class EventPage(PageOut):
    results: list[EventOut]


class EventFilters(PageParams):
    date_from: IsoDate | None = Field(None, description="Events that end on or after this date.")
    date_to: IsoDate | None = Field(None, description="Events that start on or before this date.")
    project: UUID | None = Field(None, description="Only events of this project.")


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def event_out(request, event) -> dict:
    project = selectors.public_project_of(event)
    return {
        **{name: getattr(event, name) for name in EventOut.model_fields if hasattr(event, name)},
        "start_time": _hhmm(event.start_time),
        "end_time": _hhmm(event.end_time),
        "project": project_ref(project),
        "page_url": page_url(request, "portal:event_detail", event),
    }


@router.get(
    "/",
    response={200: EventPage, 400: ErrorOut},
    summary="イベントの一覧",
    description=(
        "公開中のイベントを開催日の近い順に返します。"
        "期間（date_from, date_to）と協働事業で絞り込めます。"
    ),
)
def list_events(request, filters: Query[EventFilters]):
    queryset = selectors.filter_events(selectors.public_events(), **dated_filters(filters))
    return paginate(queryset, filters, lambda event: event_out(request, event))


@router.get(
    "/{event_id}",
    response={200: EventOut, 400: ErrorOut, 404: ErrorOut},
    summary="イベントの詳細",
    description="公開中のイベント1件を返します。連絡先は主催者が公開を選んだものだけです。",
)
def get_event(request, event_id: UUID):
    event = one_or_404(selectors.public_events(), event_id, "イベントが見つかりません。")
    return event_out(request, event)
