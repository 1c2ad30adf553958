"""The survey export reads respondents and their answers in bounded chunks and stores the
workbook piece by piece; the file re-opened with openpyxl is the same as ever."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kyodo.voices import exports, services
from kyodo.voices.models import ExportStatus, QuestionKind
from kyodo.voices.services import Given
from kyodo.voices.services import exports as export_services
from kyodo.voices.tests.factories import answer, open_survey, pick, question

pytestmark = pytest.mark.django_db

ANSWER_IDS = re.compile(r'"voices_answer"\."response_id" IN \(([^)]*)\)')


def _survey(count: int, prefix: str, department):
    survey = open_survey(
        versions=[
            question(f"{prefix}-size", choices=["小", "中", "大"], has_other=True),
            question(f"{prefix}-free", kind=QuestionKind.TEXT, choices=[]),
        ],
        anonymous=False,
        department=department,
    )
    first, second = survey.items.order_by("position")
    for number in range(1, count + 1):
        answer(
            survey,
            {
                first.pk: pick(number % 3, other=f"その他{number}"),
                second.pk: Given(text=f"意見{number}"),
            },
            respondent_name=f"回答者{number}",
        )
    return survey


def _rows(file) -> list[list]:
    sheet = load_workbook(file, read_only=True)["回答"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_a_survey_larger_than_one_chunk_keeps_each_answer_on_its_respondents_row(
    department_a, coordinator, monkeypatch
):
    survey = _survey(7, "chunk", department_a)
    monkeypatch.setattr(exports, "RESPONSES_PER_CHUNK", 3)
    monkeypatch.setattr(export_services, "STORE_PIECE", 1000)  # several appended pieces
    export = services.survey_export_request(actor=coordinator, survey=survey)
    export = services.survey_export_run(export_id=export.pk)
    assert export.status == ExportStatus.DONE
    rows = _rows(io.BytesIO(bytes(export.content)))
    assert rows[0] == [
        "回答番号",
        "回答日",
        "氏名",
        "問1 質問chunk-size",
        "問1（その他の内容）",
        "問2 質問chunk-free",
    ]
    assert len(rows) == 8
    sizes = ["小", "中", "大"]
    for number, row in enumerate(rows[1:], start=1):
        assert row[0] == number and row[2] == f"回答者{number}"
        assert row[3:] == [sizes[number % 3], f"その他{number}", f"意見{number}"]


def _answer_reads(survey, chunk_size: int) -> list[int]:
    """How many respondents each query of answers asked for."""
    count = survey.responses.count()
    with (
        CaptureQueriesContext(connection) as queries,
        exports.workbook_file(survey, chunk_size=chunk_size) as file,
    ):
        assert len(_rows(file)) == count + 1
    sqls = [query["sql"] for query in queries if "voices_answer" in query["sql"]]
    reads = [ANSWER_IDS.search(sql) for sql in sqls]
    # Every read of answers names its respondents: none reads the whole survey's answers.
    assert all(reads)
    return [len(read.group(1).split(",")) for read in reads]


def test_answers_are_read_a_bounded_chunk_of_respondents_at_a_time(department_a):
    # The rows one query fetches are at most chunk × questions, whatever the survey's size;
    # only the number of queries grows (the old export read all answers in one query).
    small, large = _survey(4, "small", department_a), _survey(13, "large", department_a)
    assert _answer_reads(small, chunk_size=5) == [4]
    assert _answer_reads(large, chunk_size=5) == [5, 5, 3]


def test_progress_is_reported_every_fifty_respondents(department_a):
    survey = _survey(101, "many", department_a)
    calls = []
    with exports.workbook_file(survey, progress=lambda *done: calls.append(done), chunk_size=40):
        pass
    assert calls == [(50, 101), (100, 101)]


def test_a_failed_export_keeps_no_half_stored_workbook(department_a, coordinator, monkeypatch):
    survey = _survey(2, "fail", department_a)

    def broken(file):
        file.read(10)
        raise OSError("disk full")

    monkeypatch.setattr(export_services, "_store", lambda export, file: broken(file))
    export = services.survey_export_request(actor=coordinator, survey=survey)
    export = services.survey_export_run(export_id=export.pk)
    assert export.status == ExportStatus.FAILED and export.content is None
    assert "disk full" in export.message
