"""The opinions and survey results CSVs and the survey workbook are streamed (issue 19): the
files are byte for byte what the former whole-in-memory functions wrote (kept here as the
reference), read with a fixed number of queries, and the workbook comes from the database in
pieces."""

import csv
import importlib
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyodo.core import records_version
from kyodo.core.exports import safe_cell
from kyodo.voices import results, selectors, services
from kyodo.voices.models import Answer, Opinion, QuestionKind, Reflection, SurveyResponse
from kyodo.voices.services import Given
from kyodo.voices.tests.factories import answer, open_survey, pick, published, question
from kyodo.voices.tests.test_queries import _responses, bulk
from kyodo.voices.views.opendata import OPINION_COLUMNS, RESULT_COLUMNS

pytestmark = pytest.mark.django_db
# The module (kyodo.voices.views re-exports its views under the same names).
manage_surveys = importlib.import_module("kyodo.voices.views.manage_surveys")


# The former functions (before issue 19), unchanged: the reference the streamed files match.
def _old_date(value) -> str:
    return timezone.localdate(value).isoformat() if value else ""


def old_opinion_row(opinion) -> list:
    reply = opinion.reply
    return [
        opinion.receipt_number,
        opinion.public_title,
        opinion.summary,
        opinion.field.name if opinion.field else "",
        str(opinion.department) if opinion.department else "",
        _old_date(opinion.received_at),
        _old_date(opinion.replied_at),
        _old_date(opinion.published_at),
        reply.body if reply else "",
        str(Reflection(reply.reflection).label) if reply else "",
        reply.reflection_reason if reply else "",
    ]


def old_result_rows(survey) -> list[list]:
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


def old_csv_bytes(columns: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _download(client, url) -> tuple[bytes, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200 and response.streaming
        body = b"".join(response.streaming_content)
    return body, len(captured.captured_queries)


@pytest.fixture
def opinions(department_a):
    """Opinions of every shape: reflected, not possible (with its reason), without a field,
    with a formula and a line break typed into the published text; and unpublished ones."""
    published(department_a)
    tricky = published(department_a, reflection=Reflection.NOT_POSSIBLE)
    Opinion.objects.filter(pk=tricky.pk).update(
        public_title='=HYPERLINK("x")', summary='一行目\n二行目、"引用"', field=None
    )
    bulk(3, department_a)


def test_the_opinions_csv_is_the_same_file_as_before(client, opinions):
    expected = old_csv_bytes(
        OPINION_COLUMNS, [old_opinion_row(o) for o in selectors.public_opinions()]
    )
    body, _queries = _download(client, reverse("voices:opinions_csv"))
    assert body == expected
    assert body.startswith("\ufeff受付番号,件名".encode())
    assert "'=HYPERLINK" in body.decode("utf-8-sig") and "予算の範囲で対応します。" in body.decode()
    assert len(body.decode("utf-8-sig").splitlines()) > 5


def test_the_opinions_csv_reads_a_fixed_number_of_queries(client, department_a):
    published(department_a)
    bulk(3, department_a)
    small, small_queries = _download(client, reverse("voices:opinions_csv"))
    bulk(600, department_a)  # more than a piece of 500 rows
    large, large_queries = _download(client, reverse("voices:opinions_csv"))
    assert large_queries == small_queries
    assert large.count(b"\r\n") == small.count(b"\r\n") + 600


@pytest.fixture
def closed_survey(coordinator):
    survey = open_survey(
        versions=[
            question("age", choices=["10代", "20代", "30代"]),
            question(
                "topics", kind=QuestionKind.MULTIPLE, choices=["ごみ", "交通"], has_other=True
            ),
            question("free", kind=QuestionKind.TEXT, choices=[]),
            question("visits", kind=QuestionKind.NUMBER, choices=[]),
            question("score", kind=QuestionKind.SCALE, choices=["1", "2", "3", "4", "5"]),
        ]
    )
    items = {i.version.question.code: i for i in survey.items.select_related("version__question")}
    for n in range(7):
        answer(
            survey,
            {
                items["age"].pk: pick(n % 3),
                items["topics"].pk: pick(0, 1, other="=公園" if n % 2 else ""),
                items["free"].pk: Given(text=f"自由記述{n}"),
                items["visits"].pk: Given(number=Decimal(n)),
                items["score"].pk: pick(n % 5),
            },
        )
    # One respondent who answered the first question only (a question added later, say).
    response = SurveyResponse.objects.create(survey=survey)
    Answer.objects.create(response=response, item=items["age"], selected=[1])
    return services.survey_close(actor=coordinator, survey=survey)


def test_the_results_csv_is_the_same_file_as_before(client, closed_survey):
    expected = old_csv_bytes(RESULT_COLUMNS, old_result_rows(closed_survey))
    url = reverse("voices:survey_results_csv", args=[closed_survey.pk])
    body, _queries = _download(client, url)
    assert body == expected
    text = body.decode("utf-8-sig")
    assert "'=公園" not in text and "自由記述" not in text  # free text is never in the file
    assert "その他,3,42.9,7" in text  # three of seven "other" answers


def test_the_results_csv_reads_a_fixed_number_of_queries(client, closed_survey):
    url = reverse("voices:survey_results_csv", args=[closed_survey.pk])
    _body, small = _download(client, url)
    _responses(closed_survey, 300)
    body, large = _download(client, url)
    assert large == small
    assert ",308\r\n" in body.decode("utf-8-sig")  # 300 more answered the first question


def test_the_workbook_comes_from_the_database_in_pieces(
    client, closed_survey, coordinator, monkeypatch
):
    export = services.survey_export_request(actor=coordinator, survey=closed_survey)
    export = services.survey_export_run(export_id=export.pk)
    stored = bytes(export.content)
    client.force_login(coordinator)
    url = reverse("voices:export_download", args=[export.pk])
    body, whole = _download(client, url)
    assert body == stored
    piece = 1000
    monkeypatch.setattr(manage_surveys, "EXPORT_PIECE", piece)
    records_version.touch()  # as for the first download: the roles are read again
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert int(response["Content-Length"]) == len(stored)
        pieces = list(response.streaming_content)
    assert b"".join(pieces) == stored
    assert max(len(p) for p in pieces) == piece and len(pieces) == -(-len(stored) // piece)
    assert len(captured.captured_queries) == whole - 1 + len(pieces)


def test_the_export_pages_do_not_read_the_workbook(client, closed_survey, coordinator):
    export = services.survey_export_request(actor=coordinator, survey=closed_survey)
    services.survey_export_run(export_id=export.pk)
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("voices:export_progress", args=[export.pk]))
    read = [q["sql"] for q in captured.captured_queries if "voices_surveyexport" in q["sql"]]
    assert read and not any('"content"' in sql for sql in read), read


def test_the_streamed_tally_counts_as_the_results_page(closed_survey):
    # The counts of the streamed tally are those of the page's (results.survey_results).
    assert SurveyResponse.objects.filter(survey=closed_survey).count() == 8
    page = {r.item.pk: (r.answered, r.rows) for r in results.survey_results(closed_survey)}
    for result in results.choice_results(closed_survey):
        assert page[result.item.pk] == (result.answered, result.rows)
