"""Public projects: `public_projects()` serves this and the portal pages alike."""

from typing import Literal
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
from kyodo.cycles.public_results import public_cycle_results
from kyodo.projects.selectors import public_projects

router = Router(tags=["協働事業"])


class PartnerRef(Schema):
    id: UUID
    name: str


class IndicatorOut(Schema):
    name: str
    unit: str
    target: float | None
    actual: float | None
    rate: float | None = Field(description="Achievement in percent.")


class CycleResultOut(Schema):
    number: int
    fiscal_year: int | None
    period_start: str
    period_end: str
    decision: str
    decision_label: str
    indicators: list[IndicatorOut]
    budget_planned: int
    budget_actual: int
    records: int
    participants: int
    volunteers: int


class ProjectOut(Schema):
    id: UUID
    title: str
    local_issue: str
    purpose: str
    form: str = Field(description="Form of collaboration (code); empty if not chosen.")
    form_label: str
    status: str
    status_label: str
    department: str
    partners: list[PartnerRef] = Field(description="Partners that agreed to be listed.")
    page_url: str


class ProjectDetailOut(ProjectOut):
    cycle_results: list[CycleResultOut]


class ProjectPage(PageOut):
    results: list[ProjectOut]


class ProjectFilters(PageParams):
    status: Literal["agreed", "running", "closed"] | None = Field(
        None, description="Only projects in this status."
    )


def project_out(request, project) -> dict:
    return {
        "id": project.pk,
        "title": project.title,
        "local_issue": project.local_issue,
        "purpose": project.purpose,
        "form": project.form,
        "form_label": str(project.get_form_display()) if project.form else "",
        "status": project.status,
        "status_label": str(project.get_status_display()),
        "department": str(project.department),
        "partners": [
            {"id": p.partner.pk, "name": p.partner.name} for p in project.participations.all()
        ],
        "page_url": page_url(request, "portal:project_detail", project),
    }


def _number(value):
    return float(value) if value is not None else None


def result_out(result) -> dict:
    return {
        **{
            name: getattr(result, name)
            for name in (
                "number",
                "fiscal_year",
                "decision",
                "budget_planned",
                "budget_actual",
                "records",
                "participants",
                "volunteers",
            )
        },
        "decision_label": str(result.decision_label),
        "period_start": result.period_start.isoformat(),
        "period_end": result.period_end.isoformat(),
        "indicators": [
            {
                "name": row["name"],
                "unit": row["unit"],
                "target": _number(row["target"]),
                "actual": _number(row["actual"]),
                "rate": _number(row["rate"]),
            }
            for row in result.indicators
        ],
    }


@router.get(
    "/",
    response={200: ProjectPage, 400: ErrorOut},
    summary="公開中の協働事業の一覧",
    description=(
        "協定締結済み・実施中・終了した協働事業を新しい順に返します。status で状態を絞り込めます。"
    ),
)
def list_projects(request, filters: Query[ProjectFilters]):
    queryset = public_projects()
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return paginate(queryset, filters, lambda project: project_out(request, project))


@router.get(
    "/{project_id}",
    response={200: ProjectDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="協働事業の詳細（評価済みサイクルの結果を含む）",
    description="公開中の協働事業1件と、評価を終えたPDCAサイクルの結果（指標の目標と実績）を返します。",
)
def get_project(request, project_id: UUID):
    project = one_or_404(public_projects(), project_id, "協働事業が見つかりません。")
    return {
        **project_out(request, project),
        "cycle_results": [result_out(r) for r in public_cycle_results(project)],
    }
