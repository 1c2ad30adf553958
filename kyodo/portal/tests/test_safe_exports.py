"""The open data CSV never hands a spreadsheet a formula (issue 12.7), and stays data."""

import csv
import io
import json

import pytest
from django.urls import reverse

from kyodo.core.demo import seed as seed_municipality
from kyodo.portal.tests.factories import EventFactory

pytestmark = pytest.mark.django_db

HOSTILE = {
    "title": "=1+2",
    "description": "@SUM(A1)",
    "organiser": "+81 主催",
    "place_name": "-2+3",
    "fee_details": '\t=HYPERLINK("http://example.com")',
    "application_method": "\r=cmd|' /C calc'!A0",
}


def _records(response) -> list[dict]:
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"), newline="")))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_formula_cells_are_neutralised_in_the_csv(client):
    seed_municipality()
    EventFactory(**HOSTILE, latitude="-33.868820", longitude="-70.5", fee=0)
    (record,) = _records(client.get(reverse("portal:opendata_events_csv")))
    assert record["イベント名"] == "'=1+2"
    assert record["説明"] == "'@SUM(A1)"
    assert record["主催者"] == "'+81 主催"
    assert record["場所名称"] == "'-2+3"
    assert record["料金(詳細)"] == '\'\t=HYPERLINK("http://example.com")'
    assert record["参加申込方法"].startswith("'") and "calc" in record["参加申込方法"]
    # What Kyodo formats itself stays machine-readable: a negative coordinate is a number.
    assert record["緯度"] == "-33.868820" and record["経度"] == "-70.500000"
    assert record["料金(基本)"] == "0"
    assert record["開始日"].count("-") == 2 and not record["開始日"].startswith("'")


def test_ordinary_text_is_unchanged_and_the_json_keeps_the_values(client):
    seed_municipality()
    EventFactory(title="川の清掃 = 楽しい", description="説明 -- 本文", **{"organiser": "網走市"})
    EventFactory(**HOSTILE)
    records = _records(client.get(reverse("portal:opendata_events_csv")))
    plain = next(r for r in records if r["イベント名"].startswith("川"))
    assert plain["イベント名"] == "川の清掃 = 楽しい" and plain["説明"] == "説明 -- 本文"
    data = json.loads(client.get(reverse("portal:opendata_events_json")).getvalue())
    titles = {r["イベント名"] for r in data["records"]}
    assert "=1+2" in titles  # JSON is not a spreadsheet: the value as it was entered
