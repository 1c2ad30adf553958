"""Sample events and news around today's date, all marked （サンプル）.

Idempotent: items are found again by title, and their dates are moved to stay around today,
so a demonstration always has upcoming and past events.
"""

from datetime import time, timedelta

from django.utils import timezone

from kyodo.portal import services
from kyodo.portal.models import Event, News
from kyodo.portal.selectors import public_projects

PREFIX = "（サンプル）"

# (title, kana, days from today, length in days, start, end, place, fee, capacity)
EVENTS = [
    (
        "網走川クリーン作戦",
        "アバシリガワクリーンサクセン",
        6,
        1,
        time(9),
        time(11),
        "網走川河畔 中央橋付近",
        0,
        50,
    ),
    (
        "子ども食堂ボランティア説明会",
        "コドモショクドウボランティアセツメイカイ",
        10,
        1,
        time(18, 30),
        time(20),
        "網走市民活動センター",
        0,
        30,
    ),
    (
        "流氷まつり協働ワークショップ",
        "リュウヒョウマツリキョウドウワークショップ",
        20,
        1,
        time(13),
        time(16),
        "網走市エコーセンター2000",
        500,
        40,
    ),
    (
        "地域防災マップづくり",
        "チイキボウサイマップヅクリ",
        34,
        2,
        None,
        None,
        "網走市役所 会議室",
        None,
        25,
    ),
    (
        "町内会と市職員の対話集会",
        "チョウナイカイトシショクインノタイワシュウカイ",
        -9,
        1,
        time(19),
        time(20, 30),
        "潮見町内会館",
        0,
        None,
    ),
    (
        "協働事業報告会",
        "キョウドウジギョウホウコクカイ",
        -30,
        1,
        time(14),
        time(16),
        "網走市民会館 小ホール",
        0,
        100,
    ),
]

NEWS = [
    (
        "協働ポータルを公開しました",
        -20,
        "市と市民の協働事業、イベント、お知らせをまとめて公開します。\n\n"
        "- イベントは**カレンダー**でも見られます\n"
        "- オープンデータ（CSV・JSON）も公開しています",
    ),
    (
        "網走川クリーン作戦の参加者を募集します",
        -3,
        "## 募集内容\n\n網走川の河畔を一緒に清掃しませんか。軍手とごみ袋は用意します。",
    ),
    ("協働事業報告会を開催しました", -28, "多くの皆さまにご参加いただき、ありがとうございました。"),
]


def _event_values(row, today, projects) -> dict:
    title, kana, offset, length, start, end, place, fee, capacity = row
    start_date = today + timedelta(days=offset)
    return {
        "title_kana": kana,
        "start_date": start_date,
        "start_time": start,
        "end_date": start_date + timedelta(days=length - 1),
        "end_time": end,
        "place_name": place,
        "address": "北海道網走市南6条東4丁目",
        "fee": fee,
        "capacity": capacity,
        "organiser": f"{PREFIX}網走市 市民活動推進担当",
        "contact_name": f"{PREFIX}網走市 市民活動推進担当",
        "contact_phone": "0152-44-6111",
        "application_method": "電話または窓口でお申し込みください。" if capacity else "",
        "description": f"{PREFIX}{title}のお知らせです。どなたでも参加できます。",
        "publish_on": today - timedelta(days=40),
        "project": projects[offset % len(projects)] if projects else None,
    }


def _save(model, create, update, kind: str, title: str, values: dict) -> None:
    """Create the item, or move the one made before: through the services, so that the
    sample items are checked like any other and found by the portal search."""
    item = model.objects.filter(title=title).first()
    if item is None:
        create(actor=None, title=title, **values)
    else:
        update(actor=None, **{kind: item}, **values)


def seed() -> None:
    today = timezone.localdate()
    projects = list(public_projects().order_by("title")[:3])
    for row in EVENTS:
        values = _event_values(row, today, projects)
        _save(Event, services.event_create, services.event_update, "event", PREFIX + row[0], values)
    for index, (title, offset, body) in enumerate(NEWS):
        values = {
            "body": body,
            "publish_on": today + timedelta(days=offset),
            "project": projects[index % len(projects)] if projects else None,
        }
        _save(News, services.news_create, services.news_update, "news", PREFIX + title, values)
