"""Disclosed subsidies (補助の透明性): the grants the city marked 「公開済み」, and no other."""

from datetime import date
from uuid import UUID

from ninja import Field, Query, Router, Schema

from kyodo.api.schemas import ErrorOut, PageOut, PageParams, QueryInt, paginate
from kyodo.calls.disclosure import as_published, disclosed_values
from kyodo.core.wareki import fiscal_year_label

router = Router(tags=["補助金の公開"])


class SubsidyOut(Schema):
    id: UUID
    fiscal_year: int = Field(description="The fiscal year (April to March) the term starts in.")
    fiscal_year_label: str = Field(description="e.g. 令和8年度")
    recipient: str = Field(description="The organisation granted the subsidy.")
    purpose: str
    amount: int = Field(description="In yen.")
    term_start: date
    term_end: date
    call_id: UUID | None = Field(description="The public open call it was granted through.")
    call_title: str


class SubsidyPage(PageOut):
    results: list[SubsidyOut]


class SubsidyFilters(PageParams):
    fiscal_year: QueryInt | None = Field(
        None, ge=1989, le=2200, description="Only this fiscal year, e.g. 2026 for 令和8年度."
    )


def subsidy_out(row: dict) -> dict:
    grant = as_published(row)
    return {
        **grant.__dict__,
        "fiscal_year_label": fiscal_year_label(grant.fiscal_year),
    }


@router.get(
    "/",
    response={200: SubsidyPage, 400: ErrorOut},
    summary="公開された補助金の一覧",
    description=(
        "市が公開した補助金（交付先、目的、金額、年度、公募）を新しい順に返します。"
        "公開していない補助金は含みません。"
    ),
)
def list_subsidies(request, filters: Query[SubsidyFilters]):
    return paginate(disclosed_values(filters.fiscal_year), filters, subsidy_out)
