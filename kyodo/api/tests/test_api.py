import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kyodo.portal.tests.factories import EventFactory, NewsFactory
from kyodo.portal.tests.factories import PublicProjectFactory as ProjectFactory
from kyodo.projects.models import ProjectStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(db):
    today = timezone.localdate()
    project = ProjectFactory()
    near = EventFactory(title="近い催し", project=project, start_date=today + timedelta(3))
    far = EventFactory(title="遠い催し", start_date=today + timedelta(60))
    EventFactory(title="取り下げ", withdrawn_at=timezone.now())
    news = NewsFactory(title="新着", project=project)
    NewsFactory(title="下書き", publish_on=None)
    return {"project": project, "near": near, "far": far, "news": news, "today": today}


def test_events_list_paging_and_filters(client, data):
    body = client.get("/api/events/").json()
    assert body["count"] == 2 and body["page"] == 1 and body["pages"] == 1
    assert [e["title"] for e in body["results"]] == ["近い催し", "遠い催し"]
    first = body["results"][0]
    assert first["project"] == {"id": str(data["project"].pk), "title": data["project"].title}
    assert first["page_url"].endswith(f"/portal/events/{data['near'].pk}/")
    assert "internal_note" not in first and "created_by" not in first

    until = (data["today"] + timedelta(10)).isoformat()
    assert [e["title"] for e in client.get(f"/api/events/?date_to={until}").json()["results"]] == [
        "近い催し"
    ]
    since = (data["today"] + timedelta(30)).isoformat()
    assert client.get(f"/api/events/?date_from={since}").json()["count"] == 1
    by_project = client.get(f"/api/events/?project={data['project'].pk}").json()
    assert by_project["count"] == 1
    paged = client.get("/api/events/?per_page=1&page=2").json()
    assert paged["pages"] == 2 and [e["title"] for e in paged["results"]] == ["遠い催し"]


def test_event_and_news_detail(client, data):
    assert client.get(f"/api/events/{data['near'].pk}").json()["title"] == "近い催し"
    news = client.get(f"/api/news/{data['news'].pk}").json()
    assert news["title"] == "新着" and "<ul>" in news["body_html"]
    listing = client.get("/api/news/").json()
    assert [n["title"] for n in listing["results"]] == ["新着"]


def test_non_public_project_is_hidden_in_api(client, data):
    idea = ProjectFactory(status=ProjectStatus.IDEA, title="構想中")
    EventFactory(project=idea)
    assert "構想中" not in client.get("/api/events/").content.decode()
    assert client.get(f"/api/events/?project={idea.pk}").json()["count"] == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/?page=abc",
        "/api/events/?page=0",
        "/api/events/?per_page=1000",
        "/api/events/?date_from=2026-13-01",
        "/api/events/?project=not-a-uuid",
        "/api/events/?date_from=2026-12-10&date_to=2026-12-01",
        "/api/events/not-a-uuid",
        "/api/news/?date_to=yesterday",
    ],
)
def test_malformed_parameters_give_400_with_japanese_message(client, data, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["detail"].endswith("。")


def test_unknown_withdrawn_and_draft_items_give_404(client, data):
    unknown = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/api/events/{unknown}").status_code == 404
    withdrawn = EventFactory(withdrawn_at=timezone.now())
    assert client.get(f"/api/events/{withdrawn.pk}").status_code == 404
    draft = NewsFactory(publish_on=None)
    response = client.get(f"/api/news/{draft.pk}")
    assert response.status_code == 404 and response.json()["detail"] == "お知らせが見つかりません。"


def test_openapi_document_and_docs(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/events/", "/api/events/{event_id}", "/api/news/", "/api/news/{news_id}"} <= set(
        schema["paths"]
    )
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"/static/ninja/" in docs.content
    assert b'<html lang="ja">' in docs.content  # issue 17-6: the page says its language


def test_list_query_count_does_not_grow(client, django_assert_num_queries):
    EventFactory.create_batch(2, project=ProjectFactory())
    with django_assert_num_queries(2):
        client.get("/api/events/")
    EventFactory.create_batch(15, project=ProjectFactory())
    with django_assert_num_queries(2):
        client.get("/api/events/")


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def test_every_operation_is_documented_in_japanese(client):
    """Issue 17-6: /api/docs reads in Japanese: every operation's summary, description and tags
    (a new router that forgets them fails here)."""
    schema = client.get("/api/openapi.json").json()
    operations = [
        (f"{method.upper()} {path}", op)
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    ]
    assert len(operations) >= 20
    wrong = [
        name
        for name, op in operations
        if not JAPANESE.search(op.get("summary", ""))
        or not JAPANESE.search(op.get("description", ""))
        or not op.get("tags")
        or not all(JAPANESE.search(tag) for tag in op["tags"])
    ]
    assert wrong == []
