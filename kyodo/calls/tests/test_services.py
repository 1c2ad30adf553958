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
from kyodo.calls.models import ApplicationStatus, CallStatus, Criterion
from kyodo.calls.services import CriterionInput
from kyodo.calls.tests.factories import (
    applicant,
    forming_project,
    make_call,
    make_evaluator,
    score_all,
    submit,
    to_evaluation,
)
from kyodo.projects.models import ProjectStatus
from kyodo.projects.tests.factories import ProjectFactory

TOKYO = ZoneInfo("Asia/Tokyo")
# 17:00 in Japan is 08:00 UTC: the boundary must be judged in Japan time.
DEADLINE = datetime(2026, 12, 25, 17, 0, tzinfo=TOKYO)


def codes(excinfo) -> set:
    error = excinfo.value
    if hasattr(error, "error_dict"):  # a refusal naming its field (the upload check)
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


# --- Calls and criteria -----------------------------------------------------------------------


def test_a_new_call_gets_the_guidelines_four_capability_criteria(coordinator):
    call = make_call(open_=False)
    call = services.call_update(actor=coordinator, call=call, title="新しい題名")
    names = [c.name for c in call.criteria.all()]
    assert names[:4] == [
        "活動内容、活動実績",
        "事業の遂行能力",
        "事業目的を達成するための適性や企画力",
        "組織体制、組織運営(財政状況等)",
    ]
    assert {c.kind for c in call.criteria.all()[:4]} == {"capability"}
    assert sum(c.weight for c in call.criteria.all()) == 100
    assert call.status == CallStatus.DRAFT


def test_only_a_forming_project_can_have_a_call(coordinator, department_a):
    with pytest.raises(ValidationError) as excinfo:
        make_call(ProjectFactory(department=department_a, status=ProjectStatus.IDEA), open_=False)
    assert codes(excinfo) == {"project_not_forming"}


@pytest.mark.parametrize(
    "persona", ["administrator", "staff_a", "staff_b", "partner_member", "evaluator", "outsider"]
)
def test_only_coordinators_manage_calls(request, persona):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.call_create(
            actor=actor,
            project=forming_project(),
            title="x",
            purpose="x",
            eligibility="x",
            deadline=DEADLINE,
        )
    call = make_call(open_=False)
    with pytest.raises(PermissionDenied):
        services.call_open(actor=actor, call=call)


def test_weights_must_sum_to_100(coordinator):
    call = make_call(open_=False)
    with pytest.raises(ValidationError) as excinfo:
        services.criteria_set(
            actor=coordinator,
            call=call,
            criteria=[CriterionInput("実績", 50), CriterionInput("提案", 40)],
        )
    assert codes(excinfo) == {"weights_not_100"}
    assert "90" in excinfo.value.messages[0]
    assert call.criteria.count() == 7  # the previous set is untouched
    services.criteria_set(
        actor=coordinator,
        call=call,
        criteria=[CriterionInput("実績", 60, 10), CriterionInput("提案", 40, 5)],
    )
    assert [(c.name, c.weight, c.max_score) for c in call.criteria.all()] == [
        ("実績", 60, 10),
        ("提案", 40, 5),
    ]


def test_criteria_and_method_are_locked_once_open(coordinator):
    call = make_call(open_=False)
    services.call_open(actor=coordinator, call=call)
    with pytest.raises(ValidationError) as excinfo:
        services.criteria_set(actor=coordinator, call=call, criteria=[CriterionInput("x", 100)])
    assert codes(excinfo) == {"criteria_locked"}
    with pytest.raises(ValidationError) as excinfo:
        services.call_update(actor=coordinator, call=call, selection_method="presentation")
    assert codes(excinfo) == {"method_locked"}
    # Other fields (e.g. the contact) may still be corrected.
    services.call_update(actor=coordinator, call=call, contact="生活環境課 0152-44-6111")
    assert Criterion.objects.filter(call=call).count() == 7


