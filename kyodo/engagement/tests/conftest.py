import pytest

from kyodo.engagement.tests import factories


@pytest.fixture
def own_activity(staff_a):
    """An unpublished activity of staff_a: only they and coordinators may see it."""
    return factories.activity(staff_a, description="非公開の活動記録センチネル")


@pytest.fixture
def session_a(department_a):
    return factories.session(department_a, internal_note="参加者メモ：山田さん")


@pytest.fixture
def training_a(department_a):
    return factories.training(department_a)


@pytest.fixture
def agreement_a(department_a):
    return factories.agreement(department_a)
