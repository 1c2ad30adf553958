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
    user.save()
    user_set_roles(actor=actor, user=user, roles=roles)
    return user


@transaction.atomic
def user_set_roles(*, actor, user: User, roles: Iterable[Role]) -> User:
    """Replace the user's roles; administrators also get Django's admin site."""
    require_perm(actor, "accounts.manage_accounts")
    roles = set(roles)
    groups = role_groups_ensure()
    user.groups.set([groups[role] for role in roles])
    user.is_staff = Role.ADMINISTRATOR in roles
    user.is_superuser = Role.ADMINISTRATOR in roles
    user.save(update_fields=["is_staff", "is_superuser"])
    user.__dict__.pop("role_names", None)
    return user