def test_status_transitions_in_order(coordinator):
    call = make_call(open_=False, deadline=DEADLINE)
    before = DEADLINE - timedelta(days=1)
    with pytest.raises(ValidationError):
        services.call_close(actor=coordinator, call=call, now=DEADLINE + timedelta(minutes=1))
    call = services.call_open(actor=coordinator, call=call, now=before)
    assert call.status == CallStatus.OPEN and call.publication_date is not None
    with pytest.raises(ValidationError) as excinfo:
        services.call_close(actor=coordinator, call=call, now=DEADLINE)
    assert codes(excinfo) == {"before_deadline"}
    submit(call, applicant(), now=before)
    call = services.call_close(actor=coordinator, call=call, now=DEADLINE + timedelta(seconds=1))
    with pytest.raises(ValidationError) as excinfo:
        services.call_start_evaluation(actor=coordinator, call=call)
    assert codes(excinfo) == {"no_evaluators"}
    services.evaluator_assign(actor=coordinator, call=call, evaluator=make_evaluator())
    call = services.call_start_evaluation(actor=coordinator, call=call)
    assert call.status == CallStatus.EVALUATING
    with pytest.raises(ValidationError) as excinfo:
        services.call_publish_result(actor=coordinator, call=call)
    assert codes(excinfo) == {"bad_transition"}


def test_a_call_cannot_open_with_its_deadline_passed(coordinator):
    call = make_call(open_=False, deadline=DEADLINE)
    with pytest.raises(ValidationError) as excinfo:
        services.call_open(actor=coordinator, call=call, now=DEADLINE + timedelta(seconds=1))
    assert codes(excinfo) == {"deadline_passed"}


# --- Applications and the deadline ----------------------------------------------------------


@pytest.fixture
def open_call(db):
    call = make_call(open_=False, deadline=DEADLINE)
    return services.call_open(actor=None, call=call, now=DEADLINE - timedelta(days=20))


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
        actor=partner_member, application=draft, now=just_before
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
        services.application_submit(actor=partner_member, application=draft, now=just_after)
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


class Abandoned(Exception):
    """Raised by a test after a service call, so that the caller's transaction rolls back."""


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
        services.application_submit(actor=partner_member, application=draft, now=now)
        raise Abandoned
    assert callbacks == [] and mail.outbox == []
    draft.refresh_from_db()
    assert (draft.status, draft.receipt_number) == (ApplicationStatus.DRAFT, None)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.application_submit(actor=partner_member, application=draft, now=now)
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
    pdf = SimpleUploadedFile("企画書.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    attachment = services.attachment_add(
        actor=partner_member, application=draft, upload=pdf, now=now
    )
    assert attachment.original_name == "企画書.pdf"
    assert attachment.file.read().startswith(b"%PDF")
    draft.refresh_from_db()
    assert draft.proposal == "提案"


# --- Evaluation -------------------------------------------------------------------------------


@pytest.fixture
def evaluating(open_call):
    """A call under evaluation with two applications and two evaluators."""
    before = DEADLINE - timedelta(days=1)
    a = submit(open_call, applicant("団体A"), now=before)
    b = submit(open_call, applicant("団体B"), now=before)
    first, second = make_evaluator(username="eva1"), make_evaluator(username="eva2")
    assignments = to_evaluation(open_call, [first, second])
    open_call.refresh_from_db()
    return open_call, [a, b], assignments


def test_only_users_with_the_evaluator_role_are_assigned(open_call, coordinator, staff_a):
    with pytest.raises(ValidationError) as excinfo:
        services.evaluator_assign(actor=coordinator, call=open_call, evaluator=staff_a)
    assert codes(excinfo) == {"not_evaluator"}


def test_scoring_needs_a_declaration_first(evaluating):
    call, (a, _b), (first, _second) = evaluating
    criteria = list(call.criteria.all())
    with pytest.raises(ValidationError) as excinfo:
        services.scores_save(
            actor=first.evaluator,
            assignment=first,
            application=a,
            values={c.pk: 3 for c in criteria},
        )
    assert codes(excinfo) == {"not_declared"}


