"""The events as the standard open data set 「イベント一覧」.

Layout followed: the item definition of the data set イベント一覧 published by the Cabinet
Secretariat's IT office as a 推奨データセット and continued by the Digital Agency as the
自治体標準オープンデータセット. The column list and order below were checked against that item
definition as reproduced by public implementations of it (no internet access here to read the
Digital Agency's current spreadsheet); the first columns carry the names of the 自治体標準
revision (全国地方公共団体コード, ID, 地方公共団体名 in place of 都道府県コード又は市区町村コード,
NO, 都道府県名 and 市区町村名). See docs/opendata.md.

Columns Kyodo cannot fill are left empty, as the definition allows for optional items:
開始日時特記事項, 連絡先内線番号, 方書, アクセス方法, 駐車場情報, 参加申込終了時間, 備考.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, time
from types import SimpleNamespace
from uuid import UUID

from django.urls import reverse

from kyodo.core.exports import safe_cell
from kyodo.core.models import Municipality

VERSION_NOTE = "自治体標準オープンデータセット「イベント一覧」（推奨データセット項目定義の列順）"

COLUMNS = [
    "全国地方公共団体コード",
    "ID",
    "地方公共団体名",
    "イベント名",
    "イベント名_カナ",
    "イベント名_英語",
    "開始日",
    "終了日",
    "開始時間",
    "終了時間",
    "開始日時特記事項",
    "説明",
    "料金(基本)",
    "料金(詳細)",
    "連絡先名称",
    "連絡先電話番号",
    "連絡先内線番号",
    "主催者",
    "場所名称",
    "住所",
    "方書",
    "緯度",
    "経度",
    "アクセス方法",
    "駐車場情報",
    "定員",
    "参加申込終了日",
    "参加申込終了時間",
    "参加申込方法",
    "URL",
    "備考",
]


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def _time(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _number(value) -> str:
    return "" if value is None else str(value)


def _municipality_name(municipality: Municipality | None) -> str:
    if municipality is None:
        return ""
    return f"{municipality.prefecture}{municipality.name}"


# The public fields a row reads: rows are made from these values, never from model objects, so
# that 100,000 events stream in seconds and constant memory.
EVENT_FIELDS = (
    "id",
    "title",
    "title_kana",
    "title_en",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "description",
    "fee",
    "fee_details",
    "contact_name",
    "contact_phone",
    "organiser",
    "co_organisers",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "capacity",
    "application_deadline",
    "application_method",
    "url",
)
_ID_MARK = UUID(int=0)


def event_row(event, *, municipality, page: str) -> dict:
    """One event (anything with the attributes of EVENT_FIELDS) as {column: text}."""
    return {
        "全国地方公共団体コード": municipality.code if municipality else "",
        "ID": str(event.id),
        "地方公共団体名": _municipality_name(municipality),
        "イベント名": event.title,
        "イベント名_カナ": event.title_kana,
        "イベント名_英語": event.title_en,
        "開始日": _date(event.start_date),
        "終了日": _date(event.end_date),
        "開始時間": _time(event.start_time),
        "終了時間": _time(event.end_time),
        "開始日時特記事項": "",
        "説明": event.description,
        "料金(基本)": _number(event.fee),
        "料金(詳細)": event.fee_details,
        "連絡先名称": event.contact_name,
        "連絡先電話番号": event.contact_phone,
        "連絡先内線番号": "",
        "主催者": "、".join(filter(None, [event.organiser, event.co_organisers])),
        "場所名称": event.place_name,
        "住所": event.address,
        "方書": "",
        "緯度": _number(event.latitude),
        "経度": _number(event.longitude),
        "アクセス方法": "",
        "駐車場情報": "",
        "定員": _number(event.capacity),
        "参加申込終了日": _date(event.application_deadline),
        "参加申込終了時間": "",
        "参加申込方法": event.application_method,
        "URL": event.url or page.replace(str(_ID_MARK), str(event.id)),
        "備考": "",
    }


def event_rows(events, *, base_url: str) -> Iterator[dict]:
    """The rows of a queryset of public events, read in chunks (a generator: stream it)."""
    municipality = Municipality.objects.current()
    # One reverse() for all rows: the event's address with a mark in place of its id.
    page = base_url + reverse("portal:event_detail", args=[_ID_MARK])
    for values in events.values(*EVENT_FIELDS).iterator(chunk_size=2000):
        yield event_row(SimpleNamespace(**values), municipality=municipality, page=page)


# Columns Kyodo writes itself in a fixed format (codes, the UUID, ISO dates, HH:MM times and
# numbers): they stay exactly as formatted, so that a negative coordinate is still a number.
FORMATTED_COLUMNS = frozenset(
    {
        "全国地方公共団体コード",
        "ID",
        "開始日",
        "終了日",
        "開始時間",
        "終了時間",
        "料金(基本)",
        "緯度",
        "経度",
        "定員",
        "参加申込終了日",
        "参加申込終了時間",
    }
)


def _spreadsheet_safe(row: dict) -> dict:
    """The text a person typed never runs as a formula (CSV injection): a cell starting with
    =, +, -, @, tab or CR gets a leading apostrophe (kyodo.core.exports.safe_cell)."""
    return {k: v if k in FORMATTED_COLUMNS else safe_cell(v) for k, v in row.items()}


class _Line:
    """A file-like object whose write() hands back what csv.writer wrote (one row)."""

    def write(self, text: str) -> str:
        return text


def events_csv(rows: Iterable[dict]) -> Iterator[bytes]:
    """UTF-8 with BOM (so that Excel opens it correctly) and CRLF line ends; text cells are
    neutralised for spreadsheets (docs/opendata.md). The JSON carries the values as they are.
    Yields the file in pieces of about 500 rows, to be streamed."""
    writer = csv.DictWriter(_Line(), fieldnames=COLUMNS, lineterminator="\r\n")
    chunk = ["\ufeff", writer.writeheader()]
    for row in rows:
        chunk.append(writer.writerow(_spreadsheet_safe(row)))
        if len(chunk) >= 500:
            yield "".join(chunk).encode("utf-8")
            chunk = []
    yield "".join(chunk).encode("utf-8")


def events_json(rows: Iterable[dict]) -> Iterator[bytes]:
    """The same rows as one JSON document, written record by record."""
    head = {"columns": COLUMNS, "licence": "CC BY 4.0"}
    yield (json.dumps(head, ensure_ascii=False)[:-1] + ', "records": [').encode("utf-8")
    separator = ""
    chunk = []
    for row in rows:
        chunk.append(separator + json.dumps(row, ensure_ascii=False))
        separator = ", "
        if len(chunk) >= 500:
            yield "".join(chunk).encode("utf-8")
            chunk = []
    chunk.append("]}")
    yield "".join(chunk).encode("utf-8")
