"""Who may do what with collaborative projects.

The city side (the department in charge, and the coordinators who see everything) and the
partner side (members of a participating organisation) work in the same project space as equals:
both see and edit the plan, roles, costs, consultations and the agreement's draft. Decisions the
guideline gives to the city (suitability, form, status, finalising the agreement) stay with the
city side. Other city staff may read every project (transparency inside the city hall); a
partner member sees only the projects of their own organisations.
"""

import rules

from kyodo.accounts.rules import is_city_side, is_coordinator, is_staff_member


@rules.predicate
def is_in_charge_department(user, project) -> bool:
    return project is not None and user.department_id == project.department_id


@rules.predicate
def is_participating_partner_member(user, project) -> bool:
    if project is None or not user.is_authenticated:
        return False
    return project.participations.filter(partner__memberships__user=user).exists()


is_project_city_side = is_coordinator | (is_staff_member & is_in_charge_department)
is_project_member = is_project_city_side | is_participating_partner_member

rules.add_perm("projects.manage_participants", is_project_city_side)
rules.add_perm("projects.list_projects", is_city_side)
rules.add_perm("projects.create_project", is_coordinator | is_staff_member)
rules.add_perm("projects.view_project", is_city_side | is_participating_partner_member)
rules.add_perm("projects.edit_workspace", is_project_member)
rules.add_perm("projects.decide", is_project_city_side)
rules.add_perm("projects.confirm_as_city", is_project_city_side)
rules.add_perm("projects.confirm_as_partner", is_participating_partner_member)
