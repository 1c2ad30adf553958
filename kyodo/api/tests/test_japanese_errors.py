"""Every error of the API is answered in Japanese, and a bad date is a 400 (issue 12.11)."""

import re

import pytest

from kyodo.portal.tests.factories import EventFactory

pytestmark = pytest.mark.django_db

# Words of pydantic's and ninja's English messages.
ENGLISH = re.compile(r"\b(Input|should|valid|value|Method|allowed|Field|required|or)\b")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _japanese(text: str) -> bool:
    return bool(JAPANESE.search(text)) and not ENGLISH.search(text)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/?date_to=0",  # pydantic took this for 1970-01-01
        "/api/events/?date_from=1700000000",
        "/api/events/?date_to=2026-13-01",
        "/api/events/?date_to=2026-02-30",
        "/api/events/?date_to=2026-04-01T00:00",
        "/api/events/?date_to=20260401",
        "/api/events/?date_to=令和8年4月1日",
        "/api/news/?date_from=0",
        "/api/news/?date_to=abc",
        "/api/events/?page=0",
        "/api/events/?page=x",
        "/api/events/?per_page=1000",
        "/api/events/?project=zz",
        "/api/events/not-a-uuid",
        "/api/calls/?state=foo",
        "/api/projects/?status=draft",
        "/api/partners/?field=" + "x" * 101,
    ],
)
def test_bad_parameters_get_400_in_japanese(client, url):
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    assert _japanese(body["detail"])
    assert body["errors"], url
    for error in body["errors"]:
        assert _japanese(error["msg"]), (url, error["msg"])


def test_a_bad_date_says_how_to_write_one(client):
    (error,) = client.get("/api/events/?date_to=0").json()["errors"]
    assert error["loc"] == ["query", "date_to"]
    assert "YYYY-MM-DD" in error["msg"]


def test_dates_in_full_width_digits_are_accepted(client):
    event = EventFactory()
    day = event.start_date.isoformat()
    full_width = day.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    for value in (day, full_width):
        body = client.get(f"/api/events/?date_from={value}&date_to={value}").json()
        assert [e["id"] for e in body["results"]] == [str(event.pk)], value


def test_other_errors_are_japanese_json_too(client):
    posted = client.post("/api/events/")
    assert posted.status_code == 405 and posted["Allow"] == "GET"
    assert _japanese(posted.json()["detail"])
    unknown = client.get("/api/nowhere/")
    assert unknown.status_code == 404 and unknown["Content-Type"].startswith("application/json")
    assert _japanese(unknown.json()["detail"])
    missing = client.get("/api/events/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404 and _japanese(missing.json()["detail"])
    # An address that lacks only its final slash is still redirected to the right one.
    assert client.get("/api/events?page=2")["Location"] == "/api/events/?page=2"
    assert client.get("/api/openapi.json").status_code == 200
