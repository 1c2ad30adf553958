"""The annual report's files, opened again: the Excel summary equals the dashboard, the PDF
names the year and its totals."""

import datetime

import openpyxl
import pypdf
import pytest
from django.urls import reverse

from kyodo.cycles.tests.factories import cycle_in, make_project
from kyodo.projects.models import ProjectStatus
from kyodo.reports import services
from kyodo.reports.figures import Scope, dashboard
from kyodo.reports.models import ReportStatus
from kyodo.reports.tests.factories import project

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(coordinator, department_a, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    project(
        department_a,
        created=datetime.date(2026, 5, 1),
        history=[(ProjectStatus.DECLINED, datetime.date(2026, 6, 1))],
    )
    cycle_in(make_project(department_a, title="報告される事業"), "act")
    report = services.annual_report_request(actor=coordinator, fiscal_year=2026)
    return services.annual_report_make(report_id=report.pk)


def test_the_workbook_summary_is_the_dashboard_cell_by_cell(made):
    assert made.status == ReportStatus.DONE and made.percent == 100
    book = openpyxl.load_workbook(made.xlsx.path)
    assert book.sheetnames == ["概要", "協働事業", "協働推進の取組"]
    summary = list(book["概要"].iter_rows(values_only=True))
    assert summary[0][0] == "協働事業実績報告（令和8年度）"
    from django.utils import translation

    with translation.override("ja"):
        board = dashboard(Scope(2026))
    for section in board.sections:
        start = next(  # the title, then the definition (a title may also be a row's label)
            i
            for i, row in enumerate(summary[:-1])
            if row[0] == section.title and summary[i + 1][0] == section.definition
        )
        for offset, row in enumerate(section.rows):
            cells = summary[start + 3 + offset]
            assert cells[0] == row.label
            if row.percent or section.key == "verification_areas":
                continue
            expected = tuple("—" if v is None else v for v in row.values)
            assert cells[1 : 1 + len(expected)] == expected, row.label
    projects = list(book["協働事業"].iter_rows(values_only=True))
    assert projects[0][0] == "事業"
    listed = {row[0]: row for row in projects[1:]}
    assert listed["報告される事業"][7] == "両者"
    assert listed["報告される事業"][4] == "（テスト）報告される事業の会"


def test_the_pdf_names_the_year_and_its_totals(made):
    text = "".join(page.extract_text() for page in pypdf.PdfReader(made.pdf.path).pages)
    assert "令和8年度" in text
    assert "協働になじまない" in text or "協働によらない" in text
    assert "報告される事業" in text


def test_it_is_downloaded_by_the_coordinator_only(made, persona_client):
    url = reverse("reports:report_download", args=[made.pk, "xlsx"])
    response = persona_client("coordinator").get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content)[:2] == b"PK"
    for persona in ("staff_a", "partner_member", "outsider"):
        assert persona_client(persona).get(url).status_code == 404
