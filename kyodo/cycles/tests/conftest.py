"""A running project of department A in which `partner_member` acts for the partner; the
builders are in kyodo.cycles.tests.factories."""

import pytest

from kyodo.cycles import services
from kyodo.cycles.tests.factories import make_project
from kyodo.guideline.selectors import current_version


@pytest.fixture
def project(department_a, partner_member):
    return make_project(department_a, member=partner_member)


@pytest.fixture
def verification_questions(db):
    return list(current_version(services.VERIFICATION_CHECKLIST).questions.all())
