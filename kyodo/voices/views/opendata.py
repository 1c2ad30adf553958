"""Open data: published opinions with their replies, and closed surveys' aggregated results,
as CSV (UTF-8 with BOM, CRLF) from the same selectors as the pages, streamed: the opinions
are read in chunks of 2,000 with values() and the file is written in pieces, never whole."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from kyodo.core.exports import csv_pieces
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


# What the opinions file reads of each published opinion, with values(): no model instances.
OPINION_FIELDS = (
    "receipt_number",
    "public_title",
    "summary",
    "field__name",
    "department__bureau",
    "department__name",
    "received_at",
    "replied_at",
    "published_at",
    "reply_id",
    "reply__body",
    "reply__reflection",
    "reply__reflection_reason",
)


def opinion_row(opinion: dict, reflections: dict) -> list:
    """One published opinion (a dict of OPINION_FIELDS) as the file's cells."""
    replied = opinion["reply_id"] is not None
    department = (
        f"{opinion['department__bureau']} {opinion['department__name']}"
        if opinion["department__name"] is not None
        else ""
    )
    return [
        opinion["receipt_number"],
        opinion["public_title"],
        opinion["summary"],
        opinion["field__name"] or "",
        department,
        _date(opinion["received_at"]),
        _date(opinion["replied_at"]),
        _date(opinion["published_at"]),
        opinion["reply__body"] if replied else "",
        reflections.get(opinion["reply__reflection"], "") if replied else "",
        opinion["reply__reflection_reason"] if replied else "",
    ]


def opinion_rows(opinions) -> Iterator[list]:
    """The rows of a queryset of published opinions, read in chunks (a generator: stream it)."""
    # Translated now, in the request's language: the rows are written after the view returns.
    reflections = {value: str(label) for value, label in Reflection.choices}
    for opinion in opinions.values(*OPINION_FIELDS).iterator(chunk_size=2000):
        yield opinion_row(opinion, reflections)


def result_rows(survey) -> list[list]:
    """The choice questions' counts: as many rows as choices, counted from answers in chunks."""
    rows = []
    for result in results.choice_results(survey):
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


def _csv_response(pieces: Iterator[bytes], filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(pieces, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def opinions_csv(request):
    rows = opinion_rows(selectors.public_opinions())
    return _csv_response(csv_pieces(OPINION_COLUMNS, rows), "opinions.csv")


def survey_results_csv(request, pk):
    survey = get_object_for(
        request.user, "voices.view_published_results", selectors.closed_surveys(), pk=pk
    )
    # Counted before the response: the file has as many rows as the survey has choices.
    rows = result_rows(survey)
    return _csv_response(csv_pieces(RESULT_COLUMNS, rows), f"survey-{pk}.csv")
