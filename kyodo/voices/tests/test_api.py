"""The API of citizens' voices: the same published opinions and closed surveys as the pages."""

import pytest

from kyodo.voices import services
from kyodo.voices.tests.factories import (
    RAW_TEXT,
    SENDER_NAME,
    answer,
    open_survey,
    pick,
    published,
    question,
    replied,
)

pytestmark = pytest.mark.django_db


def test_published_opinions_only_without_the_sender(client, department_a):
    opinion = published(department_a)
    replied(department_a)  # not published: not listed
    body = client.get("/api/voices/opinions/").json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["id"] == str(opinion.pk) and row["title"] == "海岸清掃の回数について"
    assert row["reflection"] == "reflected" and row["reflection_label"] == "反映した"
    text = str(body)
    assert SENDER_NAME not in text and RAW_TEXT not in text
    one = client.get(f"/api/voices/opinions/{opinion.pk}")
    assert one.status_code == 200 and one.json()["page_url"].endswith(
        f"/voices/opinions/{opinion.pk}/"
    )


def test_an_unpublished_opinion_is_a_japanese_404(client, department_a):
    opinion = replied(department_a)
    response = client.get(f"/api/voices/opinions/{opinion.pk}")
    assert response.status_code == 404
    assert "見つかりません" in response.json()["detail"]


def test_closed_surveys_results_and_never_while_open(client, coordinator):
    survey = open_survey(versions=[question("api-q", choices=["はい", "いいえ"])])
    for index in (0, 0, 1):
        answer(survey, {survey.items.get().pk: pick(index)})
    assert client.get(f"/api/voices/surveys/{survey.pk}/results").status_code == 404
    services.survey_close(actor=coordinator, survey=survey)
    assert client.get("/api/voices/surveys/").json()["count"] == 1
    results = client.get(f"/api/voices/surveys/{survey.pk}/results").json()
    rows = results["questions"][0]["rows"]
    assert rows == [
        {"label": "はい", "count": 2, "percent": 66.7},
        {"label": "いいえ", "count": 1, "percent": 33.3},
    ]


def test_a_bad_page_parameter_is_a_japanese_400(client):
    response = client.get("/api/voices/opinions/?page=0")
    assert response.status_code == 400
