"""Listed partners: `public_partners()` and `public_representation()` (no contact person)."""

from datetime import date
from uuid import UUID

from ninja import Field, Query, Router, Schema

from kyodo.api.schemas import (
    ErrorOut,
    PageOut,
    PageParams,
    one_or_404,
    page_url,
    paginate,
)
from kyodo.partners.selectors import public_partners, public_representation

router = Router(tags=["協働団体"])


class PartnerOut(Schema):
    id: UUID
    name: str
    name_kana: str
    representative: str
    founded_on: date | None
    member_count: int | None
    area_served: str
    website: str
    activity: str
    track_record: str
    partner_type: str
    fields: list[str] = Field(description="Fields of activity.")
    page_url: str


class PartnerPage(PageOut):
    results: list[PartnerOut]


class PartnerFilters(PageParams):
    field: str | None = Field(None, max_length=100, description="Only partners in this field.")


def partner_out(request, partner) -> dict:
    return {
        **public_representation(partner),
        "page_url": page_url(request, "portal:partner_detail", partner),
    }


@router.get(
    "/",
    response={200: PartnerPage, 400: ErrorOut},
    summary="名簿への掲載に同意した協働団体の一覧",
    description=(
        "名簿への掲載に同意した協働団体をふりがな順に返します。"
        "field で活動分野の名前により絞り込めます。"
    ),
)
def list_partners(request, filters: Query[PartnerFilters]):
    queryset = public_partners().order_by("name_kana", "name")
    if filters.field:
        queryset = queryset.filter(fields__name=filters.field)
    return paginate(queryset, filters, lambda partner: partner_out(request, partner))


@router.get(
    "/{partner_id}",
    response={200: PartnerOut, 400: ErrorOut, 404: ErrorOut},
    summary="協働団体の詳細",
    description="名簿への掲載に同意した協働団体1件を返します。",
)
def get_partner(request, partner_id: UUID):
    partner = one_or_404(public_partners(), partner_id, "団体が見つかりません。")
    return partner_out(request, partner)
