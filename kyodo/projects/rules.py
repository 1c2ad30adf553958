"""Who may do what with collaborative projects.

The city side (the department in charge, and the coordinators who see everything) and the
partner side (members of a participating organisation) work in the same project space as equals:
both see and edit the plan, roles, costs, consultations and the agreement's draft. Decisions the
guideline gives to the city (suitability, form, status, finalising the agreement) stay with the
city side. Other city staff may read every project (transparency inside the city hall); a
partner member sees only the projects of their own organisations.
"""

import rules
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.rules import is_city_side, is_coordinator, is_staff_member
from kyodo.core.rules import Phase, add_phased_perm
from kyodo.core.states import TransitionRefused
from kyodo.projects.models import Agreement, ProjectStatus


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


def agreement_is_final(project) -> bool:
    # Read afresh: a service may be given a project object older than the agreement.
    return Agreement.objects.filter(project=project, finalised_at__isnull=False).exists()


BEING_ASSESSED = Phase(
    "project_being_assessed",
    lambda project: project.status in (ProjectStatus.IDEA, ProjectStatus.ASSESSING),
    _("The suitability check can be changed only while the project is being assessed."),
    code="closed_check",
    error=TransitionRefused,
)
FORM_OPEN = Phase(
    "project_form_open",
    lambda project: not agreement_is_final(project),
    _("The agreement is final; the form can no longer change."),
    error=TransitionRefused,
)
AGREEMENT_OPEN = Phase(
    "project_agreement_open",
    lambda project: not agreement_is_final(project),
    _("The agreement is final and can no longer be changed."),
    error=TransitionRefused,
)

add_phased_perm("projects.answer_check", is_project_city_side, BEING_ASSESSED)
add_phased_perm("projects.choose_form", is_project_city_side, FORM_OPEN)
add_phased_perm("projects.edit_agreement", is_project_member, AGREEMENT_OPEN)
