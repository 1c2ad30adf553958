"""Surveys: one answer per person, nothing after closing, anonymous answers hold no one,
results hidden until closing, small cells suppressed, the same question year on year."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.voices import results, services
from kyodo.voices.models import QuestionKind, SurveyResponse
from kyodo.voices.services import Given
from kyodo.voices.tests.factories import answer, make_survey, open_survey, pick, question

pytestmark = pytest.mark.django_db


def codes(excinfo) -> set:
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


@pytest.fixture
def survey(db):
    return open_survey(
        versions=[
            question("age", choices=["10代", "20代", "30代以上"]),
            question("satisfaction", kind=QuestionKind.SCALE, choices=[]),
            question(
                "topics", kind=QuestionKind.MULTIPLE, choices=["ごみ", "防災"], has_other=True
            ),
            question("visits", kind=QuestionKind.NUMBER, choices=[]),
        ]
    )


def items(survey):
    return {
        item.version.question.code: item
        for item in survey.items.select_related("version__question")
    }


def test_a_survey_is_built_from_versions_and_frozen_once_published(coordinator):
    version = question("q1")
    survey = make_survey(versions=[version])
    services.survey_publish(actor=coordinator, survey=survey)
    with pytest.raises(ValidationError) as excinfo:
        services.survey_add_item(actor=coordinator, survey=survey, version=question("q2"))
    assert codes(excinfo) == {"survey_published"}
    revised = services.question_revise(
        actor=coordinator,
        question=version.question,
        text="新しい文",
        kind="single",
        choices=["a", "b"],
        has_other=False,
    )
    assert revised.number == 2
    assert survey.items.get().version == version  # the survey keeps what it asked


def test_an_anonymous_answer_stores_no_user_name_or_invitation(survey, staff_a):
    item = items(survey)
    given = {
        item["age"].pk: pick(1),
        item["satisfaction"].pk: pick(4),
        item["topics"].pk: pick(0, other="公園"),
        item["visits"].pk: Given(number=Decimal(3)),
    }
    response = services.response_submit(actor=staff_a, survey=survey, given=given)
    assert response.user is None and response.respondent_name == "" and response.invitation is None
    assert response.history.get().history_user is None
    assert {a.history.get().history_user for a in response.answers.all()} == {None}


def test_a_missing_required_answer_is_refused_beside_its_question(survey):
    item = items(survey)
    with pytest.raises(ValidationError) as excinfo:
        answer(survey, {item["age"].pk: pick(0)})
    assert f"item_{item['satisfaction'].pk}" in excinfo.value.error_dict
    assert not SurveyResponse.objects.exists()


def test_a_choice_outside_the_list_is_refused(survey):
    item = items(survey)
    given = {i.pk: pick(0) for i in item.values()}
    given[item["age"].pk] = pick(7)
    with pytest.raises(ValidationError) as excinfo:
        answer(survey, given)
    assert codes(excinfo) == {"choice"}


def test_no_answer_after_closing(survey, coordinator):
    services.survey_close(actor=coordinator, survey=survey)
    with pytest.raises(ValidationError) as excinfo:
        answer(survey, {})
    assert codes(excinfo) == {"survey_not_open"}


def test_an_invitation_answers_once(coordinator, django_capture_on_commit_callbacks):
    survey = open_survey(versions=[question("q")], access="invitation", anonymous=False)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.invitations_send(
            actor=coordinator, survey=survey, emails=["ＡＢＣ＠example.jp", "abc@example.jp"]
        )
    assert sent == 1
    secret = mail.outbox[0].body.split("/invite/")[1].split("/")[0]
    item = survey.items.get()
    with pytest.raises(ValidationError) as excinfo:
        answer(survey, {item.pk: pick(0)}, respondent_name="網走太郎")  # no link
    assert codes(excinfo) == {"invite"}
    response = answer(
        survey, {item.pk: pick(0)}, respondent_name="網走太郎", invitation_secret=secret
    )
    assert response.invitation is not None and response.respondent_name == "網走太郎"
    with pytest.raises(ValidationError) as excinfo:
        answer(survey, {item.pk: pick(1)}, respondent_name="網走太郎", invitation_secret=secret)
    assert codes(excinfo) == {"already_answered"}


def test_an_open_survey_takes_one_answer_per_browser(client, survey):
    item = items(survey)
    data = {
        f"item_{item['age'].pk}": "0",
        f"item_{item['satisfaction'].pk}": "4",
        f"item_{item['topics'].pk}": ["1", "other"],
        f"item_{item['topics'].pk}_other": "交通",
        f"item_{item['visits'].pk}": "１２",
    }
    url = reverse("voices:survey_answer", args=[survey.pk])
    assert client.post(url, data).status_code == 302
    answer_row = SurveyResponse.objects.get().answers.get(item=item["topics"])
    assert answer_row.selected == [1] and answer_row.other_text == "交通"
    again = client.post(url, data)
    assert "既に回答済み" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_missing_answer_on_the_page_keeps_what_was_typed(client, survey):
    item = items(survey)
    url = reverse("voices:survey_answer", args=[survey.pk])
    response = client.post(url, {f"item_{item['visits'].pk}": "<script>"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "数字で入力してください" in html or "必須" in html
    assert "<script>" not in html
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_results_are_hidden_until_closing_except_to_the_handlers(
    persona_client, persona, coordinator
):
    survey = open_survey(versions=[question("q")])
    url = reverse("voices:survey_results", args=[survey.pk])
    status = 200 if persona == "coordinator" else 404
    assert persona_client(persona).get(url).status_code == status
    services.survey_close(actor=coordinator, survey=survey)
    assert persona_client(persona).get(url).status_code == 200


def test_results_while_open_when_the_setting_allows(client, settings):
    settings.VOICES_RESULTS_AFTER_CLOSING = False
    survey = open_survey(versions=[question("q")])
    assert client.get(reverse("voices:survey_results", args=[survey.pk])).status_code == 200


def test_a_draft_survey_is_nobodys_but_its_handlers(client):
    survey = make_survey(versions=[question("q")])
    assert client.get(reverse("voices:survey_answer", args=[survey.pk])).status_code == 404


def _answers(survey, rows):
    item = items(survey)
    for age, satisfaction in rows:
        answer(
            survey,
            {
                item["age"].pk: pick(age),
                item["satisfaction"].pk: pick(satisfaction),
                item["topics"].pk: pick(0),
                item["visits"].pk: Given(number=Decimal(2)),
            },
        )


def test_the_results_table_chart_and_suppressed_breakdown(client, survey, coordinator):
    _answers(survey, [(0, 4)] * 6 + [(1, 0)] * 2)
    services.survey_close(actor=coordinator, survey=survey)
    item = items(survey)
    by_age = results.breakdowns(survey, item["age"], list(item.values()))
    satisfaction = next(b for b in by_age if b.item == item["satisfaction"])
    assert satisfaction.rows[0] == ("10代", [None, None, None, None, 6])
    assert satisfaction.rows[1][1] == [None] * 5  # 2 answers: suppressed
    url = reverse("voices:survey_results", args=[survey.pk])
    html = client.get(url, {"by": item["age"].pk}).content.decode()
    assert html.index("<table") < html.index("<svg")  # the table first, the chart beside it
    assert 'role="img"' in html and "<desc" in html and "75.0%" in html
    assert "＊" in html


def test_the_same_question_compares_year_on_year(client, coordinator):
    now = timezone.now()
    version = question("overall", kind=QuestionKind.SCALE, choices=[])
    last_year = make_survey(
        versions=[version],
        opens=now - timedelta(days=400),
        closes=now + timedelta(days=1),
        title="昨年度の調査",
    )
    services.survey_publish(actor=coordinator, survey=last_year)
    answer(last_year, {last_year.items.get().pk: pick(1)})
    services.survey_close(actor=coordinator, survey=last_year)
    this_year = open_survey(versions=[version])
    answer(this_year, {this_year.items.get().pk: pick(4)})
    services.survey_close(actor=coordinator, survey=this_year)
    html = client.get(reverse("voices:survey_results", args=[this_year.pk])).content.decode()
    assert "経年比較" in html
    assert html.count("年度</th>") >= 2


def test_the_results_csv_of_a_closed_survey(client, survey, coordinator):
    _answers(survey, [(0, 4)] * 3)
    url = reverse("voices:survey_results_csv", args=[survey.pk])
    assert client.get(url).status_code == 404  # not closed yet
    services.survey_close(actor=coordinator, survey=survey)
    content = client.get(url).getvalue()  # streamed
    assert content.startswith("\ufeff".encode()) and b"\r\n" in content
    assert "10代,3,100.0,3" in content.decode("utf-8-sig")


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_answers_an_open_survey_and_no_one_is_recorded(persona_client, persona):
    survey = open_survey(versions=[question("everyone", choices=["はい", "いいえ"])])
    item = survey.items.get()
    client = persona_client(persona)
    url = reverse("voices:survey_answer", args=[survey.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {f"item_{item.pk}": "1"}).status_code == 302
    response = SurveyResponse.objects.get()
    assert response.user is None and response.history.get().history_user is None


def test_the_page_refuses_an_answer_after_closing(client, coordinator):
    survey = open_survey(versions=[question("late", choices=["はい", "いいえ"])])
    services.survey_close(actor=coordinator, survey=survey)
    item = survey.items.get()
    response = client.post(
        reverse("voices:survey_answer", args=[survey.pk]), {f"item_{item.pk}": "0"}
    )
    assert "このアンケートは現在回答を受け付けていません" in response.content.decode()
    assert not SurveyResponse.objects.exists()
