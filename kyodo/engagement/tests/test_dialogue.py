"""Dialogue sessions and the issues raised: statuses, and an issue becoming a draft project."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kyodo.core.rules import PhaseRefused
from kyodo.engagement import selectors, services
from kyodo.engagement.models import IssueStatus
from kyodo.engagement.tests import factories
from kyodo.projects.models import ProjectStatus

pytestmark = pytest.mark.django_db


def test_staff_record_sessions_for_their_own_department(staff_a, department_a, department_b):
    session = services.dialogue_create(
        actor=staff_a,
        department=department_b,  # ignored: staff record for their own department
        kind="workshop",
        title="ワークショップ",
        date=factories.past(),
        place="公民館",
        topics="子育て",
    )
    assert session.department == department_a


def test_a_session_cannot_be_in_the_future(department_a):
    with pytest.raises(ValidationError):
        factories.session(department_a, date=timezone.localdate() + timedelta(days=2))


def test_declining_an_issue_needs_a_reason(session_a, staff_a):
    issue = factories.issue(session_a)
    with pytest.raises(ValidationError) as excinfo:
        services.issue_set_status(actor=staff_a, issue=issue, status=IssueStatus.DECLINED)
    assert "reason" in excinfo.value.error_dict
    services.issue_set_status(
        actor=staff_a, issue=issue, status=IssueStatus.DECLINED, reason="県の事業で対応"
    )
    issue.refresh_from_db()
    assert (issue.status, issue.reason) == (IssueStatus.DECLINED, "県の事業で対応")


def test_the_status_project_comes_only_from_a_project(session_a, staff_a):
    issue = factories.issue(session_a)
    with pytest.raises(ValidationError):
        services.issue_set_status(actor=staff_a, issue=issue, status=IssueStatus.PROJECT)


def test_an_issue_becomes_a_draft_project_carrying_its_text(session_a, staff_a, department_a):
    issue = factories.issue(session_a, text="海岸の漂着ごみが増え、地域だけでは片付けきれない。")
    project = services.issue_to_project(actor=staff_a, issue=issue, title="漂着ごみ対策")
    issue.refresh_from_db()
    assert issue.project == project
    assert issue.status == IssueStatus.PROJECT
    assert project.local_issue == issue.text
    assert project.status == ProjectStatus.IDEA
    assert project.department == department_a
    assert project.dialogue_issue == issue  # the link back
    with pytest.raises(PhaseRefused):
        services.issue_to_project(actor=staff_a, issue=issue, title="二度目")


def test_a_declined_issue_does_not_become_a_project(session_a, staff_a):
    issue = factories.issue(session_a)
    services.issue_set_status(
        actor=staff_a, issue=issue, status=IssueStatus.DECLINED, reason="対象外"
    )
    with pytest.raises(PhaseRefused):
        services.issue_to_project(actor=staff_a, issue=issue, title="x")


def test_other_departments_and_partners_may_not_act(session_a, staff_b, partner_member):
    issue = factories.issue(session_a)
    for person in (staff_b, partner_member):
        with pytest.raises(PermissionDenied):
            services.issue_to_project(actor=person, issue=issue, title="x")
        with pytest.raises(PermissionDenied):
            services.issue_add(actor=person, session=session_a, text="x")


def test_it_counts_issues_that_became_projects_per_fiscal_year(session_a, staff_a):
    issues = [factories.issue(session_a, text=f"課題{i}") for i in range(4)]
    services.issue_to_project(actor=staff_a, issue=issues[0], title="事業化")
    figures = selectors.issue_figures()[-1]
    assert figures.year == selectors.current_fiscal_year()
    assert (figures.raised, figures.became_projects, figures.share) == (4, 1, 0.25)


def test_an_edit_based_on_an_old_version_is_refused(session_a, staff_a, coordinator):
    services.dialogue_update(actor=coordinator, session=session_a, lock_version=0, place="別会場")
    with pytest.raises(ValidationError) as excinfo:
        services.dialogue_update(actor=staff_a, session=session_a, lock_version=0, place="x")
    assert any(e.code == "conflict" for e in excinfo.value.error_list)
