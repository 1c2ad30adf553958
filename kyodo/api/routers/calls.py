"""Public open calls and their published results: the calls app's public selectors."""

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from kyodo.api.schemas import (
    ErrorOut,
    PageOut,
    PageParams,
    one_or_404,
    page_url,
    paginate,
)
from kyodo.calls.models import CallStatus
from kyodo.calls.selectors import open_calls, public_calls, public_result, published_results

router = Router(tags=["公募"])


class CallOut(Schema):
    id: UUID
    title: str
    purpose: str
    eligibility: str
    budget_ceiling: int | None = Field(description="In yen.")
    selection_method: str
    publication_date: date | None
    deadline: datetime
    announcement_date: date | None
    documents_required: str
    contact: str = Field(description="The city office to contact (not a person's data).")
    status: str
    status_label: str
    project_title: str
    department: str
    page_url: str


class CallPage(PageOut):
    results: list[CallOut]


class CallFilters(PageParams):
    state: Literal["all", "open", "published"] = Field(
        "all", description="all: every public call; open: accepting now; published: result out."
    )


class CriterionOut(Schema):
    name: str
    weight: int
    max_score: int


class ResultRowOut(Schema):
    label: str = Field(description="Selected organisations by name, the others as 応募者A, B…")
    selected: bool
    averages: list[float | None]
    total: float | None


class ResultOut(Schema):
    call: CallOut
    decision_reason: str
    published_at: datetime | None
    criteria: list[CriterionOut]
    rows: list[ResultRowOut]


def call_out(request, call) -> dict:
    return {
        "id": call.pk,
        "title": call.title,
        "purpose": call.purpose,
        "eligibility": call.eligibility,
        "budget_ceiling": call.budget_ceiling,
        "selection_method": call.selection_method,
        "publication_date": call.publication_date,
        "deadline": call.deadline,
        "announcement_date": call.announcement_date,
        "documents_required": call.documents_required,
        "contact": call.contact,
        "status": call.status,
        "status_label": str(call.get_status_display()),
        "project_title": call.project.title,
        "department": str(call.project.department),
        "page_url": page_url(request, "calls:public_detail", call),
    }


def _float(value):
    return float(value) if value is not None else None


@router.get(
    "/",
    response={200: CallPage, 400: ErrorOut},
    summary="公募の一覧",
    description=(
        "下書きを除く公募を返します。"
        "state で受付中（open）または選定結果の公表済み（published）に絞り込めます。"
    ),
)
def list_calls(request, filters: Query[CallFilters]):
    queryset = {"all": public_calls, "open": open_calls, "published": published_results}[
        filters.state
    ]()
    return paginate(queryset, filters, lambda call: call_out(request, call))


def _public_call(call_id):
    call = one_or_404(public_calls(), call_id, "公募が見つかりません。")
    return call


@router.get(
    "/{call_id}",
    response={200: CallOut, 400: ErrorOut, 404: ErrorOut},
    summary="公募の詳細",
    description="公開中の公募1件（目的、応募資格、上限額、締切、提出書類など）を返します。",
)
def get_call(request, call_id: UUID):
    return call_out(request, _public_call(call_id))


@router.get(
    "/{call_id}/result",
    response={200: ResultOut, 400: ErrorOut, 404: ErrorOut},
    summary="公募の選定結果",
    description=(
        "公表された選定結果（選定理由、評価項目と応募ごとの平均点・合計点、選ばれた団体）を返します。"
        "選ばれなかった応募者は「応募者A」などと表示します。"
    ),
)
def get_result(request, call_id: UUID):
    call = _public_call(call_id)
    if call.status != CallStatus.PUBLISHED:
        raise HttpError(404, "この公募の結果はまだ公表されていません。")
    criteria, rows = public_result(call)
    return {
        "call": call_out(request, call),
        "decision_reason": call.decision_reason,
        "published_at": call.published_at,
        "criteria": [
            {"name": c.name, "weight": c.weight, "max_score": c.max_score} for c in criteria
        ],
        "rows": [
            {
                "label": row.label,
                "selected": row.selected,
                "averages": [_float(value) for value in row.averages],
                "total": _float(row.total),
            }
            for row in rows
        ],
    }
