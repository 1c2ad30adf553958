"""Opinions through the services: sending, the reply clock, joint replies, approval, publication."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.core.search.index import search
from kyodo.core.search.registry import STAFF
from kyodo.projects.tests.factories import ProjectFactory
from kyodo.voices import services
from kyodo.voices.models import Opinion, OpinionStatus, Reflection
from kyodo.voices.services.common import digest
from kyodo.voices.tests.factories import (
    RAW_TEXT,
    RECEIVED,
    SENDER_NAME,
    assigned,
    published,
    replied,
    send,
)

pytestmark = pytest.mark.django_db


def codes(excinfo) -> set:
    error = excinfo.value
    if hasattr(error, "error_dict"):
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def test_it_records_the_opinion_as_sent_with_a_receipt_number_and_a_due_date():
    opinion, secret = services.opinion_send(
        actor=None, now=RECEIVED, subject="件名", text="  原文のまま\n二行目  "
    )
    assert opinion.receipt_number == "V2026-00001"
    assert opinion.text == "  原文のまま\n二行目  "  # stored as sent
    assert opinion.due_on == date(2026, 6, 15)
    assert opinion.status == OpinionStatus.RECEIVED
    assert opinion.access_digest == digest(secret) and secret not in opinion.access_digest
    second, _secret = services.opinion_send(actor=None, now=RECEIVED, subject="s", text="t")
    assert second.receipt_number == "V2026-00002"


def test_the_target_in_days_is_a_setting(settings):
    settings.VOICES_REPLY_TARGET_DAYS = 30
    assert send().due_on == date(2026, 7, 1)


def test_it_mails_the_receipt_and_link_to_a_sender_with_an_address(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        opinion = send()
    assert len(mail.outbox) == 1
    assert opinion.receipt_number in mail.outbox[0].subject
    assert f"/voices/status/{opinion.receipt_number}/" in mail.outbox[0].body


def test_a_failing_mail_server_loses_nothing(django_capture_on_commit_callbacks, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("kyodo.voices.services.opinions.send_mail", broken)
    with django_capture_on_commit_callbacks(execute=True):
        opinion = send()
    assert Opinion.objects.filter(pk=opinion.pk).exists()


@pytest.mark.parametrize(
    ("text", "code"), [("", "empty"), ("   ", "empty"), ("あ" * 20_000, "too_long")]
)
def test_empty_or_overlong_text_is_refused_in_japanese(text, code):
    with pytest.raises(ValidationError) as excinfo:
        services.opinion_send(actor=None, subject="s", text=text)
    assert codes(excinfo) == {code}
    assert not Opinion.objects.exists()


def test_a_project_that_is_not_public_cannot_be_linked(department_a):
    hidden = ProjectFactory(department=department_a)  # still being planned
    with pytest.raises(ValidationError) as excinfo:
        services.opinion_send(actor=None, subject="s", text="t", project=hidden)
    assert codes(excinfo) == {"project"}


def test_the_reply_clock_marks_an_opinion_overdue_after_its_due_date(department_a):
    opinion = assigned(department_a)
    assert not opinion.is_overdue(date(2026, 6, 15))
    assert opinion.is_overdue(date(2026, 6, 16))
    assert list(Opinion.objects.overdue(date(2026, 6, 16))) == [opinion]
    assert list(Opinion.objects.overdue(date(2026, 6, 15))) == []


def test_a_replied_opinion_is_never_overdue(department_a):
    opinion = replied(department_a, when=RECEIVED + timedelta(days=30))
    assert not opinion.is_overdue(date(2026, 12, 31))
    assert opinion.days_to_reply == 30
    assert opinion.replied_within_target is False


def test_staff_of_the_department_draft_and_an_approver_approves(
    department_a, staff_a, staff_b, coordinator, django_capture_on_commit_callbacks
):
    opinion = assigned(department_a)
    with pytest.raises(PermissionDenied):
        services.reply_draft(actor=staff_b, opinions=[opinion], body="b", reflection="reflected")
    reply = services.reply_draft(
        actor=staff_a, opinions=[opinion], body="回答", reflection=Reflection.FUTURE
    )
    with pytest.raises(PermissionDenied):  # staff are no approvers by default
        services.reply_approve(actor=staff_a, reply=reply)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_approve(actor=coordinator, reply=reply, now=RECEIVED + timedelta(days=3))
    opinion.refresh_from_db()
    assert opinion.status == OpinionStatus.REPLIED
    assert opinion.days_to_reply == 3
    assert any("回答" in message.body for message in mail.outbox)


def test_an_approver_of_the_department_approves_others_drafts_not_their_own(
    department_a, staff_a, coordinator
):
    from kyodo.accounts.roles import Role
    from kyodo.accounts.tests.factories import UserFactory

    approver = UserFactory(roles=[Role.STAFF], department=department_a)
    services.approver_add(actor=coordinator, user=approver)
    own = services.reply_draft(
        actor=approver, opinions=[assigned(department_a)], body="r", reflection="reflected"
    )
    with pytest.raises(ValidationError) as excinfo:
        services.reply_approve(actor=approver, reply=own)
    assert codes(excinfo) == {"own_draft"}
    other = services.reply_draft(
        actor=staff_a, opinions=[assigned(department_a)], body="r", reflection="reflected"
    )
    assert services.reply_approve(actor=approver, reply=other).approved_by == approver


def test_cannot_be_reflected_needs_a_reason(department_a, staff_a):
    with pytest.raises(ValidationError) as excinfo:
        services.reply_draft(
            actor=staff_a,
            opinions=[assigned(department_a)],
            body="r",
            reflection=Reflection.NOT_POSSIBLE,
        )
    assert codes(excinfo) == {"reason_required"}


def test_one_reply_answers_several_similar_opinions(department_a, staff_a, coordinator):
    first, second, third = (assigned(department_a) for _ in range(3))
    reply = services.reply_draft(
        actor=staff_a, opinions=[first, second], body="まとめて回答", reflection="partly"
    )
    services.reply_approve(actor=coordinator, reply=reply)
    statuses = dict(Opinion.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[second.pk] == OpinionStatus.REPLIED
    assert statuses[third.pk] == OpinionStatus.CHECKING


def test_a_joint_reply_stays_within_one_department(department_a, department_b, coordinator):
    with pytest.raises(ValidationError) as excinfo:
        services.reply_draft(
            actor=coordinator,
            opinions=[assigned(department_a), assigned(department_b)],
            body="r",
            reflection="reflected",
        )
    assert codes(excinfo) == {"departments"}


def test_a_reply_needs_an_assigned_opinion(coordinator):
    with pytest.raises(ValidationError) as excinfo:
        services.reply_draft(actor=coordinator, opinions=[send()], body="r", reflection="future")
    assert codes(excinfo) == {"not_assigned"}


def test_publication_is_refused_while_the_summary_holds_personal_data(department_a, coordinator):
    opinion = replied(department_a)
    services.opinion_prepare_publication(
        actor=coordinator,
        opinion=opinion,
        public_title="海岸のごみ",
        summary=f"{SENDER_NAME}さんから。連絡先は090-1234-5678。",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.opinion_publish(actor=coordinator, opinion=opinion)
    assert codes(excinfo) == {"personal_data"}
    message = excinfo.value.messages[0]
    assert "090-1234-5678" in message and "網走 花子" in message
    assert Opinion.objects.get(pk=opinion.pk).status == OpinionStatus.REPLIED


def test_a_published_opinion_is_found_by_its_summary_never_by_the_senders_words(department_a):
    opinion = published(department_a)
    assert opinion.status == OpinionStatus.PUBLISHED
    public = Opinion.objects.published()
    assert [hit.object_id for hit in search(public, "海岸清掃")] == [opinion.pk]
    for word in (RAW_TEXT, "花子", "hanako.sentinel"):
        assert search(Opinion.objects.all(), word) == []
        assert search(Opinion.objects.all(), word, audience=STAFF) == []


def test_an_opinion_whose_sender_refused_is_never_published(department_a, coordinator):
    opinion = replied(department_a, consents_to_publication=False)
    services.opinion_prepare_publication(
        actor=coordinator, opinion=opinion, public_title="t", summary="s"
    )
    with pytest.raises(ValidationError) as excinfo:
        services.opinion_publish(actor=coordinator, opinion=opinion)
    assert codes(excinfo) == {"no_consent"}


def test_content_that_must_not_be_published_is_withheld_with_its_reason(department_a, coordinator):
    opinion = replied(department_a)
    services.opinion_prepare_publication(
        actor=coordinator,
        opinion=opinion,
        public_title="t",
        summary="s",
        withheld_reason="個人への苦情",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.opinion_publish(actor=coordinator, opinion=opinion)
    assert codes(excinfo) == {"withheld"}


def test_an_opinion_not_replied_cannot_be_published(department_a, coordinator):
    opinion = assigned(department_a)
    with pytest.raises(ValidationError) as excinfo:
        services.opinion_publish(actor=coordinator, opinion=opinion)
    assert codes(excinfo) == {"not_replied"}


def test_every_change_is_in_the_history(department_a):
    opinion = published(department_a)
    statuses = list(opinion.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[0] == OpinionStatus.RECEIVED and statuses[-1] == OpinionStatus.PUBLISHED
    assert OpinionStatus.REPLIED in statuses


def test_the_department_stays_once_a_reply_is_drafted(department_a, department_b, coordinator):
    opinion = assigned(department_a)
    services.reply_draft(actor=coordinator, opinions=[opinion], body="r", reflection="future")
    with pytest.raises(ValidationError) as excinfo:
        services.opinion_assign(actor=coordinator, opinion=opinion, department=department_b)
    assert codes(excinfo) == {"has_reply"}


def test_an_opinion_may_name_a_public_council_only(department_a):
    from kyodo.councils.tests.factories import make_council

    public = make_council(department_a, name="公開の協議会")
    closed = make_council(department_a, name="非公開の協議会", is_public=False)
    opinion, _secret = services.opinion_send(actor=None, subject="s", text="t", council=public)
    assert opinion.council == public
    with pytest.raises(ValidationError) as refused:
        services.opinion_send(actor=None, subject="s", text="t", council=closed)
    assert "council" in refused.value.error_dict
