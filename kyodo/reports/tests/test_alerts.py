"""Each compliance alert: when it appears, and that it goes away once put right."""

import datetime

import pytest
from django.utils import timezone

from kyodo.calls import services as call_services
from kyodo.calls.models import Call, CallStatus
from kyodo.calls.tests.factories import make_call
from kyodo.cycles import services as cycle_services
from kyodo.cycles.models import Side
from kyodo.cycles.tests.factories import all_answers, make_project, new_cycle
from kyodo.engagement import services as engagement_services
from kyodo.engagement.tests import factories as engagement
from kyodo.guideline.selectors import current_version
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects.models import Project, ProjectStatus
from kyodo.reports.alerts import alerts_for
from kyodo.reports.tests.factories import finalised_agreement

pytestmark = pytest.mark.django_db
D = datetime.date


def kinds(department=None):
    return [alert.kind for alert in alerts_for(department)]


def test_a_cycle_past_its_end_without_both_verifications(department_a, department_b):
    project = make_project(department_a)
    cycle = new_cycle(project, period_start=D(2026, 4, 1), period_end=D(2026, 10, 31))
    assert kinds() == ["unverified_cycle"]
    assert kinds(department_a) == ["unverified_cycle"] and kinds(department_b) == []
    cycle_services.indicator_add(actor=None, cycle=cycle, name="参加者数", unit="人", target=50)
    for step in ("do", "check"):
        cycle = cycle_services.cycle_transition(actor=None, cycle=cycle, to_status=step)
    assert kinds() == ["unverified_cycle"]
    questions = list(current_version("verification").questions.all())
    for side in (Side.CITY, Side.PARTNER):
        verification = cycle_services.verification_save(
            actor=None, cycle=cycle, side=side, answers=all_answers(questions)
        )
        cycle_services.verification_submit(actor=None, verification=verification)
    assert kinds() == []


def test_an_agreement_past_its_validity_until_the_project_closes(department_a):
    project = make_project(department_a)
    finalised_agreement(project, valid_until=D(2026, 11, 30))
    assert kinds() == ["expired_agreement"]
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.CLOSED)
    assert kinds() == []


def test_a_subsidy_without_review_and_one_to_a_repeat_recipient():
    partner = PartnerFactory(name="補助の会")
    grants = [
        call_services.grant_record(
            actor=None,
            partner=partner,
            purpose="見守り",
            amount=100_000,
            term_start=D(year, 4, 1),
            term_end=D(year + 1, 3, 31),
        )
        for year in (2024, 2025, 2026)
    ]
    assert sorted(kinds()) == [
        "subsidy_repeat",
        "subsidy_unreviewed",
        "subsidy_unreviewed",
    ]
    for grant in grants[:2]:
        call_services.grant_review(actor=None, grant=grant, notes="自立に向けた計画を確認")
    assert kinds() == ["subsidy_repeat"]


def test_a_call_closed_long_ago_without_a_published_result(db):
    call = make_call()
    Call.objects.filter(pk=call.pk).update(
        deadline=timezone.now() - datetime.timedelta(days=90), status=CallStatus.EVALUATING
    )
    assert kinds() == ["call_without_result"]
    Call.objects.filter(pk=call.pk).update(status=CallStatus.PUBLISHED)
    assert kinds() == []


def test_a_dormant_and_an_ending_partnership_agreement(department_a, staff_a):
    dormant = engagement.agreement(department_a, starts_on=engagement.past(500))
    engagement.agreement(department_a, ends_on=timezone.localdate() + datetime.timedelta(days=10))
    assert sorted(kinds()) == ["agreement_dormant", "agreement_ending"]
    engagement_services.agreement_activity_add(
        actor=staff_a, agreement=dormant, date=engagement.past(3), title="合同の研修"
    )
    assert kinds() == ["agreement_ending"]