def test_a_declared_conflict_excludes_the_evaluator(evaluating):
    call, (a, b), (first, _second) = evaluating
    services.conflict_declare(
        actor=first.evaluator,
        assignment=first,
        application=a,
        has_conflict=True,
        note="団体Aの会員です",
    )
    with pytest.raises(ValidationError) as excinfo:
        services.scores_save(
            actor=first.evaluator,
            assignment=first,
            application=a,
            values={c.pk: 3 for c in call.criteria.all()},
        )
    assert codes(excinfo) == {"conflict"}
    score_all(first, b, [3] * 7)
    # The conflicted application does not need scores for the evaluator to finish.
    services.evaluation_submit(actor=first.evaluator, assignment=first)


def test_scores_outside_the_scale_are_refused(evaluating):
    call, (a, _b), (first, _second) = evaluating
    services.conflict_declare(
        actor=first.evaluator, assignment=first, application=a, has_conflict=False
    )
    criteria = list(call.criteria.all())
    for bad in (0, 6, -1):
        values = {c.pk: 3 for c in criteria} | {criteria[0].pk: bad}
        with pytest.raises(ValidationError) as excinfo:
            services.scores_save(
                actor=first.evaluator, assignment=first, application=a, values=values
            )
        assert codes(excinfo) == {"out_of_scale"}
    assert not first.scores.exists()


def test_an_evaluator_cannot_use_another_evaluators_assignment(evaluating):
    _call, (a, _b), (first, second) = evaluating
    with pytest.raises(PermissionDenied):
        services.conflict_declare(
            actor=second.evaluator, assignment=first, application=a, has_conflict=False
        )


def test_submission_needs_every_application_declared_and_scored(evaluating):
    _call, (a, b), (first, _second) = evaluating
    score_all(first, a, [3] * 7)
    with pytest.raises(ValidationError) as excinfo:
        services.evaluation_submit(actor=first.evaluator, assignment=first)
    assert codes(excinfo) == {"not_declared"}
    services.conflict_declare(
        actor=first.evaluator, assignment=first, application=b, has_conflict=False
    )
    with pytest.raises(ValidationError) as excinfo:
        services.evaluation_submit(actor=first.evaluator, assignment=first)
    assert codes(excinfo) == {"incomplete_scores"}
    score_all(first, b, [4] * 7)
    services.evaluation_submit(actor=first.evaluator, assignment=first)
    with pytest.raises(ValidationError):
        score_all(first, b, [5] * 7)


def test_decision_adds_the_selected_partner_to_the_project(
    evaluating, coordinator, django_capture_on_commit_callbacks
):
    call, (a, b), (first, second) = evaluating
    with pytest.raises(ValidationError) as excinfo:
        services.call_decide(actor=coordinator, call=call, selected=[a], reason="理由")
    assert codes(excinfo) == {"evaluation_unfinished"}
    for assignment in (first, second):
        score_all(assignment, a, [5] * 7)
        score_all(assignment, b, [3] * 7)
        services.evaluation_submit(actor=assignment.evaluator, assignment=assignment)
    with pytest.raises(ValidationError) as excinfo:
        services.call_decide(actor=coordinator, call=call, selected=[a], reason=" ")
    assert codes(excinfo) == {"no_reason"}
    call = services.call_decide(
        actor=coordinator, call=call, selected=[a], reason="実績と提案の実現性"
    )
    assert call.status == CallStatus.DECIDED
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED)
    assert list(call.project.partners.all()) == [a.partner]

    mail.outbox.clear()
    # A publication rolled back by its caller tells nobody.
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abandoned),
        transaction.atomic(),
    ):
        services.call_publish_result(actor=coordinator, call=call)
        raise Abandoned
    assert callbacks == []
    assert mail.outbox == []
    call.refresh_from_db()
    assert call.status == CallStatus.DECIDED

    with django_capture_on_commit_callbacks(execute=True):
        call = services.call_publish_result(actor=coordinator, call=call)
    assert call.status == CallStatus.PUBLISHED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [a.partner.contact_email, b.partner.contact_email]
    )
    assert {m.subject for m in mail.outbox} == {f"公募の選定結果：{call.title}"}
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert len(bodies) == 2
    assert "選定されました" in bodies[a.partner.contact_email]
    assert "選定されませんでした" in bodies[b.partner.contact_email]
    assert f"/calls/{call.pk}/result/" in bodies[a.partner.contact_email]


