"""Who may do what in a project's PDCA cycles.

Both sides work on the plan and record activities as equals. Each side writes its own
verification; neither side may read the other's answers until both have submitted, so that
each verifies on its own (the comparison is only honest if the answers were independent).
Moving the cycle on, the evaluation and the decision to continue or end stay with the city side,
as the project's own decisions do. Other city staff may read (transparency inside the city hall),
but not a side's answers before the comparison is open.

Rules receive a project, a cycle, an incident or a verification; `_project` finds the project.
"""

import rules

from kyodo.accounts.rules import is_city_side
from kyodo.projects.rules import is_participating_partner_member, is_project_city_side


def _project(obj):
    if obj is None:
        return None
    if hasattr(obj, "cycle_id") and not hasattr(obj, "project_id"):
        obj = obj.cycle
    return obj.project if hasattr(obj, "project_id") else obj


@rules.predicate
def is_city_side_of(user, obj) -> bool:
    project = _project(obj)
    return project is not None and is_project_city_side(user, project)


@rules.predicate
def is_partner_side_of(user, obj) -> bool:
    project = _project(obj)
    return project is not None and is_participating_partner_member(user, project)


is_member_of = is_city_side_of | is_partner_side_of
can_view = is_city_side | is_partner_side_of


@rules.predicate
def is_own_side(user, verification) -> bool:
    if verification is None:
        return False
    if verification.side == "city":
        return is_city_side_of(user, verification)
    return is_partner_side_of(user, verification)


@rules.predicate
def both_sides_submitted(user, verification) -> bool:
    from kyodo.cycles.selectors import both_submitted

    return verification is not None and both_submitted(verification.cycle)


rules.add_perm("cycles.view_cycles", can_view)
rules.add_perm("cycles.start_cycle", is_city_side_of)
rules.add_perm("cycles.edit_plan", is_member_of)
rules.add_perm("cycles.record_activity", is_member_of)
rules.add_perm("cycles.manage_cycle", is_city_side_of)
rules.add_perm("cycles.verify_as_city", is_city_side_of)
rules.add_perm("cycles.verify_as_partner", is_partner_side_of)
rules.add_perm("cycles.view_answers", is_own_side | (both_sides_submitted & can_view))
rules.add_perm("cycles.evaluate", is_city_side_of)
rules.add_perm("cycles.log_trouble", is_member_of)
# Only the system (the daily sweep, actor=None) sends reminders; no person holds this.
rules.add_perm("cycles.send_reminders", rules.always_deny)
