"""Django's admin site cannot change roles behind user_set_roles' back."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from kyodo.accounts.models import User
from kyodo.accounts.roles import Role
from kyodo.core.tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db


def change_form_data(client, user) -> dict:
    response = client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    return admin_form_data(response)


def test_roles_edited_in_the_admin_go_through_the_service(client, administrator, evaluator):
    client.force_login(administrator)
    data = change_form_data(client, evaluator)
    assert data["roles"] == ["evaluator"]
    before = evaluator.history.count()
    data["roles"] = ["administrator", "partner_member"]
    # Django's own fields are not on the form: posting them changes nothing.
    data["groups"] = [Group.objects.get(name="staff").pk]
    response = client.post(reverse("admin:accounts_user_change", args=[evaluator.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(pk=evaluator.pk)
    assert user.roles == [Role.ADMINISTRATOR, Role.PARTNER_MEMBER]
    # user_set_roles keeps the admin flags with the administrator role ...
    assert user.is_staff and user.is_superuser
    # ... and records the change, groups included, as made by the administrator.
    record = user.history.first()
    assert user.history.count() > before
    assert record.history_user == administrator
    assert {row.group.name for row in record.groups.all()} == {"administrator", "partner_member"}


def test_the_admin_flags_cannot_be_set_by_hand(client, administrator, evaluator):
    client.force_login(administrator)
    data = change_form_data(client, evaluator)
    data.update(is_staff="on", is_superuser="on")
    response = client.post(reverse("admin:accounts_user_change", args=[evaluator.pk]), data)
    assert response.status_code == 302
    user = User.objects.get(pk=evaluator.pk)
    assert not user.is_staff and not user.is_superuser
    assert user.roles == [Role.EVALUATOR]


def test_saving_without_changing_roles_leaves_them(client, administrator, staff_a):
    client.force_login(administrator)
    data = change_form_data(client, staff_a)
    data["display_name"] = "改名 職員"
    response = client.post(reverse("admin:accounts_user_change", args=[staff_a.pk]), data)
    assert response.status_code == 302
    user = User.objects.get(pk=staff_a.pk)
    assert user.display_name == "改名 職員"
    assert user.roles == [Role.STAFF]


def test_role_groups_are_shown_but_not_edited(client, administrator):
    client.force_login(administrator)
    group = Group.objects.get(name="coordinator")
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_group_change", args=[group.pk])).status_code == 200
    response = client.post(reverse("admin:auth_group_change", args=[group.pk]), {"name": "x"})
    assert response.status_code == 403
    assert client.get(reverse("admin:auth_group_add")).status_code == 403
    assert client.post(reverse("admin:auth_group_delete", args=[group.pk])).status_code == 403
    assert Group.objects.filter(name="coordinator").exists()
