"""Sample citizens' voices: opinions in every status (one overdue, one answered jointly with
another, two published) and one closed satisfaction survey with its results, plus an open one.

Idempotent: nothing is made when a sample opinion exists. Everything goes through the
services, so the published opinions are in the search index and every record has its history.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from kyodo.accounts.models import Department, User
from kyodo.voices import services
from kyodo.voices.models import Opinion, QuestionKind, Reflection, Survey
from kyodo.voices.services import Given

MARK = "（サンプル）"
OPINIONS = [
    # (subject, text, days ago, department, step)
    ("海岸のごみ拾いに参加したい", "海岸清掃の日程をもっと早く知りたいです。", 1, None, "received"),
    ("公園のベンチの修理", "潮見公園のベンチが壊れています。", 20, "生活環境課", "checking"),
    (
        "見守り活動の担い手",
        "町内会の見守りに若い人が参加できる工夫を。",
        10,
        "社会福祉課",
        "replied",
    ),
    ("海岸清掃の回数", "夏の海岸清掃を増やしてほしいです。", 30, "生活環境課", "published"),
    ("海岸清掃の道具", "清掃の道具を貸してほしいです。", 29, "生活環境課", "published"),
    ("個人的な苦情", "隣の家について。", 25, "生活環境課", "refused"),
]


def _department(name):
    return Department.objects.filter(name=name).first() if name else None


def _opinions() -> list:
    now = timezone.now()
    made = []
    for subject, text, days, department, step in OPINIONS:
        opinion, _secret = services.opinion_send(
            actor=None,
            now=now - timedelta(days=days),
            subject=f"{MARK}{subject}",
            text=text,
            sender_name="（サンプル）市民 太郎",
            sender_email="citizen@example.jp",
            consents_to_publication=step != "refused",
        )
        department = _department(department)
        if department is not None:
            opinion = services.opinion_assign(actor=None, opinion=opinion, department=department)
        made.append((opinion, step, now - timedelta(days=days)))
    return made


def _reply(opinions, received, body, reflection, reason=""):
    reply = services.reply_draft(
        actor=None, opinions=opinions, body=body, reflection=reflection, reflection_reason=reason
    )
    return services.reply_approve(actor=None, reply=reply, now=received + timedelta(days=6))


def _seed_opinions() -> None:
    made = _opinions()
    by_step = {}
    for opinion, step, received in made:
        by_step.setdefault(step, []).append((opinion, received))
    opinion, received = by_step["replied"][0]
    _reply([opinion], received, "見守り活動の説明会を大学で開きます。", Reflection.PARTLY)
    (first, received), (second, _) = by_step["published"]
    _reply([first, second], received, "夏の清掃を月2回にし、道具を貸し出します。", "reflected")
    for opinion, title in ((first, "海岸清掃の回数と道具"), (second, "海岸清掃の道具の貸出し")):
        services.opinion_prepare_publication(
            actor=None,
            opinion=opinion,
            public_title=f"{MARK}{title}",
            summary="海岸清掃の機会と道具を増やすよう求めるご意見です。",
        )
        services.opinion_publish(actor=None, opinion=opinion)
    refused, received = by_step["refused"][0]
    _reply(
        [refused], received, "個別にご連絡しました。", Reflection.NOT_POSSIBLE, "個人間の問題のため"
    )


def _survey(title, opens, closes, versions):
    survey = services.survey_create(
        actor=None,
        title=f"{MARK}{title}",
        description="協働のまちづくりについてお聞きします。",
        opens_at=opens,
        closes_at=closes,
        anonymous=True,
        access="open",
        department=_department("企画調整課"),
    )
    for version in versions:
        services.survey_add_item(actor=None, survey=survey, version=version)
    return services.survey_publish(actor=None, survey=survey, now=opens - timedelta(days=1))


def _versions():
    return [
        services.question_create(
            actor=None,
            code="sample-age",
            text="年代を教えてください",
            kind=QuestionKind.SINGLE,
            choices=["30歳未満", "30〜59歳", "60歳以上"],
            has_other=False,
        ),
        services.question_create(
            actor=None,
            code="sample-satisfaction",
            text="市の協働の取組に満足していますか",
            kind=QuestionKind.SCALE,
            choices=[],
            has_other=False,
        ),
        services.question_create(
            actor=None,
            code="sample-interest",
            text="関心のある分野（複数可）",
            kind=QuestionKind.MULTIPLE,
            choices=["環境", "福祉", "観光"],
            has_other=True,
        ),
        services.question_create(
            actor=None,
            code="sample-count",
            text="昨年、地域活動に参加した回数",
            kind=QuestionKind.NUMBER,
            choices=[],
            has_other=False,
        ),
    ]


def _seed_surveys() -> None:
    now = timezone.now()
    versions = _versions()
    closed = _survey(
        "市民協働アンケート", now - timedelta(days=60), now + timedelta(days=1), versions
    )
    items = list(closed.items.order_by("position"))
    for n in range(24):
        services.response_submit(
            actor=None,
            survey=closed,
            given={
                items[0].pk: Given(selected=[n % 3]),
                items[1].pk: Given(selected=[(n * 7) % 5]),
                items[2].pk: Given(selected=[n % 3], other_text="子育て" if n % 8 == 0 else ""),
                items[3].pk: Given(number=Decimal(n % 6)),
            },
        )
    services.survey_close(actor=None, survey=closed, now=now - timedelta(days=30))
    _survey(
        "市民協働アンケート（今年度）",
        now - timedelta(days=1),
        now + timedelta(days=30),
        versions[:2],
    )


def seed() -> None:
    if Opinion.objects.filter(subject__startswith=MARK).exists() or not User.objects.exists():
        return
    _seed_opinions()
    if not Survey.objects.filter(title__startswith=MARK).exists():
        _seed_surveys()
