"""Open data: published opinions with their replies, and closed surveys' aggregated results,
as CSV (UTF-8 with BOM, CRLF) from the same selectors as the pages."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

from kyodo.core.exports import safe_cell
from kyodo.core.permissions import get_object_for
from kyodo.voices import results, selectors
from kyodo.voices.models import Reflection

OPINION_COLUMNS = [
    "受付番号",
    "件名",
    "要旨",
    "分野",
    "担当課",
    "受付日",
    "回答日",
    "公開日",
    "回答",
    "反映状況",
    "反映できない理由等",
]
RESULT_COLUMNS = ["調査名", "年度", "問", "設問", "選択肢", "回答数", "割合(%)", "回答者数"]


def _date(value) -> str:
    return timezone.localdate(value).isoformat() if value else ""


def opinion_row(opinion) -> list:
    reply = opinion.reply
    return [
        opinion.receipt_number,
        opinion.public_title,
        opinion.summary,
        opinion.field.name if opinion.field else "",
        str(opinion.department) if opinion.department else "",
        _date(opinion.received_at),
        _date(opinion.replied_at),
        _date(opinion.published_at),
        reply.body if reply else "",
        str(Reflection(reply.reflection).label) if reply else "",
        reply.reflection_reason if reply else "",
    ]


def result_rows(survey) -> list[list]:
    rows = []
    for result in results.survey_results(survey):
        item = result.item
        for row in result.rows:
            rows.append(
                [
                    survey.title,
                    survey.fiscal_year,
                    item.position,
                    item.version.text,
                    row.label,
                    row.count,
                    row.percent,
                    result.answered,
                ]
            )
    return rows


def csv_bytes(columns: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    # The BOM makes Excel in Japan open UTF-8 correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def opinions_csv(request):
    rows = [opinion_row(o) for o in selectors.public_opinions()]
    return _csv_response(csv_bytes(OPINION_COLUMNS, rows), "opinions.csv")


def survey_results_csv(request, pk):
    survey = get_object_for(
        request.user, "voices.view_published_results", selectors.closed_surveys(), pk=pk
    )
    return _csv_response(csv_bytes(RESULT_COLUMNS, result_rows(survey)), f"survey-{pk}.csv")
