"""A running project of department A in which `partner_member` acts for the partner, and
helpers that walk a cycle to a given phase through the services."""

import datetime

import pytest

from kyodo.cycles import services
from kyodo.cycles.models import Side
from kyodo.guideline.selectors import current_version
from kyodo.partners.models import Partner, PartnerMembership, PartnerType
from kyodo.projects.models import CostLine, Participation, Project

START = datetime.date(2026, 4, 1)
END = datetime.date(2027, 3, 31)


def make_project(department, *, title="海岸清掃と環境学習", member=None, status="running"):
    project = Project.objects.create(
        title=title, department=department, status=status, form="jigyo_kyoryoku"
    )
    partner = Partner.objects.create(
        name=f"（テスト）{title}の会",
        partner_type=PartnerType.objects.get_or_create(name="ボランティア団体")[0],
    )
    Participation.objects.create(project=project, partner=partner, role="清掃")
    if member is not None:
        PartnerMembership.objects.create(partner=partner, user=member)
    CostLine.objects.create(project=project, item="消耗品費", amount=48000, bearer="city")
    CostLine.objects.create(project=project, item="保険料", amount=12600, bearer="partner")
    return project


@pytest.fixture
def project(department_a, partner_member):
    return make_project(department_a, member=partner_member)


@pytest.fixture
def verification_questions(db):
    return list(current_version(services.VERIFICATION_CHECKLIST).questions.all())


def all_answers(questions, rating=3, comment=""):
    return {q.pk: (rating, comment) for q in questions}


def new_cycle(project, **kwargs):
    return services.cycle_create(
        actor=None,
        project=project,
        period_start=kwargs.pop("period_start", START),
        period_end=kwargs.pop("period_end", END),
        fiscal_year=kwargs.pop("fiscal_year", 2026),
        goals=kwargs.pop("goals", "海岸をきれいにする"),
    )


def cycle_in(project, phase: str, *, city_rating=3, partner_rating=3):
    """A cycle of `project` brought to `phase` by the system (actor None)."""
    cycle = new_cycle(project)
    services.indicator_add(actor=None, cycle=cycle, name="参加者数", unit="人", target=100)
    order = ["plan", "do", "check", "act"]
    for step in order[1 : order.index(phase) + 1]:
        if step == "act":
            questions = list(current_version("verification").questions.all())
            for side, rating in ((Side.CITY, city_rating), (Side.PARTNER, partner_rating)):
                v = services.verification_save(
                    actor=None, cycle=cycle, side=side, answers=all_answers(questions, rating)
                )
                services.verification_submit(actor=None, verification=v)
        cycle = services.cycle_transition(actor=None, cycle=cycle, to_status=step)
    return cycle
