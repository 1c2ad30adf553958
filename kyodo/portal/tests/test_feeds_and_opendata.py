import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from kyodo.core.demo import seed as seed_municipality
from kyodo.portal.opendata import COLUMNS
from kyodo.portal.tests.factories import EventFactory, NewsFactory, PublicProjectFactory
from kyodo.projects.models import ProjectStatus

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def events(db):
    seed_municipality()
    project = PublicProjectFactory()
    timed = EventFactory(
        title="夜の観察会",
        project=project,
        start_date=date(2030, 12, 5),
        start_time=time(19, 30),
        end_date=date(2030, 12, 5),
        end_time=time(21, 0),
        latitude="44.020632",
        longitude="144.273398",
        fee=0,
        capacity=20,
        contact_name="網走市 生活環境課",
        contact_phone="0152-44-6111",
    )
    all_day = EventFactory(
        title="二日間の展示",
        start_date=date(2030, 12, 6),
        start_time=None,
        end_date=date(2030, 12, 7),
        end_time=None,
    )
    other = EventFactory(title="別事業の催し", project=PublicProjectFactory())
    return {"timed": timed, "all_day": all_day, "other": other, "project": project}


def parse_ics(content: bytes):
    calendar = icalendar.Calendar.from_ical(content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_ics_parses_with_times_in_tokyo_and_links(client, events):
    response = client.get(reverse("portal:events_ics"))
    assert response["Content-Type"].startswith("text/calendar")
    entries = parse_ics(response.content)
    assert set(entries) == {"夜の観察会", "二日間の展示", "別事業の催し"}
    timed = entries["夜の観察会"]
    start, end = timed.decoded("dtstart"), timed.decoded("dtend")
    assert start == datetime(2030, 12, 5, 19, 30, tzinfo=TOKYO)
    assert start.utcoffset() == timedelta(hours=9)
    assert str(start.tzinfo) == "Asia/Tokyo"
    assert end == datetime(2030, 12, 5, 21, 0, tzinfo=TOKYO)
    page = "http://testserver" + reverse("portal:event_detail", args=[events["timed"].pk])
    assert str(timed["url"]) == page
    assert page in str(timed["description"])
    all_day = entries["二日間の展示"]
    assert all_day.decoded("dtstart") == date(2030, 12, 6)
    assert all_day.decoded("dtend") == date(2030, 12, 8)  # exclusive
    assert b"BEGIN:VTIMEZONE" in response.content and b"TZID:Asia/Tokyo" in response.content


def test_project_ics_has_only_that_projects_events(client, events):
    url = reverse("portal:project_events_ics", args=[events["project"].pk])
    entries = parse_ics(client.get(url).content)
    assert set(entries) == {"夜の観察会"}


def test_project_ics_of_non_public_project_is_404(client, events):
    project = PublicProjectFactory(status=ProjectStatus.IDEA)
    url = reverse("portal:project_events_ics", args=[project.pk])
    assert client.get(url).status_code == 404


def test_an_event_page_offers_its_own_icalendar(client, events):
    """Issue 17-11: an event can be added to one's calendar on its own, not only its project's."""
    timed = events["timed"]
    page = client.get(reverse("portal:event_detail", args=[timed.pk])).content.decode()
    url = reverse("portal:event_ics", args=[timed.pk])
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    entries = parse_ics(response.content)
    assert set(entries) == {"夜の観察会"}
    assert entries["夜の観察会"].decoded("dtstart") == datetime(2030, 12, 5, 19, 30, tzinfo=TOKYO)
    withdrawn = EventFactory(title="取り下げた催し", withdrawn_at=timezone.now())
    assert client.get(reverse("portal:event_ics", args=[withdrawn.pk])).status_code == 404


def test_atom_feed_links_entries_to_their_pages(client, events):
    news = NewsFactory(title="お知らせ一", body="**本文**です")
    NewsFactory(title="取り下げ", withdrawn_at=timezone.now())
    response = client.get(reverse("portal:news_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(response.content)
    entries = root.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == ["お知らせ一"]
    link = entries[0].find("a:link", ns).get("href")
    assert link == "http://testserver" + reverse("portal:news_detail", args=[news.pk])
    assert entries[0].find("a:summary", ns).text == "本文です"


def test_csv_has_bom_crlf_header_and_municipality_code(client, events):
    response = client.get(reverse("portal:opendata_events_csv"))
    assert response.streaming
    body = response.getvalue()
    assert body.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in body and body.count(b"\n") == body.count(b"\r\n")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0] == COLUMNS
    assert rows[0][0] == "全国地方公共団体コード"
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == 3
    assert {r["全国地方公共団体コード"] for r in records} == {"012114"}
    timed = next(r for r in records if r["イベント名"] == "夜の観察会")
    assert timed["開始日"] == "2030-12-05" and timed["開始時間"] == "19:30"
    assert timed["終了時間"] == "21:00"
    assert timed["地方公共団体名"] == "北海道網走市"
    assert timed["緯度"] == "44.020632" and timed["経度"] == "144.273398"
    assert timed["料金(基本)"] == "0" and timed["定員"] == "20"
    assert timed["連絡先名称"] == "網走市 生活環境課"
    assert timed["URL"].endswith(reverse("portal:event_detail", args=[events["timed"].pk]))


def test_json_has_the_same_columns_and_licence(client, events):
    data = json.loads(client.get(reverse("portal:opendata_events_json")).getvalue())
    assert data["columns"] == COLUMNS and data["licence"] == "CC BY 4.0"
    assert [list(r) for r in data["records"]] == [COLUMNS] * 3


def test_opendata_page_lists_datasets_with_licence_and_update_date(client, events):
    html = client.get(reverse("portal:opendata")).content.decode()
    assert "CC BY 4.0" in html and "イベント一覧" in html
    updated = timezone.localtime(events["other"].updated_at).date()
    era = f"令和{updated.year - 2018}年"
    assert f"{updated.year}年（{era}）{updated.month}月{updated.day}日" in html
    assert reverse("portal:opendata_events_csv") in html


def test_the_open_data_files_are_written_in_pieces_that_add_up():
    """1,234 rows: the CSV and the JSON come in several pieces (streamed) and read back whole."""
    from kyodo.portal.opendata import events_csv, events_json

    rows = [
        dict.fromkeys(COLUMNS, "") | {"ID": str(i), "イベント名": f"=行{i}"} for i in range(1234)
    ]
    pieces = list(events_csv(iter(rows)))
    assert len(pieces) > 2
    body = b"".join(pieces)
    assert body.startswith(b"\xef\xbb\xbf") and body.count(b"\r\n") == 1235
    read = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert [r["ID"] for r in read] == [str(i) for i in range(1234)]
    assert read[7]["イベント名"] == "'=行7"  # still neutralised for spreadsheets
    pieces = list(events_json(iter(rows)))
    assert len(pieces) > 2
    data = json.loads(b"".join(pieces))
    assert data["licence"] == "CC BY 4.0" and data["columns"] == COLUMNS
    assert [r["ID"] for r in data["records"]] == [str(i) for i in range(1234)]
    assert data["records"][7]["イベント名"] == "=行7"  # the JSON carries the value as it is
    assert json.loads(b"".join(events_json(iter([]))))["records"] == []
