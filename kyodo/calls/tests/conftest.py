"""Fixtures of the calls tests: an open call, one under evaluation, and a world of calls in
every state for the page tests, with one more persona: an evaluator with a declared conflict.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.calls import services
from kyodo.calls.models import Call
from kyodo.calls.tests.factories import (
    ATTACHMENT_NAME,
    DEADLINE,
    PROPOSAL_SENTINEL,
    applicant,
    forming_project,
    make_call,
    make_evaluator,
    score_all,
    submit,
    to_evaluation,
)
from kyodo.core.tests.helpers import sample_pdf


@pytest.fixture
def conflicted_evaluator(db):
    return UserFactory(username="p_conflicted", roles=[Role.EVALUATOR])


@pytest.fixture
def open_call(db):
    call = make_call(open_=False, deadline=DEADLINE)
    return services.call_open(actor=None, call=call, now=DEADLINE - timedelta(days=20))


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


@pytest.fixture
def world(department_a, partner_member, evaluator, conflicted_evaluator, settings, tmp_path):
    """An open call, a call under evaluation (the persona evaluator and the conflicted one
    assigned, the persona partner member's organisation applied with an attachment; the
    conflicted evaluator declared a conflict with it) and a published result."""
    settings.MEDIA_ROOT = tmp_path
    now = timezone.now()
    own = applicant("網走の海を守る会", member=partner_member)
    other = applicant("オホーツク研究会")
    open_call = make_call(forming_project(department_a, title="公開中の事業"), title="公開中の公募")
    evaluating = make_call(
        forming_project(department_a, title="審査中の事業"), title="審査中の公募"
    )
    own_draft = services.application_save_draft(
        actor=None, call=evaluating, partner=own, proposal=PROPOSAL_SENTINEL, plan="計画"
    )
    pdf = SimpleUploadedFile(ATTACHMENT_NAME, sample_pdf(), content_type="application/pdf")
    attachment = services.attachment_add(actor=None, application=own_draft, upload=pdf)
    own_app = services.application_submit(actor=None, application=own_draft)
    other_app = submit(evaluating, other)
    Call.objects.filter(pk=evaluating.pk).update(deadline=now - timedelta(minutes=1))
    evaluating.refresh_from_db()
    assignment, conflicted = to_evaluation(evaluating, [evaluator, conflicted_evaluator], after=now)
    services.conflict_declare(
        actor=conflicted_evaluator,
        assignment=conflicted,
        application=own_app,
        has_conflict=True,
        note="団体の会員です",
    )
    published = make_call(
        forming_project(department_a, title="決定済みの事業"), title="決定済みの公募"
    )
    winner = submit(published, applicant("選ばれた会"))
    loser = submit(published, applicant("選ばれなかった会"))
    Call.objects.filter(pk=published.pk).update(deadline=now - timedelta(minutes=1))
    published.refresh_from_db()
    (pub_assignment,) = to_evaluation(published, [make_evaluator()], after=now)
    score_all(pub_assignment, winner, [5, 5, 4, 4, 5, 4, 4])
    score_all(pub_assignment, loser, [2, 3, 3, 2, 3, 3, 2])
    services.evaluation_submit(actor=None, assignment=pub_assignment)
    services.call_decide(actor=None, call=published, selected=[winner], reason="実現性が高い")
    services.call_publish_result(actor=None, call=published)
    draft_call = make_call(
        forming_project(department_a, title="下書きの事業"), open_=False, title="下書きの公募"
    )
    return {
        "open": open_call,
        "evaluating": evaluating,
        "published": published,
        "draft": draft_call,
        "own_app": own_app,
        "other_app": other_app,
        "assignment": assignment,
        "conflicted_assignment": conflicted,
        "attachment": attachment,
        "winner": winner,
    }
