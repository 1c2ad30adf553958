"""Who may do what in accounts; the role predicates here are reused by every other app."""

import rules

from kyodo.accounts.roles import Role


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMINISTRATOR)


@rules.predicate
def is_coordinator(user) -> bool:
    return user.is_authenticated and user.has_role(Role.COORDINATOR)


@rules.predicate
def is_staff_member(user) -> bool:
    """City staff (職員) in a department; named so as not to clash with Django's is_staff."""
    return user.is_authenticated and user.has_role(Role.STAFF)


@rules.predicate
def is_partner_member(user) -> bool:
    return user.is_authenticated and user.has_role(Role.PARTNER_MEMBER)


@rules.predicate
def is_evaluator(user) -> bool:
    return user.is_authenticated and user.has_role(Role.EVALUATOR)


is_city_side = is_staff_member | is_coordinator

rules.add_perm("accounts.view_administrator_home", is_administrator)
rules.add_perm("accounts.view_coordinator_home", is_coordinator)
rules.add_perm("accounts.view_staff_home", is_staff_member)
rules.add_perm("accounts.view_partner_home", is_partner_member)
rules.add_perm("accounts.view_evaluator_home", is_evaluator)
rules.add_perm("accounts.manage_accounts", is_administrator)
# Coordinators manage who acts for a partner organisation (kyodo.partners), so they may give
# or take the partner-member role and create partner-member accounts; nothing else.
rules.add_perm("accounts.grant_partner_member_role", is_administrator | is_coordinator)
# The municipality's own settings (kyodo.core.Municipality); declared here because core,
# below accounts, knows no roles.
rules.add_perm("core.configure_municipality", is_administrator)
