"""Applications through the services: the deadline, receipts, attachments, privacy."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.calls import services
from kyodo.calls.models import ApplicationStatus
from kyodo.calls.tests.factories import (
    DEADLINE,
    TOKYO,
    Abandoned,
    applicant,
    codes,
    submit,
)
from kyodo.core.tests.helpers import sample_pdf, sample_png

# --- Applications and the deadline ----------------------------------------------------------


def test_submission_just_before_the_deadline_is_accepted(open_call, partner_member):
    partner = applicant(member=partner_member)
    just_before = datetime(2026, 12, 25, 16, 59, 59, tzinfo=TOKYO)
    draft = services.application_save_draft(
        actor=partner_member,
        call=open_call,
        partner=partner,
        now=just_before,
        proposal="提案",
        plan="計画",
    )
    application = services.application_submit(
        actor=partner_member, application=draft, now=just_before, confirmed_version=1
    )
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.receipt_number == "K2026-00001"
    assert application.submitted_by == partner_member


def test_submission_just_after_the_deadline_is_refused_and_the_draft_kept(
    open_call, partner_member
):
    partner = applicant(member=partner_member)
    draft = services.application_save_draft(
        actor=partner_member,
        call=open_call,
        partner=partner,
        now=DEADLINE - timedelta(hours=1),
        proposal="大事な提案",
        plan="計画",
    )
    # 17:00:01 in Tokyo (08:00:01 UTC).
    just_after = datetime(2026, 12, 25, 8, 0, 1, tzinfo=ZoneInfo("UTC"))
    with pytest.raises(ValidationError) as excinfo:
        services.application_submit(
            actor=partner_member, application=draft, now=just_after, confirmed_version=1
        )
    assert codes(excinfo) == {"deadline_passed"}
    with pytest.raises(ValidationError):
        services.application_save_draft(
            actor=partner_member, call=open_call, partner=partner, now=just_after, proposal="x"
        )
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert draft.proposal == "大事な提案"
    assert draft.receipt_number is None


def test_a_submission_exactly_at_the_deadline_counts_as_on_time(open_call):
    application = submit(open_call, applicant(), now=DEADLINE)
    assert application.status == ApplicationStatus.SUBMITTED


def test_receipt_numbers_count_up_and_are_mailed(
    open_call, partner_member, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    partner = applicant(member=partner_member, contact_email="umi@example.jp")
    with django_capture_on_commit_callbacks(execute=True):
        first = submit(open_call, partner, now=DEADLINE - timedelta(days=1))
        second = submit(
            open_call,
            applicant("オホーツク研究会", contact_email=""),
            now=DEADLINE - timedelta(days=1),
        )
    assert (first.receipt_number, second.receipt_number) == ("K2026-00001", "K2026-00002")
    assert len(mail.outbox) == 1  # the second has no address at all: nobody to tell
    message = mail.outbox[0]
    assert message.to == ["umi@example.jp"]
    assert "K2026-00001" in message.subject and "K2026-00001" in message.body
    assert "受け付けました" in message.body
    assert "応募締切: 令和8年12月25日 17:00" in message.body  # Japan time, not UTC


def test_the_receipt_is_mailed_only_once_the_submission_is_committed(
    open_call, partner_member, django_capture_on_commit_callbacks
):
    partner = applicant(member=partner_member, contact_email="umi@example.jp")
    now = DEADLINE - timedelta(days=1)
    draft = services.application_save_draft(
        actor=partner_member, call=open_call, partner=partner, now=now, proposal="提案", plan="計画"
    )
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abandoned),
        transaction.atomic(),
    ):
        services.application_submit(
            actor=partner_member, application=draft, now=now, confirmed_version=1
        )
        raise Abandoned
    assert callbacks == [] and mail.outbox == []
    draft.refresh_from_db()
    assert (draft.status, draft.receipt_number) == (ApplicationStatus.DRAFT, None)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.application_submit(
            actor=partner_member, application=draft, now=now, confirmed_version=1
        )
    assert len(callbacks) == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == sorted(["umi@example.jp", partner_member.email])
    assert message.subject == "応募受付のお知らせ（K2026-00001）：海岸清掃パートナー募集"


def test_receipt_numbers_typed_in_full_width_are_folded():
    assert services.receipt_number_normalize("ｋ２０２６－０００１２ ") == "K2026-00012"
    assert services.receipt_number_normalize("K2026ー00012") == "K2026-00012"


def test_a_submitted_application_cannot_be_changed(open_call):
    application = submit(open_call, applicant(), now=DEADLINE - timedelta(days=1))
    with pytest.raises(ValidationError) as excinfo:
        services.application_save_draft(
            actor=None,
            call=open_call,
            partner=application.partner,
            now=DEADLINE - timedelta(days=1),
            proposal="変更",
        )
    assert codes(excinfo) == {"already_submitted"}


def test_an_incomplete_application_is_not_submitted(open_call):
    draft = services.application_save_draft(
        actor=None,
        call=open_call,
        partner=applicant(),
        now=DEADLINE - timedelta(days=1),
        proposal="提案だけ",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.application_submit(actor=None, application=draft, now=DEADLINE - timedelta(days=1))
    assert codes(excinfo) == {"incomplete"}


def test_a_budget_over_the_ceiling_is_kept_as_a_draft_but_not_submitted(open_call):
    open_call.budget_ceiling = 300_000
    open_call.save(update_fields=["budget_ceiling"])
    before = DEADLINE - timedelta(days=1)
    fields = {"proposal": "提案", "plan": "計画", "now": before}
    draft = services.application_save_draft(
        actor=None, call=open_call, partner=applicant(), budget_amount=300_001, **fields
    )
    with pytest.raises(ValidationError) as excinfo:
        services.application_submit(actor=None, application=draft, now=before)
    assert codes(excinfo) == {"over_ceiling"}
    assert "300,001" in excinfo.value.messages[0] and "300,000" in excinfo.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT and not draft.receipt_number
    at_ceiling = services.application_save_draft(
        actor=None, call=open_call, partner=applicant("別の会"), budget_amount=300_000, **fields
    )
    submitted = services.application_submit(actor=None, application=at_ceiling, now=before)
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_a_member_applies_only_for_their_own_organisation(open_call, partner_member):
    applicant(member=partner_member)
    other = applicant("別の団体")
    with pytest.raises(PermissionDenied):
        services.application_save_draft(
            actor=partner_member,
            call=open_call,
            partner=other,
            now=DEADLINE - timedelta(days=1),
        )


@pytest.mark.parametrize("persona", ["coordinator", "staff_a", "evaluator", "outsider"])
def test_only_partner_members_apply(request, open_call, persona):
    actor = request.getfixturevalue(persona)
    partner = applicant(member=actor)
    with pytest.raises(PermissionDenied):
        services.application_save_draft(
            actor=actor, call=open_call, partner=partner, now=DEADLINE - timedelta(days=1)
        )


def test_attachments_of_the_wrong_type_are_refused(open_call, partner_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    partner = applicant(member=partner_member)
    now = DEADLINE - timedelta(days=1)
    draft = services.application_save_draft(
        actor=partner_member, call=open_call, partner=partner, now=now, proposal="提案"
    )
    exe = SimpleUploadedFile("proposal.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    with pytest.raises(ValidationError) as excinfo:
        services.attachment_add(actor=partner_member, application=draft, upload=exe, now=now)
    assert codes(excinfo) == {"wrong_type"}  # the core upload check's code (was attachment_type)
    disguised = SimpleUploadedFile("proposal.pdf", b"MZ\x90\x00not a pdf")
    with pytest.raises(ValidationError):
        services.attachment_add(actor=partner_member, application=draft, upload=disguised, now=now)
    pdf = SimpleUploadedFile("企画書.pdf", sample_pdf(), content_type="application/pdf")
    attachment = services.attachment_add(
        actor=partner_member, application=draft, upload=pdf, now=now
    )
    assert attachment.original_name == "企画書.pdf"
    assert attachment.file.read().startswith(b"%PDF")
    draft.refresh_from_db()
    assert draft.proposal == "提案"


def test_attachments_can_be_removed_from_a_draft_only(
    open_call, partner_member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    partner = applicant(member=partner_member)
    now = DEADLINE - timedelta(days=1)
    draft = services.application_save_draft(
        actor=partner_member,
        call=open_call,
        partner=partner,
        now=now,
        proposal="提案",
        plan="計画",
    )
    png = SimpleUploadedFile("map.png", sample_png())
    kept = services.attachment_add(actor=partner_member, application=draft, upload=png, now=now)
    removed = services.attachment_add(
        actor=partner_member,
        application=draft,
        upload=SimpleUploadedFile("old.png", sample_png()),
        now=now,
    )
    services.attachment_remove(actor=partner_member, attachment=removed, now=now)
    assert list(draft.attachments.all()) == [kept]
    draft.refresh_from_db()
    assert draft.lock_version == 4  # each attachment added or removed is a new version
    services.application_submit(
        actor=partner_member, application=draft, now=now, confirmed_version=4
    )
    draft.refresh_from_db()
    with pytest.raises(ValidationError):
        services.attachment_remove(actor=partner_member, attachment=kept, now=now)
    with pytest.raises(PermissionDenied):
        services.attachment_remove(
            actor=UserFactory(roles=[Role.PARTNER_MEMBER]), attachment=kept, now=now
        )


def test_a_removed_attachment_keeps_its_file_until_the_removal_is_committed(
    open_call, partner_member, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    now = DEADLINE - timedelta(days=1)
    draft = services.application_save_draft(
        actor=partner_member, call=open_call, partner=applicant(member=partner_member), now=now
    )
    png = SimpleUploadedFile("map.png", sample_png())
    attachment = services.attachment_add(
        actor=partner_member, application=draft, upload=png, now=now
    )
    storage, name, pk = attachment.file.storage, attachment.file.name, attachment.pk
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abandoned),
        transaction.atomic(),
    ):
        services.attachment_remove(actor=partner_member, attachment=attachment, now=now)
        raise Abandoned
    assert draft.attachments.filter(pk=pk).exists()
    assert storage.exists(name)  # the row is back, and so is its file
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(
            actor=partner_member, attachment=draft.attachments.get(pk=pk), now=now
        )
    assert not draft.attachments.exists()
    assert not storage.exists(name)


def test_a_draft_is_private_to_its_organisation(open_call, partner_member, coordinator):
    partner = applicant(member=partner_member)
    draft = services.application_save_draft(
        actor=partner_member,
        call=open_call,
        partner=partner,
        now=DEADLINE - timedelta(days=1),
        proposal="まだ途中",
    )
    assert partner_member.has_perm("calls.view_application", draft)
    assert not coordinator.has_perm("calls.view_application", draft)
    submitted = services.application_submit(
        actor=partner_member,
        application=services.application_save_draft(
            actor=partner_member,
            call=open_call,
            partner=partner,
            now=DEADLINE - timedelta(days=1),
            plan="計画",
        ),
        now=DEADLINE - timedelta(days=1),
        confirmed_version=2,
    )
    assert coordinator.has_perm("calls.view_application", submitted)
    assert not UserFactory(roles=[Role.PARTNER_MEMBER]).has_perm(
        "calls.view_application", submitted
    )
