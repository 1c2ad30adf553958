"""The Excel export (a background task, re-opened with openpyxl row by row) and overdue
opinions in the daily reminder sweep."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.core import plugins
from kyodo.voices import services
from kyodo.voices.models import ExportStatus, QuestionKind, SurveyExport
from kyodo.voices.services import Given
from kyodo.voices.tests.factories import answer, assigned, open_survey, pick, question, replied

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(department_a):
    survey = open_survey(
        versions=[
            question("ex-age", choices=["10代", "20代"]),
            question(
                "ex-topics",
                kind=QuestionKind.MULTIPLE,
                choices=["ごみ", "防災", "交通"],
                has_other=True,
            ),
            question("ex-scale", kind=QuestionKind.SCALE, choices=[]),
            question("ex-count", kind=QuestionKind.NUMBER, choices=[]),
            question("ex-free", kind=QuestionKind.TEXT, choices=[]),
        ],
        anonymous=False,
        department=department_a,
    )
    items = list(survey.items.order_by("position"))
    rows = [
        (0, [0, 2], "", 4, "3", '=HYPERLINK("x")'),
        (1, [1], "公園", 2, "10.5", "特になし"),
    ]
    for age, topics, other, scale, count, free in rows:
        answer(
            survey,
            {
                items[0].pk: pick(age),
                items[1].pk: pick(*topics, other=other),
                items[2].pk: pick(scale),
                items[3].pk: Given(number=Decimal(count)),
                items[4].pk: Given(text=free),
            },
            respondent_name=f"回答者{age}",
        )
    return survey


def test_the_export_has_one_row_per_respondent_with_choices_spelled_out(answered, coordinator):
    export = services.survey_export_request(actor=coordinator, survey=answered)
    export = services.survey_export_run(export_id=export.pk)
    assert export.status == ExportStatus.DONE and export.percent == 100
    sheet = load_workbook(io.BytesIO(bytes(export.content))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["回答番号", "回答日", "氏名"]
    assert rows[0][3].startswith("問1 ") and rows[0][5] == "問2（その他の内容）"
    assert len(rows) == 3
    assert rows[1][0] == 1 and rows[1][2] == "回答者0"
    assert rows[1][3:] == ["10代", "ごみ、交通", None, 5, 3, '\'=HYPERLINK("x")']
    assert rows[2][3:] == ["20代", "防災", "公園", 3, 10.5, "特になし"]


def test_the_export_runs_as_a_task_and_its_page_shows_progress(
    answered, client, staff_a, staff_b, django_capture_on_commit_callbacks
):
    client.force_login(staff_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("voices:export_request", args=[answered.pk]))
    export = SurveyExport.objects.get()
    assert response.url == reverse("voices:export_status", args=[export.pk])
    assert DBTaskResult.objects.filter(task_path="kyodo.voices.tasks.run_survey_export").exists()
    page = client.get(response.url)
    html = page.content.decode()
    progress = reverse("voices:export_progress", args=[export.pk])
    # Polled by the page's script; a timed refresh only without JavaScript (WCAG 2.2.1).
    assert not page.has_header("Refresh")
    assert f'data-poll="{progress}"' in html and "<progress" in html
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in html
    assert "data-poll-done" not in client.get(progress).content.decode()
    services.survey_export_run(export_id=export.pk)
    assert 'http-equiv="refresh"' not in client.get(response.url).content.decode()
    fragment = client.get(progress).content.decode()
    assert "data-poll-done" in fragment
    assert reverse("voices:export_download", args=[export.pk]) in fragment
    download = client.get(reverse("voices:export_download", args=[export.pk]))
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(staff_b)
    assert client.get(reverse("voices:export_download", args=[export.pk])).status_code == 404
    assert client.get(progress).status_code == 404


def test_overdue_opinions_join_the_reminder_sweep_once(
    department_a, staff_a, coordinator, django_capture_on_commit_callbacks
):
    from kyodo.core.reminder_sweep import reminders_sweep
    from kyodo.cycles.tasks import send_reminders

    late = assigned(department_a)  # due 15 June 2026
    replied(department_a)
    unassigned = services.opinion_send(actor=None, subject="s", text="t")[0]
    staff_a.email, coordinator.email = "a@example.jp", "c@example.jp"
    staff_a.save()
    coordinator.save()
    UserFactory(roles=[Role.STAFF], department=None, email="n@example.jp")
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_sweep(today=date(2026, 6, 15)) == 0
        sent = reminders_sweep(today=date(2026, 6, 16))
    assert sent == 1
    assert mail.outbox[0].to == ["a@example.jp"] and late.receipt_number in mail.outbox[0].subject
    assert unassigned.due_on > date(2026, 6, 16)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_sweep(today=date(2026, 6, 17)) == 0  # told once
    # The cycles' daily task runs the sweep of every app's reminders.py.
    assert "kyodo.voices.reminders" in [m.__name__ for m in plugins.app_submodules("reminders")]
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders.call()
    assert [m.to for m in mail.outbox].count(["a@example.jp"]) == 1  # still told once
