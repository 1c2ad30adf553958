"""Test data for calls, built on the shared factories (projects' ProjectFactory, partners'
PartnerFactory and membership) and the calls services."""

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import DepartmentFactory, UserFactory
from kyodo.accounts.tests.personas import PERSONAS
from kyodo.calls import services
from kyodo.partners.tests.factories import PartnerFactory, membership
from kyodo.projects.models import ProjectStatus
from kyodo.projects.tests.factories import ProjectFactory

_numbers = itertools.count(1)

TOKYO = ZoneInfo("Asia/Tokyo")
# 17:00 in Japan is 08:00 UTC: the boundary must be judged in Japan time.
DEADLINE = datetime(2026, 12, 25, 17, 0, tzinfo=TOKYO)

# The shared personas and the evaluator who declared a conflict with the world's application
# of the persona partner member's organisation (and has not declared on the other one).
CALL_PERSONAS = [*PERSONAS, "conflicted_evaluator"]
# What the application of the persona partner member's organisation says: no one excluded from
# its evaluation may read it.
PROPOSAL_SENTINEL = "利益相反確認用の提案本文"
ATTACHMENT_NAME = "企画書_利益相反確認.pdf"


class Abandoned(Exception):
    """Raised by a test after a service call, so that the caller's transaction rolls back."""


def codes(excinfo) -> set:
    error = excinfo.value
    if hasattr(error, "error_dict"):  # a refusal naming its field (the upload check)
        return {e.code for errors in error.error_dict.values() for e in errors}
    return {e.code for e in error.error_list}


def forming_project(department=None, **fields):
    """A project forming its partnership: the only kind a call can be made for."""
    fields.setdefault("status", ProjectStatus.FORMING)
    return ProjectFactory(department=department or DepartmentFactory(), **fields)


def applicant(name=None, *, member=None, **fields):
    """An organisation that applies, with its own contact address (mails are told apart by it)
    and, if given, `member` as one of its members."""
    if name is not None:
        fields["name"] = name
    fields.setdefault("contact_email", f"contact{next(_numbers)}@example.jp")
    partner = PartnerFactory(**fields)
    if member is not None:
        membership(partner, member)
    return partner


def make_evaluator(**kwargs):
    return UserFactory(roles=[Role.EVALUATOR], **kwargs)


def make_call(project=None, *, deadline=None, open_=True, criteria=None, **fields):
    now = timezone.now()
    call = services.call_create(
        actor=None,
        project=project or forming_project(),
        criteria=criteria,
        title=fields.pop("title", "海岸清掃パートナー募集"),
        purpose=fields.pop("purpose", "海岸をきれいにする"),
        eligibility=fields.pop("eligibility", "市内の団体"),
        deadline=deadline or now + timedelta(days=10),
        **fields,
    )
    if open_:
        call = services.call_open(actor=None, call=call)
    return call


def submit(call, partner, *, now=None, **fields):
    fields.setdefault("proposal", "提案")
    fields.setdefault("plan", "計画")
    draft = services.application_save_draft(
        actor=None, call=call, partner=partner, now=now, **fields
    )
    return services.application_submit(actor=None, application=draft, now=now)


def to_evaluation(call, evaluators, *, after=None):
    """Close the call (as if after its deadline), assign the evaluators, start evaluating."""
    after = after or call.deadline + timedelta(minutes=1)
    call = services.call_close(actor=None, call=call, now=after)
    assignments = [
        services.evaluator_assign(actor=None, call=call, evaluator=e) for e in evaluators
    ]
    services.call_start_evaluation(actor=None, call=call)
    for assignment in assignments:
        assignment.refresh_from_db()
    return assignments


def score_all(assignment, application, values):
    """Declare no conflict and score: values is a list in criteria order."""
    services.conflict_declare(
        actor=None, assignment=assignment, application=application, has_conflict=False
    )
    criteria = list(assignment.call.criteria.all())
    return services.scores_save(
        actor=None,
        assignment=assignment,
        application=application,
        values={c.pk: v for c, v in zip(criteria, values, strict=True)},
        comments={criteria[0].pk: f"{assignment.evaluator.username}の講評"},
    )
