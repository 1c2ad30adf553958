"""Every persona against every role home page: only the role's own persona gets in."""

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS

HOMES = {
    "accounts:administrator_home": {"administrator"},
    "accounts:coordinator_home": {"coordinator"},
    "accounts:staff_home": {"staff_a", "staff_b"},
    "accounts:partner_home": {"partner_member"},
    "accounts:evaluator_home": {"evaluator"},
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", list(HOMES))
def test_role_homes_are_for_their_role_only(persona_client, persona, url_name):
    response = persona_client(persona).get(reverse(url_name))
    if persona in HOMES[url_name]:
        assert response.status_code == 200
    elif persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 403
        assert "権限がありません" in response.content.decode()


def test_staff_home_shows_the_department(persona_client, staff_a):
    html = persona_client("staff_a").get(reverse("accounts:staff_home")).content.decode()
    assert "生活環境課" in html
    assert "わたしの仕事" in html


def test_administrator_home_counts_accounts_by_role(
    persona_client, administrator, staff_a, staff_b, django_assert_num_queries
):
    client = persona_client("administrator")
    response = client.get(reverse("accounts:administrator_home"))
    html = response.content.decode()
    assert "職員" in html
    assert "社会福祉課" in html


@pytest.mark.parametrize("extra_departments", [0, 10])
def test_coordinator_home_query_count_does_not_grow(
    persona_client, coordinator, extra_departments, django_assert_num_queries
):
    from kyodo.accounts.tests.factories import DepartmentFactory, UserFactory

    for _ in range(extra_departments):
        UserFactory(department=DepartmentFactory())
    client = persona_client("coordinator")
    with django_assert_num_queries(QUERIES_COORDINATOR_HOME):
        client.get(reverse("accounts:coordinator_home"))


# session, user, user's groups (rules), municipality, departments
QUERIES_COORDINATOR_HOME = 5


def test_the_administrator_is_told_when_tasks_wait_too_long(persona_client, settings):
    """A worker that died leaves tasks READY; the administrator's home says so (issue 12.8)."""
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from kyodo.core.tests.worker_tasks import say_done

    client = persona_client("administrator")
    assert "ワーカー" not in client.get(reverse("accounts:administrator_home")).content.decode()
    result = say_done.enqueue("stalled")
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - settings.KYODO_TASK_WAIT_WARNING - timedelta(minutes=1)
    )
    html = client.get(reverse("accounts:administrator_home")).content.decode()
    assert "1件" in html and "ワーカー" in html
