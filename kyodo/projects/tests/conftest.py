"""Fixtures for the project tests: a project of department A with one participating partner
whose member is the `partner_member` persona, and a member of another organisation."""

import pytest

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.guideline.selectors import current_version
from kyodo.partners.tests.factories import PartnerFactory, membership
from kyodo.projects import services
from kyodo.projects.models import Decision, Project
from kyodo.projects.suitability import favourable_answers
from kyodo.projects.tests.factories import ProjectFactory


@pytest.fixture
def partner(partner_member):
    partner = PartnerFactory(name="網走の海を守る会")
    membership(partner, partner_member)
    return partner


@pytest.fixture
def other_partner_member(db):
    user = UserFactory(username="p_other_partner", roles=[Role.PARTNER_MEMBER])
    membership(PartnerFactory(name="別の団体"), user)
    return user


@pytest.fixture
def new_project(department_a):
    """A project of department A that no partner takes part in yet."""
    return ProjectFactory(title="海岸清掃の協働", department=department_a)


@pytest.fixture
def project(department_a, partner):
    project = ProjectFactory(department=department_a)
    services.participation_add(actor=None, project=project, partner=partner, role="清掃")
    return project


def answer_all(project, decision=Decision.PROCEED, reason=""):
    questions = current_version("suitability").questions.all()
    services.suitability_check_save(
        actor=None,
        project=project,
        answers=favourable_answers(questions),
        decision=decision,
        reason=reason,
    )
    return Project.objects.get(pk=project.pk)


@pytest.fixture
def forming_project(project):
    return answer_all(project)
