"""The partner's track record and the project's origin, shown by the pages of lower apps."""

import pytest
from django.urls import reverse

from kyodo.engagement import services
from kyodo.engagement.tests import factories
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_the_partner_page_counts_staff_and_lists_lectures_and_agreements(
    persona_client, staff_a, staff_b, department_a
):
    partner = PartnerFactory(name="地域の会")
    factories.activity(staff_a, partner=partner, description="秘密の活動内容")
    factories.activity(staff_a, partner=partner, date=factories.past(20))
    factories.activity(staff_b, partner=partner)
    factories.training(
        department_a, title="団体講師の研修", lecturer_kind="partner", lecturer_partner=partner
    )
    factories.agreement(department_a, partner=partner, title="地域の会との協定")
    page = persona_client("staff_b").get(reverse("partners:detail", args=[partner.pk]))
    text = page.content.decode()
    assert "3回（職員2人）" in text or "3 times (2 staff)" in text
    assert "団体講師の研修" in text and "地域の会との協定" in text
    assert "秘密の活動内容" not in text and staff_a.display_name not in text


def test_a_partner_without_engagement_shows_no_section(persona_client):
    partner = PartnerFactory(name="静かな会")
    text = persona_client("staff_a").get(reverse("partners:detail", args=[partner.pk]))
    assert "engagement-record" not in text.content.decode()


def test_the_project_says_which_dialogue_it_came_from(persona_client, session_a, staff_a):
    issue = factories.issue(session_a, text="通学路が暗い。")
    project = services.issue_to_project(actor=staff_a, issue=issue, title="通学路の安全")
    text = persona_client("staff_a").get(reverse("projects:overview", args=[project.pk]))
    text = text.content.decode()
    assert session_a.title in text
    assert reverse("engagement:issue_detail", args=[issue.pk]) in text
