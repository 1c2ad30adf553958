"""Test data for calls: projects and partners are made with the ORM (their apps are owned by
others and change in parallel)."""

import itertools
from datetime import timedelta

from django.utils import timezone

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import DepartmentFactory, UserFactory
from kyodo.calls import services
from kyodo.partners.models import Partner, PartnerMembership, PartnerType
from kyodo.projects.models import Project


def make_project(department=None, status="forming", title="海岸清掃の協働"):
    return Project.objects.create(
        title=title, department=department or DepartmentFactory(), status=status
    )


_numbers = itertools.count(1)


def make_partner(name="網走の海を守る会", member=None, email=None):
    if email is None:
        email = f"contact{next(_numbers)}@example.jp"
    partner_type, _ = PartnerType.objects.get_or_create(name="市民活動団体")
    partner = Partner.objects.create(
        name=name, partner_type=partner_type, contact_email=email, contact_phone="0152-44-6111"
    )
    if member is not None:
        PartnerMembership.objects.create(partner=partner, user=member)
    return partner


def make_member(partner=None, username=None):
    kwargs = {"username": username} if username else {}
    user = UserFactory(roles=[Role.PARTNER_MEMBER], **kwargs)
    if partner is not None:
        PartnerMembership.objects.create(partner=partner, user=user)
    return user


def make_evaluator(**kwargs):
    return UserFactory(roles=[Role.EVALUATOR], **kwargs)


def make_call(project=None, *, deadline=None, open_=True, criteria=None, **fields):
    now = timezone.now()
    call = services.call_create(
        actor=None,
        project=project or make_project(),
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
