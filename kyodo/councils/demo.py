"""Sample councils: a balanced one with published minutes and an upcoming public meeting, one
below the 40 % target for women, and one that only meets (flagged as possibly hollow).

Idempotent: each council is made only when none of its name exists; everything is created
through the services, so the samples are in the search index and the history.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from kyodo.accounts.models import Department
from kyodo.core import wareki
from kyodo.councils import services
from kyodo.councils.models import (
    Category,
    Council,
    CouncilKind,
    FollowUpStatus,
    Gender,
    OutcomeKind,
    Position,
)
from kyodo.partners.models import Partner

F, M, X = Gender.FEMALE, Gender.MALE, Gender.NOT_KNOWN
SAMPLE_PARTNER = "（サンプル）NPO法人オホーツク環境ネット"

COUNCILS = [
    {
        "name": "（サンプル）網走市環境審議会",
        "name_kana": "アバシリシカンキョウシンギカイ",
        "kind": CouncilKind.SHINGIKAI,
        "legal_basis": "網走市環境基本条例 第25条",
        "purpose": "環境基本計画の策定と進行管理について、市長の諮問に応じて調査審議する。",
        "department": "生活環境課",
        "seats": 10,
        "meetings_per_year": 2,
        "members": [
            (
                "オホーツク大学 環境学部 教授",
                "山田 花子",
                "ヤマダ ハナコ",
                F,
                Category.ACADEMIC,
                Position.CHAIR,
            ),
            ("", "佐藤 一郎", "サトウ イチロウ", M, Category.ACADEMIC, Position.VICE_CHAIR),
            ("", "鈴木 美咲", "スズキ ミサキ", F, Category.PUBLIC, Position.MEMBER),
            ("", "高橋 健", "タカハシ ケン", M, Category.PUBLIC, Position.MEMBER),
            ("partner", "田中 由美", "タナカ ユミ", F, Category.ORGANISATION, Position.MEMBER),
            ("", "伊藤 誠", "イトウ マコト", M, Category.AGENCY, Position.MEMBER),
            ("", "渡辺 さくら", "ワタナベ サクラ", F, Category.PUBLIC, Position.MEMBER),
            ("", "中村 剛", "ナカムラ ツヨシ", M, Category.EX_OFFICIO, Position.MEMBER),
        ],
        "outcomes": True,
    },
    {
        "name": "（サンプル）網走市地域福祉推進協議会",
        "name_kana": "アバシリシチイキフクシスイシンキョウギカイ",
        "kind": CouncilKind.KYOGIKAI,
        "legal_basis": "網走市地域福祉推進協議会設置要綱 第2条",
        "purpose": "地域福祉計画の推進について、関係機関と市民が協議する。",
        "department": "社会福祉課",
        "seats": 8,
        "meetings_per_year": 2,
        "members": [
            ("", "小林 正", "コバヤシ タダシ", M, Category.EX_OFFICIO, Position.CHAIR),
            ("", "加藤 浩", "カトウ ヒロシ", M, Category.EX_OFFICIO, Position.MEMBER),
            ("", "吉田 洋子", "ヨシダ ヨウコ", F, Category.AGENCY, Position.VICE_CHAIR),
            ("", "山本 隆", "ヤマモト タカシ", M, Category.ORGANISATION, Position.MEMBER),
            ("", "松本 翔", "マツモト ショウ", M, Category.PUBLIC, Position.MEMBER),
            ("", "井上 光", "イノウエ ヒカル", X, Category.ACADEMIC, Position.MEMBER),
        ],
        "outcomes": True,
    },
    {
        "name": "（サンプル）網走市観光振興委員会",
        "name_kana": "アバシリシカンコウシンコウイインカイ",
        "kind": CouncilKind.IINKAI,
        "legal_basis": "網走市観光振興委員会規則 第3条",
        "purpose": "観光振興計画の推進について意見を述べる。",
        "department": "観光課",
        "seats": 6,
        "meetings_per_year": 4,
        "members": [
            ("", "木村 真理", "キムラ マリ", F, Category.ACADEMIC, Position.CHAIR),
            ("", "林 大輔", "ハヤシ ダイスケ", M, Category.ORGANISATION, Position.MEMBER),
            ("", "清水 彩", "シミズ アヤ", F, Category.PUBLIC, Position.MEMBER),
        ],
        "outcomes": False,
    },
]


def _department(name: str) -> Department:
    return (
        Department.objects.filter(name=name).first()
        or Department.objects.order_by("sort_order").first()
    )


def _at(day: date, hour: int = 14) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _council(spec: dict, today: date) -> Council:
    data = {key: spec[key] for key in ("name", "name_kana", "kind", "legal_basis", "purpose")}
    data.update(
        department=_department(spec["department"]),
        seats=spec["seats"],
        term_years=2,
        meetings_per_year=spec["meetings_per_year"],
        established_on=date(2015, 4, 1),
        is_public=True,
    )
    council = services.council_create(actor=None, data=data)
    starts = date(today.year - 1, 4, 1)
    partner = Partner.objects.filter(name=SAMPLE_PARTNER).first()
    for note, name, kana, gender, category, position in spec["members"]:
        number = len(name) + len(kana)
        services.term_add(
            actor=None,
            council=council,
            person_data={
                "name": name,
                "name_kana": kana,
                "gender": gender,
                "phone": f"0152-00-{1000 + number * 7:04d}",
                "address": "網走市南6条東4丁目",
            },
            term_data={
                "category": category,
                "partner": partner if note == "partner" else None,
                "position": position,
                "starts_on": starts,
                "ends_on": date(today.year + 1, 3, 31),
            },
        )
    return council


def _meetings(council: Council, spec: dict, today: date) -> None:
    terms = list(council.terms.all())
    # Two meetings in the last complete fiscal year and one a week ago, whatever today is.
    last_year = wareki.fiscal_year_bounds(wareki.fiscal_year(today) - 1)[0]
    days = (last_year + timedelta(days=60), last_year + timedelta(days=200), today - timedelta(7))
    for number, day in enumerate(days, start=1):
        meeting = services.meeting_create(
            actor=None,
            council=council,
            data={
                "title": f"{wareki.fiscal_year_label(wareki.fiscal_year(day))} 第{number}回",
                "starts_at": _at(day),
                "place": "網走市役所 本庁舎 会議室",
                "is_public": True,
                "agenda": "前回の会議録の確認\n計画の進捗状況について\nその他",
                "observer_capacity": 10,
                "observers": number,
            },
        )
        statuses = {term.pk: "present" for term in terms}
        services.attendance_record(actor=None, meeting=meeting, statuses=statuses)
        services.minutes_save(
            actor=None, meeting=meeting, text="計画の進捗について報告があり、意見を交換した。"
        )
        services.minutes_approve(actor=None, meeting=meeting)
        services.minutes_publish(actor=None, meeting=meeting)
        if spec["outcomes"]:
            outcome = services.outcome_add(
                actor=None,
                meeting=meeting,
                kind=OutcomeKind.OPINION if number < 3 else OutcomeKind.REPORT_ANSWER,
                title=f"第{number}回の意見",
                text="市民への周知を強化すること。",
            )
            services.followup_add(
                actor=None,
                outcome=outcome,
                data={
                    "action": "広報誌とウェブサイトで計画の内容を周知する。",
                    "status": FollowUpStatus.DONE if number == 1 else FollowUpStatus.CONSIDERING,
                    "due_on": today + timedelta(days=90),
                },
            )
    services.meeting_create(
        actor=None,
        council=council,
        data={
            "title": "次回会議",
            "starts_at": _at(today + timedelta(days=14)),
            "place": "網走市エコーセンター2000",
            "is_public": True,
            "agenda": "計画の中間評価について",
            "observer_capacity": 10,
        },
    )


def seed() -> None:
    today = timezone.localdate()
    for spec in COUNCILS:
        if Council.objects.filter(name=spec["name"]).exists():
            continue
        council = _council(spec, today)
        _meetings(council, spec, today)
