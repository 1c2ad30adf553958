"""Every change to accounts and departments goes through these functions."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import transaction

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.core.permissions import require_perm


def role_groups_ensure() -> dict[Role, Group]:
    """Create the role groups if missing (idempotent; also run by a data migration)."""
    return {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}


@transaction.atomic
def department_create(
    *, actor, bureau: str, name: str, name_kana: str = "", code: str = "", sort_order: int = 0
) -> Department:
    require_perm(actor, "accounts.manage_accounts")
    department = Department(
        bureau=bureau.strip(),
        name=name.strip(),
        name_kana=name_kana,
        code=code,
        sort_order=sort_order,
    )
    department.full_clean()
    department.save()
    return department


def _require_role_change(actor, before: set[Role], after: set[Role]) -> None:
    """Administrators change any role; coordinators only give or take the partner-member one."""
    if (before ^ after) <= {Role.PARTNER_MEMBER}:
        require_perm(actor, "accounts.grant_partner_member_role")
    else:
        require_perm(actor, "accounts.manage_accounts")


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    password: str | None,
    display_name: str = "",
    display_name_kana: str = "",
    email: str = "",
    roles: Iterable[Role] = (),
    department: Department | None = None,
) -> User:
    roles = set(roles)
    if roles == {Role.PARTNER_MEMBER} and department is None:
        # A partner member's account, created when a coordinator invites them.
        require_perm(actor, "accounts.grant_partner_member_role")
    else:
        require_perm(actor, "accounts.manage_accounts")
    user = User(
        username=username,
        display_name=display_name,
        display_name_kana=display_name_kana,
        email=email,
        department=department,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    _attribute_history(user, actor)
    user.save()
    user_set_roles(actor=actor, user=user, roles=roles)
    return user


@transaction.atomic
def user_set_roles(*, actor, user: User, roles: Iterable[Role]) -> User:
    """Replace the user's roles; administrators also get Django's admin site.

    The change is one history record of the user, groups included, attributed to `actor`.
    """
    roles = set(roles)
    names = set(user.groups.values_list("name", flat=True))
    before = {role for role in Role if role.value in names}
    _require_role_change(actor, before, roles)
    groups = role_groups_ensure()
    # One record for the whole change: without this, each added and removed group would be
    # recorded on its own, before the admin flags below are set.
    user.skip_history_when_saving = True
    try:
        user.groups.set([groups[role] for role in roles])
    finally:
        del user.skip_history_when_saving
    user.is_staff = Role.ADMINISTRATOR in roles
    user.is_superuser = Role.ADMINISTRATOR in roles
    _attribute_history(user, actor)
    user.save(update_fields=["is_staff", "is_superuser"])
    user.__dict__.pop("role_names", None)
    return user


def _attribute_history(obj, actor) -> None:
    # Outside a request (commands, tasks) simple-history cannot see who acted; tell it.
    if actor is not None:
        obj._history_user = actor
