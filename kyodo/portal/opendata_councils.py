"""Councils, their public meetings and outcomes as CSV open data (and the same records for the
API): UTF-8 with BOM, CRLF, the 全国地方公共団体コード in the first column, dates YYYY-MM-DD.

The rows come from the councils' public selectors, the ones the portal's pages use, so that a
member's contact details and a closed meeting (or its minutes) are never in them; members
appear only as counts and shares.
"""

import csv
import io
from fractions import Fraction

from django.urls import reverse
from django.utils import timezone

from kyodo.core.exports import safe_cell
from kyodo.core.models import Municipality
from kyodo.councils import selectors

CODE = "全国地方公共団体コード"
COUNCIL_COLUMNS = [
    CODE,
    "ID",
    "地方公共団体名",
    "名称",
    "名称_カナ",
    "種類",
    "設置根拠",
    "目的",
    "担当課",
    "定数",
    "委員数",
    "女性委員の割合(%)",
    "女性委員の割合_充て職除く(%)",
    "公募委員の割合(%)",
    "設置日",
    "URL",
]
MEETING_COLUMNS = [
    CODE,
    "ID",
    "会議体ID",
    "会議体名",
    "会議名",
    "開始日",
    "開始時間",
    "場所",
    "オンライン",
    "議題",
    "傍聴定員",
    "会議録公開日",
    "URL",
]
OUTCOME_COLUMNS = [
    CODE,
    "ID",
    "会議体名",
    "会議ID",
    "開催日",
    "種類",
    "件名",
    "内容",
    "市の対応",
    "URL",
]


def _percent(value) -> str:
    return "" if value is None else f"{float(Fraction(value)):.1f}"


def _head(municipality):
    return {CODE: municipality.code if municipality else ""}


def _name(municipality) -> str:
    return municipality.name if municipality else ""


def council_records(base_url: str) -> list[dict]:
    municipality = Municipality.objects.current()
    rows = selectors.council_rows(selectors.public_councils())
    return [
        {
            **_head(municipality),
            "ID": str(row.council.pk),
            "地方公共団体名": _name(municipality),
            "名称": row.council.name,
            "名称_カナ": row.council.name_kana,
            "種類": str(row.council.get_kind_display()),
            "設置根拠": row.council.legal_basis,
            "目的": row.council.purpose,
            "担当課": str(row.council.department),
            "定数": str(row.council.seats),
            "委員数": str(row.shares.members),
            "女性委員の割合(%)": _percent(row.shares.women_share),
            "女性委員の割合_充て職除く(%)": _percent(row.shares.women_share_without_ex_officio),
            "公募委員の割合(%)": _percent(row.shares.public_share),
            "設置日": row.council.established_on.isoformat(),
            "URL": base_url + reverse("councils:public_detail", args=[row.council.pk]),
        }
        for row in rows
    ]


def meeting_records(base_url: str) -> list[dict]:
    municipality = Municipality.objects.current()
    records = []
    for meeting in selectors.public_meetings().order_by("starts_at"):
        start = timezone.localtime(meeting.starts_at)
        published = meeting.minutes_published_at
        records.append(
            {
                **_head(municipality),
                "ID": str(meeting.pk),
                "会議体ID": str(meeting.council_id),
                "会議体名": meeting.council.name,
                "会議名": meeting.title,
                "開始日": start.date().isoformat(),
                "開始時間": start.strftime("%H:%M"),
                "場所": meeting.place,
                "オンライン": "1" if meeting.online else "0",
                "議題": " / ".join(meeting.agenda_items),
                "傍聴定員": ""
                if meeting.observer_capacity is None
                else str(meeting.observer_capacity),
                "会議録公開日": timezone.localtime(published).date().isoformat()
                if published
                else "",
                "URL": base_url + reverse("councils:public_meeting", args=[meeting.pk]),
            }
        )
    return records


def outcome_records(base_url: str) -> list[dict]:
    municipality = Municipality.objects.current()
    return [
        {
            **_head(municipality),
            "ID": str(outcome.pk),
            "会議体名": outcome.meeting.council.name,
            "会議ID": str(outcome.meeting_id),
            "開催日": timezone.localtime(outcome.meeting.starts_at).date().isoformat(),
            "種類": str(outcome.get_kind_display()),
            "件名": outcome.title,
            "内容": outcome.text,
            "市の対応": " / ".join(
                f"{item.get_status_display()}：{item.action}" for item in outcome.followups.all()
            ),
            "URL": base_url + reverse("councils:public_meeting", args=[outcome.meeting_id]),
        }
        for outcome in selectors.public_outcomes()
    ]


def to_csv(columns: list[str], records: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: safe_cell(value) for key, value in record.items()})
    return buffer.getvalue().encode("utf-8-sig")
