"""Citizens' voices: published opinions with the city's replies, and the aggregated results of
closed surveys — the voices app's public selectors, as its pages and open data use them."""

from datetime import date
from uuid import UUID

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from kyodo.api.schemas import ErrorOut, PageOut, PageParams, one_or_404, page_url, paginate
from kyodo.voices import results
from kyodo.voices.models import Reflection
from kyodo.voices.selectors import closed_surveys, public_opinions

router = Router(tags=["市民の声"])


class OpinionOut(Schema):
    id: UUID
    receipt_number: str
    title: str = Field(description="Written by the city for publication.")
    summary: str = Field(description="Written by the city; never the sender's own words.")
    field: str | None
    department: str | None
    received_on: date
    replied_on: date | None
    published_on: date | None
    reply: str
    reflection: str = Field(description="reflected, partly, future or not_possible.")
    reflection_label: str
    reflection_reason: str
    project_title: str | None = Field(description="The project the opinion led to, if any.")
    page_url: str


class OpinionPage(PageOut):
    results: list[OpinionOut]


def _date(value):
    return timezone.localdate(value) if value else None


def opinion_out(request, opinion) -> dict:
    reply = opinion.reply
    return {
        "id": opinion.pk,
        "receipt_number": opinion.receipt_number,
        "title": opinion.public_title,
        "summary": opinion.summary,
        "field": opinion.field.name if opinion.field else None,
        "department": str(opinion.department) if opinion.department else None,
        "received_on": _date(opinion.received_at),
        "replied_on": _date(opinion.replied_at),
        "published_on": _date(opinion.published_at),
        "reply": reply.body,
        "reflection": reply.reflection,
        "reflection_label": str(Reflection(reply.reflection).label),
        "reflection_reason": reply.reflection_reason,
        "project_title": reply.project.title if reply.project else None,
        "page_url": page_url(request, "voices:public_opinion", opinion),
    }


@router.get(
    "/opinions/",
    response={200: OpinionPage, 400: ErrorOut},
    summary="公開された市民の意見と市の回答の一覧",
    description="公開された意見の要旨と市の回答を返します。送った人の氏名や連絡先は含みません。",
)
def list_opinions(request, filters: Query[PageParams]):
    return paginate(public_opinions(), filters, lambda o: opinion_out(request, o))


@router.get(
    "/opinions/{opinion_id}",
    response={200: OpinionOut, 400: ErrorOut, 404: ErrorOut},
    summary="公開された市民の意見と市の回答",
    description=(
        "公開された意見1件の要旨と市の回答を返します。送った人の氏名や連絡先は含みません。"
    ),
)
def get_opinion(request, opinion_id: UUID):
    opinion = one_or_404(public_opinions(), opinion_id, "公開された市民の声が見つかりません。")
    return opinion_out(request, opinion)


class SurveyOut(Schema):
    id: UUID
    title: str
    fiscal_year: int
    opens_at: str
    closes_at: str
    results_url: str


class SurveyPage(PageOut):
    results: list[SurveyOut]


class RowOut(Schema):
    label: str
    count: int
    percent: float


class QuestionResultOut(Schema):
    number: int
    question: str
    kind: str
    answered: int
    rows: list[RowOut] = Field(description="Counts per choice (choice questions).")
    figures: dict = Field(description="mean, median, min, max (number questions).")


class ResultsOut(Schema):
    survey: SurveyOut
    questions: list[QuestionResultOut]


def survey_out(request, survey) -> dict:
    return {
        "id": survey.pk,
        "title": survey.title,
        "fiscal_year": survey.fiscal_year,
        "opens_at": timezone.localtime(survey.opens_at).isoformat(),
        "closes_at": timezone.localtime(survey.closes_at).isoformat(),
        "results_url": page_url(request, "voices:survey_results", survey),
    }


@router.get(
    "/surveys/",
    response={200: SurveyPage, 400: ErrorOut},
    summary="終了したアンケートの一覧",
    description="回答の受付を終えたアンケート（集計結果を公開しているもの）を返します。",
)
def list_surveys(request, filters: Query[PageParams]):
    return paginate(closed_surveys(), filters, lambda s: survey_out(request, s))


@router.get(
    "/surveys/{survey_id}/results",
    response={200: ResultsOut, 400: ErrorOut, 404: ErrorOut},
    summary="アンケートの集計結果",
    description=(
        "終了したアンケート1件の設問ごとの集計結果を返します。自由記述の回答は含みません。"
    ),
)
def survey_results(request, survey_id: UUID):
    survey = one_or_404(closed_surveys(), survey_id, "締め切ったアンケートが見つかりません。")
    questions = [
        {
            "number": result.item.position,
            "question": result.item.version.text,
            "kind": result.item.version.kind,
            "answered": result.answered,
            "rows": [row.__dict__ for row in result.rows],
            "figures": {k: float(v) for k, v in result.figures.items()},
        }
        for result in results.survey_results(survey)
    ]
    return {"survey": survey_out(request, survey), "questions": questions}
