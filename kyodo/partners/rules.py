"""Who may do what with partner organisations.

The city side (staff and coordinators) sees and edits every partner; a partner member sees and
edits only the organisations they belong to, private fields included. Evaluators, outsiders and
anonymous visitors see nothing here (the public portal uses `selectors.public_partners()`).

Member accounts (団体ユーザー): coordinators and administrators add, invite and remove them for
any organisation; staff see every member list; a partner member sees the list of their own
organisation only. Members do not manage each other: a membership carries no "representative"
flag, and who may act for an organisation is the city's decision.
"""

import rules

from kyodo.accounts.rules import is_administrator, is_city_side, is_coordinator


def partner_ids_of(user) -> frozenset:
    """The ids of the organisations `user` belongs to (cached on the user for the request)."""
    if not user.is_authenticated:
        return frozenset()
    cached = user.__dict__.get("_partner_ids")
    if cached is None:
        cached = frozenset(user.partner_memberships.values_list("partner_id", flat=True))
        user.__dict__["_partner_ids"] = cached
    return cached


@rules.predicate
def is_member_of_partner(user, partner) -> bool:
    """Membership predicate for other apps: `user` acts for `partner` (団体ユーザー)."""
    return partner is not None and partner.pk in partner_ids_of(user)


@rules.predicate
def belongs_to_a_partner(user) -> bool:
    return bool(partner_ids_of(user))


can_see_partner = is_city_side | is_member_of_partner

rules.add_perm("partners.view_partner_list", is_city_side)
rules.add_perm("partners.view_partner", can_see_partner)
rules.add_perm("partners.view_private_fields", can_see_partner)
rules.add_perm("partners.change_partner", can_see_partner)
rules.add_perm("partners.add_partner", is_city_side)
rules.add_perm("partners.view_members", is_city_side | is_administrator | is_member_of_partner)
rules.add_perm("partners.manage_members", is_coordinator | is_administrator)
rules.add_perm("partners.manage_taxonomy", is_coordinator)
rules.add_perm("partners.import_partners", is_coordinator)
rules.add_perm("partners.export_partners", is_city_side)
rules.add_perm("partners.match_partners", is_city_side)
rules.add_perm("partners.view_own_partner", belongs_to_a_partner)