def test_evaluators_cannot_be_removed_once_they_have_started(evaluating, coordinator):
    _call, (a, _b), (first, _second) = evaluating
    services.conflict_declare(
        actor=first.evaluator, assignment=first, application=a, has_conflict=False
    )
    with pytest.raises(ValidationError):
        services.evaluator_unassign(actor=coordinator, assignment=first)


def test_a_decided_call_can_no_longer_be_edited(evaluating, coordinator):
    call, (a, b), assignments = evaluating
    for assignment in assignments:
        score_all(assignment, a, [4] * 7)
        score_all(assignment, b, [4] * 7)
        services.evaluation_submit(actor=None, assignment=assignment)
    services.call_decide(actor=coordinator, call=call, selected=[a, b], reason="二団体とも適格")
    with pytest.raises(ValidationError) as excinfo:
        services.call_update(actor=coordinator, call=call, title="変更")
    assert codes(excinfo) == {"call_decided"}
    with pytest.raises(ValidationError):
        services.evaluator_assign(actor=coordinator, call=call, evaluator=make_evaluator())
    # Two organisations may be selected together; both join the project.
    assert call.project.partners.count() == 2


def test_an_unstarted_evaluator_can_be_removed(open_call, coordinator):
    assignment = services.evaluator_assign(
        actor=coordinator, call=open_call, evaluator=make_evaluator()
    )
    again = services.evaluator_assign(
        actor=coordinator, call=open_call, evaluator=assignment.evaluator
    )
    assert again.pk == assignment.pk
    services.evaluator_unassign(actor=coordinator, assignment=assignment)
    assert not open_call.assignments.exists()


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
    png = SimpleUploadedFile("map.png", b"\x89PNG\r\n\x1a\n....")
    kept = services.attachment_add(actor=partner_member, application=draft, upload=png, now=now)
    removed = services.attachment_add(
        actor=partner_member,
        application=draft,
        upload=SimpleUploadedFile("old.png", b"\x89PNG\r\n\x1a\n...."),
        now=now,
    )
    services.attachment_remove(actor=partner_member, attachment=removed, now=now)
    assert list(draft.attachments.all()) == [kept]
    services.application_submit(actor=partner_member, application=draft, now=now)
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
    png = SimpleUploadedFile("map.png", b"\x89PNG\r\n\x1a\n....")
    attachment = services.attachment_add(
        actor=partner_member, application=draft, upload=png, now=now
    )
    storage, name, pk = attachment.file.storage, attachment.file.name, attachment.pk
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.attachment_remove(actor=partner_member, attachment=attachment, now=now)
            raise RuntimeError("rolled back")
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
    )
    assert coordinator.has_perm("calls.view_application", submitted)
    assert not UserFactory(roles=[Role.PARTNER_MEMBER]).has_perm(
        "calls.view_application", submitted
    )


def test_a_review_needs_words(coordinator):
    partner = applicant()
    grant = services.grant_record(
        actor=coordinator,
        partner=partner,
        purpose="p",
        amount=1,
        term_start=DEADLINE.date(),
        term_end=DEADLINE.date(),
    )
    with pytest.raises(ValidationError):
        services.grant_review(actor=coordinator, grant=grant, notes="  ")
    services.grant_review(actor=coordinator, grant=grant, notes="成果あり")
    grant.refresh_from_db()
    assert grant.reviewed_on is not None and grant.review_notes == "成果あり"
