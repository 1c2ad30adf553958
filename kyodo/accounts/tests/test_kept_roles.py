"""A person's roles kept until a record changes (accounts.models.User.role_names): read once
while nothing changes, and a role taken away or given takes effect on the very next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.accounts.roles import Role
from kyodo.accounts.services import user_set_roles
from kyodo.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("accounts:coordinator_home")  # the coordinators' only


def _group_queries(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    # The roles' query: the person's groups (not, say, the members of a department).
    roles = 'FROM "auth_group" INNER JOIN "accounts_user_groups"'
    return status, sum(roles in q["sql"] for q in captured.captured_queries)


def test_roles_are_read_once_while_nothing_changes(client, coordinator):
    client.force_login(coordinator)
    client.get(DASHBOARD)
    assert _group_queries(client, DASHBOARD) == (200, 0)
    assert _group_queries(client, reverse("reports:dashboard")) == (200, 0)


def test_a_role_taken_away_ends_on_the_next_page(client, coordinator):
    administrator = UserFactory(roles=[Role.ADMINISTRATOR])
    client.force_login(coordinator)
    assert client.get(DASHBOARD).status_code == 200
    user_set_roles(actor=administrator, user=coordinator, roles=[Role.STAFF])
    assert client.get(DASHBOARD).status_code == 403


def test_a_role_given_counts_on_the_next_page(client, staff_a):
    client.force_login(staff_a)
    assert client.get(DASHBOARD).status_code == 403
    staff_a.groups.add(*UserFactory(roles=[Role.COORDINATOR]).groups.all())
    assert client.get(DASHBOARD).status_code == 200


def test_another_person_has_their_own_roles(client, coordinator, staff_a):
    client.force_login(coordinator)
    assert client.get(DASHBOARD).status_code == 200
    client.force_login(staff_a)
    assert client.get(DASHBOARD).status_code == 403
