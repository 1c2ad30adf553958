"""Sample promotion measures: staff civic activity in a department large enough to report,
a dialogue session whose issue became a project, a training with a citizen lecturer, and two
partnership agreements (one active, one dormant).

Idempotent: each part is made only when its sample title (or account) is not there yet.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.accounts.services import user_create
from kyodo.core.demo import DEMO_PASSWORD
from kyodo.engagement import services
from kyodo.engagement.models import (
    DialogueSession,
    PartnershipAgreement,
    StaffActivity,
    Training,
)
from kyodo.partners.demo import sample_contact
from kyodo.partners.models import ActivityField, Partner, PartnerType
from kyodo.partners.services import partner_create

DEPARTMENT = "生活環境課"
# Five more staff in one department, so that its figures pass the small-group rule (5 people).
EXTRA_STAFF = [
    ("staff_env1", "（サンプル）浜 健太", "ハマ ケンタ"),
    ("staff_env2", "（サンプル）北浜 由美", "キタハマ ユミ"),
    ("staff_env3", "（サンプル）呼人 翔", "ヨビト ショウ"),
    ("staff_env4", "（サンプル）能取 恵", "ノトロ メグミ"),
    ("staff_env5", "（サンプル）藻琴 大輔", "モコト ダイスケ"),
]
SESSION = "（サンプル）潮見地区 市長と語る対話集会"
TRAINING = "（サンプル）協働研修「NPOと行政のパートナーシップ」"
AGREEMENT = "（サンプル）環境保全に関する連携協定"
DORMANT_AGREEMENT = "（サンプル）地域防災に関する連携協定"
COMPANY = "（サンプル）オホーツク流氷観光株式会社"


def _staff(department) -> list[User]:
    people = []
    for username, name, kana in EXTRA_STAFF:
        user = User.objects.filter(username=username).first() or user_create(
            actor=None,
            username=username,
            password=DEMO_PASSWORD,
            display_name=name,
            display_name_kana=kana,
            email=f"{username}@example.jp",
            roles=[Role.STAFF],
            department=department,
        )
        people.append(user)
    return people


def _partner(name: str, type_name: str) -> Partner:
    found = Partner.objects.filter(name=name).first()
    if found:
        return found
    partner_type = PartnerType.objects.filter(name=type_name).first()
    return partner_create(
        actor=None,
        data={
            "name": name,
            "partner_type": partner_type,
            "listed_publicly": True,
            **sample_contact(70 + Partner.objects.count()),
        },
    )


def _activities(people, today) -> None:
    if StaffActivity.objects.filter(staff__in=people).exists():
        return
    field = ActivityField.objects.filter(name="環境").first()
    kinds = ["neighbourhood", "volunteer", "local", "volunteer"]
    for index, person in enumerate(people[:4]):
        services.activity_log(
            actor=person,
            date=today - timedelta(days=10 + index * 7),
            kind=kinds[index],
            field=field,
            hours=Decimal("2.5") + index,
            partner=None,
            organisation_name="潮見地区町内会" if index == 0 else "網走川を守る会",
            description="海岸と河川敷のごみ拾いに参加しました。",
            is_published=index % 2 == 0,
            show_name=index == 0,
        )


def _dialogue(department, today) -> None:
    if DialogueSession.objects.filter(title=SESSION).exists():
        return
    session = services.dialogue_create(
        actor=None,
        department=department,
        kind="town_meeting",
        title=SESSION,
        date=today - timedelta(days=45),
        place="潮見地区公民館",
        topics="海岸の漂着ごみ、冬の除雪と高齢者の見守り",
        citizens_count=32,
        groups_count=8,
        staff_count=5,
        internal_note="次回は若い世代の参加を呼びかける。",
    )
    first = services.issue_add(
        actor=None, session=session, text="海岸の漂着ごみが増え、地域だけでは片付けきれない。"
    )
    services.issue_add(actor=None, session=session, text="冬の間、高齢者宅の除雪が追いつかない。")
    services.issue_add(actor=None, session=session, text="公民館の開館時間を延ばしてほしい。")
    services.issue_to_project(actor=None, issue=first, title="（サンプル）漂着ごみ対策の協働")


def _training(department, people, today) -> None:
    if Training.objects.filter(title=TRAINING).exists():
        return
    lecturer = Partner.objects.filter(name__contains="オホーツク環境ネット").first()
    training = services.training_create(
        actor=None,
        department=department,
        kind="collaboration",
        title=TRAINING,
        date=today - timedelta(days=20),
        place="市役所 大会議室",
        description="市民活動団体の代表を講師に、協働の進め方と対等な関係づくりを学ぶ。",
        lecturer_kind="partner" if lecturer else "citizen",
        lecturer_partner=lecturer,
        lecturer_name="（サンプル）講師 環",
        lecturer_name_public=True,
    )
    services.attendance_record(actor=None, training=training, attendees=people[:3])
    for person, (understanding, usefulness) in zip(people[:2], [(5, 4), (4, 4)], strict=True):
        services.feedback_give(
            actor=person,
            training=training,
            understanding=understanding,
            usefulness=usefulness,
            comment="団体の視点を知ることができた。",
        )


def _agreements(department, today) -> None:
    if PartnershipAgreement.objects.filter(title__in=[AGREEMENT, DORMANT_AGREEMENT]).exists():
        return
    company = _partner(COMPANY, "企業・商店")
    active = services.agreement_create(
        actor=None,
        department=department,
        partner=company,
        title=AGREEMENT,
        purpose="流氷と海岸の環境保全、環境学習での協力。",
        signed_on=today - timedelta(days=400),
        starts_on=today - timedelta(days=400),
        ends_on=today + timedelta(days=40),
        auto_renew=False,
        status="active",
    )
    services.agreement_activity_add(
        actor=None,
        agreement=active,
        date=today - timedelta(days=30),
        title="海岸清掃に社員20名が参加",
    )
    services.agreement_create(
        actor=None,
        department=department,
        partner=company,
        title=DORMANT_AGREEMENT,
        purpose="災害時の観光客の避難誘導と情報提供。",
        signed_on=today - timedelta(days=900),
        starts_on=today - timedelta(days=900),
        ends_on=None,
        auto_renew=True,
        status="active",
    )


def seed() -> None:
    department = Department.objects.filter(name=DEPARTMENT).first()
    if department is None:
        return
    today = timezone.localdate()
    people = _staff(department)
    _activities(people, today)
    _dialogue(department, today)
    _training(department, people, today)
    _agreements(department, today)
