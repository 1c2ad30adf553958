"""Sample partner organisations of an Abashiri-like city, all marked （サンプル）.

The demo account `partner` becomes a member of the first one (a ふれあいの家 volunteer group).
"""

from datetime import date

from kyodo.accounts.models import User
from kyodo.partners.models import ActivityField, Partner, PartnerType
from kyodo.partners.services import (
    activity_field_save,
    partner_create,
    partner_membership_add,
    partner_type_save,
)

S = "（サンプル）"

# name, kana, type, representative, founded, members, fields, area, public?, activity, extras
PARTNERS = [
    (
        f"{S}ふれあいの家ボランティアの会",
        "フレアイノイエボランティアノカイ",
        "ボランティア団体",
        "桂 さくら",
        date(2012, 4, 1),
        28,
        ["福祉", "高齢者支援"],
        "桂町・潮見地区",
        True,
        "ふれあいの家で高齢者のサロン、配食、見守り訪問を行う。冬期は独居高齢者宅の除雪も手伝う。",
        {
            "trainings": "認知症サポーター養成講座（全員受講）",
            "qualifications": "介護福祉士2名、看護師1名",
            "annual_budget": 850000,
            "revenue_sources": "会費、市の補助金、バザー収益",
        },
    ),
    (
        f"{S}潮見町内会",
        "シオミチョウナイカイ",
        "町内会",
        "潮見 健一",
        date(1975, 5, 1),
        420,
        ["防災", "防犯", "まちづくり"],
        "潮見地区",
        True,
        "町内の防災訓練、防犯パトロール、ごみステーションの管理、夏祭りの運営。",
        {
            "similar_work": "市と共催で避難所開設訓練（令和5年度）",
            "officers": "会長・副会長2名・会計・防災部長",
            "annual_budget": 3200000,
            "revenue_sources": "町内会費",
        },
    ),
    (
        f"{S}桂町内会",
        "カツラチョウナイカイ",
        "町内会",
        "桂 正夫",
        date(1968, 4, 1),
        380,
        ["防災", "交通安全"],
        "桂町",
        False,
        "通学路の見守り、交通安全運動、冬の歩道除雪協力、町内一斉清掃。",
        {},
    ),
    (
        f"{S}網走市老人クラブ連合会",
        "アバシリシロウジンクラブレンゴウカイ",
        "老人クラブ",
        "北浜 茂",
        date(1963, 6, 1),
        1200,
        ["健康づくり", "高齢者支援", "スポーツ"],
        "市内全域",
        True,
        "パークゴルフ大会、健康づくり教室、世代間交流、単位クラブの連絡調整。",
        {"annual_budget": 4500000},
    ),
    (
        f"{S}NPO法人オホーツク子育てネット",
        "オホーツクコソダテネット",
        "NPO法人",
        "藻琴 由美",
        date(2008, 10, 1),
        45,
        ["子育て", "教育"],
        "市内全域",
        True,
        "子育てひろばの運営、一時預かり、子育て相談、父親向け講座。",
        {
            "capacity": "市の委託で子育て支援センターを5年間運営",
            "qualifications": "保育士6名、社会福祉士1名",
            "annual_budget": 12000000,
            "revenue_sources": "委託料、会費、寄付",
        },
    ),
    (
        f"{S}NPO法人網走川を守る会",
        "アバシリガワヲマモルカイ",
        "NPO法人",
        "呼人 誠",
        date(2005, 7, 1),
        60,
        ["環境", "教育"],
        "網走川流域",
        True,
        "網走川と網走湖の水質調査、河川清掃、子ども向け自然観察会。",
        {
            "similar_work": "小学校の総合学習で水生生物調査を指導",
            "instructors": "環境カウンセラー1名",
        },
    ),
    (
        f"{S}網走国際交流協会",
        "アバシリコクサイコウリュウキョウカイ",
        "文化・スポーツ団体",
        "大曲 リサ",
        date(1990, 4, 1),
        110,
        ["国際交流", "観光", "文化"],
        "市内全域",
        True,
        "外国人住民の日本語教室、姉妹都市との交流、外国人観光客向けのおもてなし案内。",
        {},
    ),
    (
        f"{S}オホーツク網走マラソン実行委員会",
        "オホーツクアバシリマラソンジッコウイインカイ",
        "各種委員会",
        "能取 大輔",
        date(2014, 2, 1),
        35,
        ["スポーツ", "観光"],
        "市内全域",
        True,
        "オホーツク網走マラソンの企画・運営。コース設定、給水所、ボランティアの募集と配置。",
        {
            "organisation": "市、観光協会、体育協会、町内会連合会、商工会議所で構成",
            "similar_work": "大会を毎年9月に開催（参加者約3,000人）",
        },
    ),
    (
        f"{S}網走市体育協会",
        "アバシリシタイイクキョウカイ",
        "文化・スポーツ団体",
        "天都 勝",
        date(1955, 4, 1),
        2400,
        ["スポーツ", "健康づくり"],
        "市内全域",
        False,
        "加盟競技団体の取りまとめ、市民スポーツ大会、マラソン大会の審判・給水所運営への協力。",
        {},
    ),
    (
        f"{S}網走観光ボランティアガイドの会",
        "アバシリカンコウボランティアガイドノカイ",
        "ボランティア団体",
        "二見 和子",
        date(2003, 5, 1),
        22,
        ["観光", "文化"],
        "市内観光地",
        True,
        "流氷観光や博物館周辺の案内、まち歩きツアー、観光ボランティアの育成。",
        {"trainings": "北海道観光ガイド研修"},
    ),
    (
        f"{S}社会福祉法人オホーツク福祉会",
        "オホーツクフクシカイ",
        "社会福祉法人",
        "嘉多山 修",
        date(1985, 3, 1),
        150,
        ["福祉", "障がい者支援"],
        "網走市・大空町",
        True,
        "障がい者の就労支援事業所とグループホームの運営、地域交流カフェ。",
        {"capacity": "就労継続支援B型事業所を2か所運営", "annual_budget": 180000000},
    ),
    (
        f"{S}網走防災リーダーの会",
        "アバシリボウサイリーダーノカイ",
        "ボランティア団体",
        "鱒浦 浩",
        date(2016, 9, 1),
        18,
        ["防災"],
        "市内全域",
        True,
        "防災士による出前講座、避難所運営ゲーム（HUG）、町内会の防災マップ作り支援。",
        {
            "qualifications": "防災士12名、救急救命講習修了者18名",
            "similar_work": "市の防災訓練で避難所運営を担当",
        },
    ),
    (
        f"{S}網走地区防犯協会",
        "アバシリチクボウハンキョウカイ",
        "各種委員会",
        "駒場 武",
        date(1960, 4, 1),
        90,
        ["防犯", "交通安全"],
        "市内全域",
        False,
        "青色回転灯パトロール、防犯教室、子ども110番の家の取りまとめ。",
        {},
    ),
    (
        f"{S}株式会社オホーツク水産",
        "オホーツクスイサン",
        "企業・商店",
        "能取 拓也",
        date(1972, 8, 1),
        85,
        ["産業振興", "農林水産", "観光"],
        "網走市",
        True,
        "水産加工・販売。地元の食を生かす料理教室と工場見学を受け入れている。",
        {"capacity": "イベントへの食材提供と出店の実績多数"},
    ),
    (
        f"{S}網走中央商店街振興組合",
        "アバシリチュウオウショウテンガイシンコウクミアイ",
        "企業・商店",
        "南 洋平",
        date(1982, 4, 1),
        40,
        ["まちづくり", "産業振興"],
        "中心市街地",
        True,
        "商店街のイベント、空き店舗の活用、冬のあかりのまち歩き。",
        {},
    ),
    (
        f"{S}東京農業大学オホーツクキャンパス地域連携室",
        "トウキョウノウギョウダイガクオホーツクキャンパスチイキレンケイシツ",
        "大学",
        "八坂 学",
        date(1989, 4, 1),
        30,
        ["教育", "農林水産", "環境"],
        "オホーツク地域",
        True,
        "学生の地域活動、公開講座、地域資源を活かす商品開発の共同研究。",
        {
            "instructors": "教員による公開講座講師",
            "similar_work": "市との包括連携協定に基づく共同研究",
        },
    ),
    (
        f"{S}網走市文化連盟",
        "アバシリシブンカレンメイ",
        "文化・スポーツ団体",
        "新町 美和",
        date(1970, 4, 1),
        600,
        ["文化"],
        "市内全域",
        False,
        "市民文化祭の運営、加盟団体の発表会、伝統芸能の継承。",
        {},
    ),
    (
        f"{S}子ども食堂あばしり",
        "コドモショクドウアバシリ",
        "ボランティア団体",
        "向陽 恵",
        date(2019, 6, 1),
        15,
        ["子育て", "福祉"],
        "市内全域",
        True,
        "月2回の子ども食堂と学習支援。地元企業からの食材寄付を受けている。",
        {"trainings": "食品衛生責任者講習", "qualifications": "調理師2名"},
    ),
    (
        f"{S}網走市民生委員児童委員協議会",
        "アバシリシミンセイイインジドウイインキョウギカイ",
        "各種委員会",
        "美岬 誠一",
        date(1948, 4, 1),
        95,
        ["福祉", "高齢者支援", "子育て"],
        "市内全域",
        False,
        "地域の見守り、相談支援、関係機関へのつなぎ。",
        {},
    ),
    (
        f"{S}網走 太郎（個人）",
        "アバシリ タロウ",
        "市民",
        "網走 太郎",
        None,
        1,
        ["まちづくり", "国際交流"],
        "市内全域",
        False,
        "元教員。英語通訳と地域の歴史の語り部として協力できる。",
        {},
    ),
]


