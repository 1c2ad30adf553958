"""Who may do what with collaborative projects.

The city side (the department in charge, and the coordinators who see everything) and the
partner side (members of a participating organisation) work in the same project space as equals.
"""

import rules

from kyodo.accounts.rules import is_coordinator, is_staff_member


@rules.predicate
def is_in_charge_department(user, project) -> bool:
    return project is not None and user.department_id == project.department_id


@rules.predicate
def is_participating_partner_member(user, project) -> bool:
    if project is None or not user.is_authenticated:
        return False
    return project.participations.filter(partner__memberships__user=user).exists()


is_project_city_side = is_coordinator | (is_staff_member & is_in_charge_department)

rules.add_perm("projects.manage_participants", is_project_city_side)
