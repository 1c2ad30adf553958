"""Test data for citizens' voices, built through the voices services (as the demo is)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from kyodo.voices import services
from kyodo.voices.models import QuestionKind, Reflection
from kyodo.voices.services import Given

TOKYO = ZoneInfo("Asia/Tokyo")
# Received on 1 June 2026 (令和8年度) at 10:00 in Japan: due on 15 June with the default 14 days.
RECEIVED = datetime(2026, 6, 1, 10, 0, tzinfo=TOKYO)

# Sentinels the privacy tests look for on every public page, feed, export and search.
SENDER_NAME = "網走 花子"
SENDER_EMAIL = "hanako.sentinel@example.jp"
SENDER_ADDRESS = "網走市南6条東4丁目99番地"
RAW_TEXT = "送信者原文センチネル"


def send(*, now=None, text=None, **fields):
    """An opinion as a citizen sends it (with the sender's identity)."""
    values = {
        "subject": "海岸のごみについて",
        "text": text or f"海岸にごみが多いです。{RAW_TEXT}",
        "sender_name": SENDER_NAME,
        "sender_email": SENDER_EMAIL,
        "sender_postal_code": "093-8555",
        "sender_address": SENDER_ADDRESS,
        "consents_to_publication": True,
        **fields,
    }
    opinion, _secret = services.opinion_send(actor=None, now=now or RECEIVED, **values)
    return opinion


def send_with_secret(**fields):
    values = {"subject": "件名", "text": "本文", **fields}
    return services.opinion_send(actor=None, **values)


def assigned(department, **fields):
    """`now`: when it was received (default RECEIVED)."""
    return services.opinion_assign(actor=None, opinion=send(**fields), department=department)


def replied(department, *, when=None, reflection=Reflection.REFLECTED, **fields):
    opinion = assigned(department, **fields)
    reply = services.reply_draft(
        actor=None,
        opinions=[opinion],
        body="ご意見ありがとうございます。清掃活動を増やします。",
        reflection=reflection,
        reflection_reason="予算の範囲で対応します。"
        if reflection == Reflection.NOT_POSSIBLE
        else "",
    )
    services.reply_approve(actor=None, reply=reply, now=when or RECEIVED + timedelta(days=5))
    opinion.refresh_from_db()
    return opinion


def published(department, **fields):
    opinion = replied(department, **fields)
    services.opinion_prepare_publication(
        actor=None,
        opinion=opinion,
        public_title="海岸清掃の回数について",
        summary="海岸のごみを減らすよう求める意見です。",
    )
    return services.opinion_publish(actor=None, opinion=opinion)


def question(
    code, kind=QuestionKind.SINGLE, choices=("はい", "いいえ"), has_other=False, text=None
):
    return services.question_create(
        actor=None,
        code=code,
        text=text or f"質問{code}",
        kind=kind,
        choices=list(choices),
        has_other=has_other,
    )


def make_survey(*, versions=(), anonymous=True, access="open", opens=None, closes=None, **fields):
    now = timezone.now()
    survey = services.survey_create(
        actor=None,
        title=fields.pop("title", "市民満足度調査"),
        description="",
        opens_at=opens or now - timedelta(days=1),
        closes_at=closes or now + timedelta(days=10),
        anonymous=anonymous,
        access=access,
        **fields,
    )
    for version in versions:
        services.survey_add_item(actor=None, survey=survey, version=version)
    return survey


def open_survey(**kwargs):
    survey = make_survey(**kwargs)
    return services.survey_publish(actor=None, survey=survey)


def answer(survey, given: dict, **kwargs):
    return services.response_submit(actor=None, survey=survey, given=given, **kwargs)


def pick(*indexes, other=""):
    return Given(selected=list(indexes), other_text=other)
