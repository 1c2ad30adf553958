"""The city's survey pages, role by role: staff build their department's surveys, coordinators
every survey; partner members, evaluators and outsiders see none of them."""

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.voices.models import Survey
from kyodo.voices.tests.factories import make_survey, question

pytestmark = pytest.mark.django_db


def expected(table: dict, persona: str, default: int) -> int:
    return 302 if persona == "anonymous" else table.get(persona, default)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_survey_list_is_for_the_city(persona_client, persona):
    response = persona_client(persona).get(reverse("voices:manage_surveys"))
    assert response.status_code == expected(
        {"coordinator": 200, "staff_a": 200, "staff_b": 200}, persona, 403
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_departments_survey_is_its_staffs_and_the_coordinators(
    persona_client, persona, department_a
):
    survey = make_survey(versions=[question("p")], department=department_a)
    client = persona_client(persona)
    detail = client.get(reverse("voices:manage_survey", args=[survey.pk]))
    assert detail.status_code == expected({"coordinator": 200, "staff_a": 200}, persona, 404)
    publish = client.post(reverse("voices:survey_step", args=[survey.pk]), {"step": "publish"})
    assert publish.status_code == expected({"coordinator": 302, "staff_a": 302}, persona, 404)
    survey.refresh_from_db()
    assert (survey.published_at is not None) == (persona in ("coordinator", "staff_a"))


def test_staff_build_a_survey_for_their_own_department(client, staff_a, department_a):
    client.force_login(staff_a)
    response = client.post(
        reverse("voices:survey_create"),
        {
            "title": "子育て支援アンケート",
            "description": "",
            "opens_at": "2099-04-01T09:00",
            "closes_at": "2099-04-30T17:00",
            "anonymous": "on",
            "access": "open",
        },
    )
    survey = Survey.objects.get()
    assert response.url == reverse("voices:manage_survey", args=[survey.pk])
    assert survey.department == department_a
    added = client.post(
        reverse("voices:survey_question", args=[survey.pk]),
        {
            "code": "child-q1",
            "text": "満足度",
            "kind": "single",
            "choices": "はい\nいいえ",
            "has_other": "on",
            "required": "on",
        },
    )
    assert added.status_code == 302
    assert survey.items.get().version.has_other


def test_a_survey_closing_before_it_opens_is_refused_keeping_what_was_typed(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("voices:survey_create"),
        {
            "title": "<i>逆の日付</i>",
            "opens_at": "2099-04-30T09:00",
            "closes_at": "2099-04-01T17:00",
            "access": "open",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "締切日時は開始日時より後にしてください" in html
    assert "&lt;i&gt;逆の日付&lt;/i&gt;" in html
    assert not Survey.objects.exists()


def test_a_question_with_one_choice_is_refused(client, coordinator):
    survey = make_survey()
    client.force_login(coordinator)
    response = client.post(
        reverse("voices:survey_question", args=[survey.pk]),
        {"code": "one", "text": "質問", "kind": "single", "choices": "はい"},
    )
    assert response.status_code == 400
    assert "2つ以上" in response.content.decode()


def test_rewording_a_question_makes_a_new_version_of_it(client, coordinator):
    from kyodo.voices.models import QuestionVersion

    old = question("reword", choices=["はい", "いいえ"])
    earlier = make_survey(versions=[old], title="昨年")
    survey = make_survey(versions=[old])
    item = survey.items.get()
    client.force_login(coordinator)
    url = reverse("voices:survey_item_revise", args=[survey.pk, item.pk])
    assert "はい\nいいえ" in client.get(url).content.decode()
    response = client.post(
        url,
        {"text": "満足していますか", "kind": "single", "choices": "はい\nいいえ\nどちらでもない"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.version.number, item.version.question) == (2, old.question)
    assert earlier.items.get().version == old
    assert QuestionVersion.objects.filter(question=old.question).count() == 2
