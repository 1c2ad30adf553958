"""A bad parameter is named as people call it (「年度」, not fiscal_year), in the request's
language, and is always a 400, never a 500; full-width digits are read as digits."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "/api/subsidies/?fiscal_year=abc",
    "/api/subsidies/?fiscal_year=２０２６年",
    "/api/subsidies/?fiscal_year=令和8",
    "/api/subsidies/?fiscal_year=1900",
    "/api/subsidies/?fiscal_year=" + "9" * 5000,
    "/api/subsidies/?fiscal_year=2026.5",
    "/api/subsidies/?fiscal_year=%00",
    "/api/projects/?page=-1",
    "/api/projects/?per_page=１０００",
    "/api/projects/?status=%E3%81%82",
    "/api/voices/opinions/?page=abc",
    "/api/voices/surveys/?per_page=0",
    "/api/events/?date_from=2026-04-02&date_to=2026-04-01",
    "/api/events/?project=%00",
    "/api/partners/?field=" + "x" * 101,
    "/api/councils/?page=" + "１" * 30,
]


def _get(client, url, language=None):
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url)


@pytest.mark.parametrize("url", BAD_QUERIES)
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_bad_query_is_a_400_with_a_message(client, url, language):
    response = _get(client, url, language)
    assert response.status_code == 400, response.content
    body = response.json()
    messages = [body["detail"], *(error["msg"] for error in body["errors"])]
    assert all(messages)
    # The address's own names never reach people: each parameter is named in words.
    assert not any(name in text for text in messages for name in ("fiscal_year", "per_page"))


def test_the_fiscal_year_is_named_in_japanese(client):
    for value in ("abc", "２０２６年"):
        body = _get(client, f"/api/subsidies/?fiscal_year={value}").json()
        assert body["detail"] == "パラメータの形式が正しくありません。"
        assert body["errors"] == [
            {"loc": ["query", "fiscal_year"], "msg": "「年度」は整数で指定してください。"}
        ]
    (error,) = _get(client, "/api/subsidies/?fiscal_year=1900").json()["errors"]
    assert error["msg"] == "「年度」は 1989 以上の値を指定してください。"


def test_the_fiscal_year_is_named_in_english_when_english_is_chosen(client):
    body = _get(client, "/api/subsidies/?fiscal_year=abc", "en").json()
    assert body["detail"] == "A parameter is not in the right form."
    assert body["errors"][0]["msg"] == "“fiscal year” must be a whole number."
    (error,) = _get(client, "/api/projects/?status=draft", "en").json()["errors"]
    assert error["msg"] == "“project status” must be one of: agreed, running, closed."


def test_other_parameters_are_named_too(client):
    def message(url):
        return client.get(url).json()["errors"][0]["msg"]

    assert message("/api/projects/?per_page=1000") == (
        "「1ページの件数」は 100 以下の値を指定してください。"
    )
    assert message("/api/projects/?status=draft") == (
        "「協働事業の状況」は次のいずれかを指定してください：agreed、running、closed。"
    )
    assert message("/api/events/?date_to=0").startswith("「終了日」は YYYY-MM-DD の形式")
    assert message("/api/events/not-a-uuid") == "「ID」は UUID の形式で指定してください。"
    reversed_range = client.get("/api/events/?date_from=2026-04-02&date_to=2026-04-01")
    assert reversed_range.json()["detail"] == (
        "「終了日」は「開始日」と同じか、それより後の日付にしてください。"
    )


def test_full_width_digits_are_read_as_digits(client):
    for ascii_url, full_width_url in [
        ("/api/subsidies/?fiscal_year=2026", "/api/subsidies/?fiscal_year=２０２６"),
        ("/api/projects/?page=1&per_page=5", "/api/projects/?page=１&per_page=　５　"),
    ]:
        expected = client.get(ascii_url)
        assert expected.status_code == 200
        assert client.get(full_width_url).json() == expected.json()
