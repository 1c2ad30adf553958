"""Councils as CSV open data and through the read-only API: public records only, from the same
selectors as the portal's pages; no contact details, no closed meeting, no unpublished minutes."""

import csv
import io

import pytest
from django.urls import reverse

from kyodo.core.services import municipality_configure
from kyodo.councils import services
from kyodo.councils.tests.factories import (
    ADDRESS_SENTINEL,
    CLOSED_MINUTES_SENTINEL,
    PHONE_SENTINEL,
)

pytestmark = pytest.mark.django_db

PRIVATE = [PHONE_SENTINEL, ADDRESS_SENTINEL, CLOSED_MINUTES_SENTINEL, "個人情報を扱うため"]


@pytest.fixture
def city(db):
    municipality_configure(
        actor=None, name="網走市", name_kana="アバシリシ", prefecture="北海道", code="012114"
    )


@pytest.mark.parametrize("dataset", ["councils", "meetings", "outcomes"])
def test_csv_is_for_excel_with_the_city_code_first(client, city, world, dataset):
    response = client.get(reverse(f"councils:opendata_{dataset}_csv"))
    assert response.status_code == 200
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "全国地方公共団体コード"
    assert len(rows) > 1 and all(row[0] == "012114" for row in rows[1:])
    for word in PRIVATE:
        assert word not in text
    assert world["hidden"].name not in text
    assert world["closed"].title not in text or dataset == "councils"


def test_csv_shares_and_rows(client, city, world):
    text = client.get(reverse("councils:opendata_councils_csv")).content.decode("utf-8-sig")
    record = next(csv.DictReader(io.StringIO(text)))
    assert record["名称"] == "網走市環境審議会"
    assert (record["委員数"], record["女性委員の割合(%)"], record["公募委員の割合(%)"]) == (
        "2",
        "50.0",
        "50.0",
    )
    meetings = client.get(reverse("councils:opendata_meetings_csv")).content.decode("utf-8-sig")
    assert [r["会議名"] for r in csv.DictReader(io.StringIO(meetings))] == [world["meeting"].title]


def test_a_formula_cell_is_neutralised(client, city, world):
    services.outcome_add(
        actor=None, meeting=world["meeting"], kind="iken", title="=HYPERLINK(1)", text="x"
    )
    text = client.get(reverse("councils:opendata_outcomes_csv")).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_api_lists_public_councils_with_shares(client, world):
    data = client.get("/api/councils/").json()
    assert data["count"] == 1
    council = data["results"][0]
    assert council["name"] == "網走市環境審議会"
    assert council["shares"]["women_share"] == 50.0


def test_api_council_detail_has_the_roster_without_contacts(client, world):
    response = client.get(f"/api/councils/{world['council'].pk}")
    assert response.status_code == 200
    body = response.content.decode()
    data = response.json()
    assert {m["name"] for m in data["members"]} == {"網走花子", "北見太郎"}
    assert [m["title"] for m in data["meetings"]] == [world["meeting"].title]
    for word in PRIVATE:
        assert word not in body
    hidden = client.get(f"/api/councils/{world['hidden'].pk}")
    assert hidden.status_code == 404
    assert hidden.json()["detail"] == "審議会等が見つかりません。"


def test_api_meetings_and_outcomes(client, world):
    meetings = client.get("/api/councils/meetings").json()["results"]
    assert [m["id"] for m in meetings] == [str(world["meeting"].pk)]
    assert meetings[0]["minutes"] is None  # not published yet
    outcomes = client.get("/api/councils/outcomes").json()["results"]
    assert outcomes[0]["followups"][0]["status_label"] == "検討中"
    assert CLOSED_MINUTES_SENTINEL not in str(meetings + outcomes)
