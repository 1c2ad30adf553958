"""The signed-in person kept until a record changes (accounts/backends.py KeptUserBackend):
a page read again reads the session but not the person's row, and every change of the person
— deactivated, deleted, a new password, a new name — counts on the very next request."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
HOME = reverse("accounts:staff_home")


def _user_reads(client, url=HOME) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    return status, sum('FROM "accounts_user"' in q["sql"] for q in captured.captured_queries)


def test_the_signed_in_person_is_read_once_while_nothing_changes(client, staff_a):
    client.force_login(staff_a)
    assert client.get(HOME).status_code == 200
    assert _user_reads(client, HOME + "?again=1") == (200, 0)
    assert _user_reads(client, reverse("projects:list")) == (200, 0)


def test_a_deactivated_person_is_signed_out_on_the_next_request(client, staff_a):
    client.force_login(staff_a)
    assert client.get(HOME).status_code == 200
    staff_a.is_active = False
    staff_a.save()
    response = client.get(HOME + "?again=1")
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_deleted_person_is_signed_out_on_the_next_request(client):
    person = UserFactory(username="leaving")
    client.force_login(person)
    assert client.get(reverse("accounts:home")).status_code in (200, 302)
    person.delete()
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_password_changed_elsewhere_ends_the_other_sessions(client, staff_a):
    client.force_login(staff_a)
    assert client.get(HOME).status_code == 200
    person = get_user_model().objects.get(pk=staff_a.pk)
    person.set_password("a-new-long-password-2026")
    person.save()
    response = client.get(HOME + "?again=1")
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_new_name_shows_at_once_and_each_person_is_their_own(staff_a, staff_b):
    first, second = Client(), Client()
    first.force_login(staff_a)
    second.force_login(staff_b)
    assert str(staff_a) in first.get(HOME).content.decode()
    assert str(staff_b) in second.get(HOME).content.decode()
    staff_a.display_name = "網走 花子"
    staff_a.save()
    assert "網走 花子" in first.get(HOME + "?again=1").content.decode()
    other = second.get(HOME + "?again=1").content.decode()
    assert "網走 花子" not in other and str(staff_b) in other