def _taxonomy() -> tuple[dict, dict]:
    """The types and fields the samples use (seeded by migration 0003, unless flushed since)."""
    types = {t.name: t for t in PartnerType.objects.all()}
    fields = {f.name: f for f in ActivityField.objects.all()}
    for row in PARTNERS:
        if row[2] not in types:
            types[row[2]] = partner_type_save(actor=None, name=row[2], sort_order=1000)
        for name in row[6]:
            if name not in fields:
                fields[name] = activity_field_save(actor=None, name=name, sort_order=1000)
    return types, fields


def sample_contact(number: int) -> dict:
    """An invented, clearly fictitious private contact for sample partner `number`."""
    return {
        "contact_phone": f"0152-00-{2000 + number:04d}",
        "contact_email": f"sample-partner{number:02d}@example.jp",
        "address": f"北海道網走市（架空の住所）サンプル町{number}番地",
        "postal_code": f"000-{number:04d}",
    }


def seed() -> None:
    types, fields = _taxonomy()
    for number, (
        name,
        kana,
        type_name,
        rep,
        founded,
        members,
        field_names,
        area,
        public,
        activity,
        extra,
    ) in enumerate(PARTNERS, start=1):
        if Partner.objects.filter(name=name).exists():
            continue
        partner_create(
            actor=None,
            data={
                "partner_type": types[type_name],
                "name": name,
                "name_kana": kana,
                "representative": f"{S}{rep}",
                "founded_on": founded,
                "member_count": members,
                "area_served": area,
                "listed_publicly": public,
                "activity": activity,
                "contact_name": f"{S}{rep}",
                # Each its own, plainly invented contact (the 00 exchange is not in use, the
                # postal code's 000 does not exist), never the city hall's public one: a
                # private contact found on a public page is then a leak, not a coincidence.
                **sample_contact(number),
                **extra,
            },
            fields=[fields[n] for n in field_names],
        )
    user = User.objects.filter(username="partner").first()
    first = Partner.objects.filter(name=PARTNERS[0][0]).first()
    if user is not None and first is not None:
        partner_membership_add(actor=None, partner=first, user=user)
