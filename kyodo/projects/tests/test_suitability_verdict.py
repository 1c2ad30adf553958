"""The guideline's answers count (issue 17-1): the check weighs them, says so in words, and
going on with collaboration against them takes a written reason kept in the history."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kyodo.guideline.selectors import current_version
from kyodo.projects import services
from kyodo.projects.models import ProjectStatus, StatusChange
from kyodo.projects.suitability import AGAINST, FOR, UNCLEAR, favourable_answers, verdict

pytestmark = pytest.mark.django_db
CITY_DUTY = "市が責任を持って対応すべき事業ではないか"


@pytest.fixture
def questions(db):
    return list(current_version("suitability").questions.order_by("order"))


def test_the_city_duty_question_is_asked_the_other_way_round(questions):
    duty = next(q for q in questions if CITY_DUTY in q.text)
    assert duty.favours == "no"
    assert all(q.favours == "yes" for q in questions if q is not duty)
    assert favourable_answers(questions)[duty.pk] == ("no", "")


def test_all_no_is_weighed_against_collaboration(questions):
    all_no = verdict(questions, {q.pk: "no" for q in questions})
    assert all_no.leaning == AGAINST
    assert len(all_no.against) == len(questions) - 1  # the city-duty 「いいえ」 speaks for
    assert (
        verdict(
            questions,
            {
                q.pk: a
                for q, (a, _n) in zip(
                    questions, favourable_answers(questions).values(), strict=True
                )
            },
        ).leaning
        == FOR
    )
    unclear = {
        q.pk: a
        for q, (a, _n) in zip(questions, favourable_answers(questions).values(), strict=True)
    }
    unclear[questions[0].pk] = "unclear"
    assert verdict(questions, unclear).leaning == UNCLEAR


def test_proceeding_against_the_answers_needs_a_reason_kept_in_history(project, questions):
    answers = {q.pk: ("no", "") for q in questions}
    with pytest.raises(ValidationError) as error:
        services.suitability_check_save(
            actor=None, project=project, answers=answers, decision="proceed"
        )
    assert "reason" in error.value.message_dict
    project.refresh_from_db()
    assert project.status == ProjectStatus.IDEA  # nothing moved

    services.suitability_check_save(
        actor=None,
        project=project,
        answers=answers,
        decision="proceed",
        reason="地域の担い手育成を優先し、試行的に協働で行う",
    )
    project.refresh_from_db()
    assert project.status == ProjectStatus.FORMING
    change = StatusChange.objects.filter(project=project, to_status="forming").get()
    assert change.reason == "地域の担い手育成を優先し、試行的に協働で行う"


def _checked(page: str, name: str, value: str) -> bool:
    start = page.index(f'name="{name}" value="{value}"')
    return "checked" in page[start : page.index(">", start)]


def test_the_page_says_it_in_words_and_proposes_the_honest_no(persona_client, project, questions):
    client = persona_client("staff_a")
    url = reverse("projects:check", args=[project.pk])
    form = client.get(url).content.decode()
    assert "この問いは「はい」の場合、協働に向かないことを示します。" in form
    data = {f"answer_{q.pk}": "no" for q in questions}
    response = client.post(url, {**data, "decision": "proceed", "reason": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "それでも協働で進める理由を書いてください" in html
    assert _checked(html, f"answer_{questions[0].pk}", "no")  # what was chosen is kept
    # Saved undecided, the page weighs the answers and proposes 「協働になじまない」.
    assert client.post(url, {**data, "decision": "pending"}).status_code == 302
    page = client.get(url).content.decode()
    assert f"{len(questions)}問中{len(questions) - 1}問の回答が協働に向かない" in page
    assert _checked(page, "decision", "decline")
