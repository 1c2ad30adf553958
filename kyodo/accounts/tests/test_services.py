import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.accounts.models import User
from kyodo.accounts.roles import Role
from kyodo.accounts.services import department_create, user_create, user_set_roles


def test_administrator_creates_departments_and_users(administrator):
    department = department_create(actor=administrator, bureau="企画総務部", name="企画調整課")
    user = user_create(
        actor=administrator,
        username="new_staff",
        password="a-long-password-2026",
        display_name="新任 職員",
        roles=[Role.STAFF],
        department=department,
    )
    assert user.has_role(Role.STAFF)
    assert user.department == department
    assert user.check_password("a-long-password-2026")
    assert user.history.count() >= 1


@pytest.mark.parametrize(
    "persona", ["coordinator", "staff_a", "partner_member", "evaluator", "outsider"]
)
def test_only_administrators_manage_accounts(request, persona):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        department_create(actor=actor, bureau="企画総務部", name="総務課")
    with pytest.raises(PermissionDenied):
        user_create(actor=actor, username="someone", password=None)
    with pytest.raises(PermissionDenied):
        user_set_roles(actor=actor, user=actor, roles=[Role.ADMINISTRATOR])


def test_duplicate_department_is_refused(administrator):
    department_create(actor=administrator, bureau="企画総務部", name="企画調整課")
    with pytest.raises(ValidationError):
        department_create(actor=administrator, bureau="企画総務部", name="企画調整課")


def test_administrator_role_opens_the_admin_site(administrator):
    user = user_create(actor=administrator, username="second_admin", password=None)
    assert not user.is_staff
    user_set_roles(actor=administrator, user=user, roles=[Role.ADMINISTRATOR])
    user = User.objects.get(pk=user.pk)
    assert user.is_staff and user.is_superuser
    assert user.primary_role == Role.ADMINISTRATOR
    user_set_roles(actor=administrator, user=user, roles=[Role.STAFF, Role.EVALUATOR])
    user = User.objects.get(pk=user.pk)
    assert not user.is_staff
    assert user.roles == [Role.STAFF, Role.EVALUATOR]


def test_inactive_users_hold_no_role(staff_a):
    staff_a.is_active = False
    assert not staff_a.has_role(Role.STAFF)


def test_coordinators_give_and_take_only_the_partner_member_role(coordinator, evaluator):
    user_set_roles(actor=coordinator, user=evaluator, roles=[Role.EVALUATOR, Role.PARTNER_MEMBER])
    assert User.objects.get(pk=evaluator.pk).roles == [Role.PARTNER_MEMBER, Role.EVALUATOR]
    user_set_roles(actor=coordinator, user=evaluator, roles=[Role.EVALUATOR])
    assert User.objects.get(pk=evaluator.pk).roles == [Role.EVALUATOR]
    for roles in ([], [Role.EVALUATOR, Role.STAFF], [Role.PARTNER_MEMBER]):
        with pytest.raises(PermissionDenied):
            user_set_roles(actor=coordinator, user=evaluator, roles=roles)


def test_coordinators_create_partner_member_accounts_only(coordinator, department_a):
    user = user_create(
        actor=coordinator, username="invited", password=None, roles=[Role.PARTNER_MEMBER]
    )
    assert user.roles == [Role.PARTNER_MEMBER]
    assert not user.has_usable_password()
    with pytest.raises(PermissionDenied):
        user_create(actor=coordinator, username="evaluator9", password=None, roles=[Role.EVALUATOR])
    with pytest.raises(PermissionDenied):
        user_create(
            actor=coordinator,
            username="insider",
            password=None,
            roles=[Role.PARTNER_MEMBER],
            department=department_a,
        )


def test_a_change_of_roles_is_one_history_record_with_who_and_which_roles(administrator, evaluator):
    before = evaluator.history.count()
    user_set_roles(actor=administrator, user=evaluator, roles=[Role.EVALUATOR, Role.STAFF])
    assert evaluator.history.count() == before + 1
    record = evaluator.history.first()
    assert record.history_user == administrator
    assert sorted(row.group.name for row in record.groups.all()) == ["evaluator", "staff"]
