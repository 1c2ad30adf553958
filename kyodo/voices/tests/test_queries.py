"""Each list page runs a fixed number of queries whatever the amount of data (pinned with 3 and
300 opinions and surveys, as issue 15 asks; the rows are bulk-created to keep this fast)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.voices.models import Opinion, OpinionStatus, Reflection, Reply, Survey
from kyodo.voices.tests.factories import RECEIVED, published

pytestmark = pytest.mark.django_db


def bulk(n: int, department) -> None:
    """n opinions in each status (the published ones with replies) and n published surveys."""
    reply = Reply.objects.create(department=department, body="回答", reflection=Reflection.PARTLY)
    rows = []
    for i in range(n):
        for status in OpinionStatus.values:
            done = status in (OpinionStatus.REPLIED, OpinionStatus.PUBLISHED)
            rows.append(
                Opinion(
                    receipt_number=f"B{status}{n}-{i:05d}",
                    access_digest="x",
                    subject=f"件名{i}",
                    text="本文",
                    received_at=RECEIVED - timedelta(days=i),
                    due_on=RECEIVED.date() + timedelta(days=14 - i),
                    status=status,
                    department=department,
                    reply=reply if done else None,
                    replied_at=RECEIVED + timedelta(days=3) if done else None,
                    public_title=f"公開{i}",
                    summary="要旨",
                    published_at=RECEIVED if status == OpinionStatus.PUBLISHED else None,
                )
            )
    Opinion.objects.bulk_create(rows)
    now = timezone.now()
    Survey.objects.bulk_create(
        Survey(
            title=f"調査{i}",
            department=department,
            opens_at=now - timedelta(days=10),
            closes_at=now + timedelta(days=10) if i % 2 else now - timedelta(days=1),
            published_at=now - timedelta(days=11),
        )
        for i in range(n)
    )


PAGES = [
    ("anonymous", "voices:public_home"),
    ("anonymous", "voices:public_list"),
    ("anonymous", "voices:statistics"),
    ("anonymous", "voices:opinions_csv"),
    ("staff_a", "voices:manage_opinions"),
    ("coordinator", "voices:manage_opinions"),
    ("coordinator", "voices:manage_surveys"),
]


def count(persona_client, persona, name) -> int:
    client = persona_client(persona)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name))
        assert response.status_code == 200
        response.getvalue()  # a streamed file reads the database while it is sent
    return len(captured)


@pytest.mark.parametrize(("persona", "name"), PAGES)
def test_list_pages_run_a_fixed_number_of_queries(persona_client, persona, name, department_a):
    published(department_a)
    bulk(3, department_a)
    count(persona_client, persona, name)  # the city is read once, then kept (kyodo.core.city)
    small = count(persona_client, persona, name)
    bulk(300, department_a)
    assert count(persona_client, persona, name) == small


def test_the_search_page_runs_a_fixed_number_of_queries(client, department_a, no_page_cache):
    other = DepartmentFactory()
    bulk(3, other)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("portal:search"), {"q": "公開"})
    bulk(300, other)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("portal:search"), {"q": "公開"})
    assert len(small) == len(large)


def _responses(survey, n: int) -> None:
    from kyodo.voices.models import Answer, SurveyResponse

    items = list(survey.items.all())
    responses = SurveyResponse.objects.bulk_create(SurveyResponse(survey=survey) for _ in range(n))
    Answer.objects.bulk_create(
        Answer(response=response, item=item, selected=[i % 2])
        for i, response in enumerate(responses)
        for item in items
    )


def test_the_results_page_runs_a_fixed_number_of_queries(client, coordinator):
    from kyodo.voices import services
    from kyodo.voices.tests.factories import open_survey, question

    survey = open_survey(versions=[question("qa"), question("qb")])
    survey = services.survey_close(actor=coordinator, survey=survey)
    url = reverse("voices:survey_results", args=[survey.pk])
    by = {"by": str(survey.items.first().pk)}
    _responses(survey, 3)
    client.get(url, by)  # the city is read once, then kept (kyodo.core.city)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, by).status_code == 200
    _responses(survey, 300)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url, by).status_code == 200
    assert len(small) == len(large)
