"""Who may do what with open calls, applications, evaluations and grants.

Coordinators run calls; a partner member acts for the organisations they belong to and never
sees another organisation's application or any score; evaluators see only the calls they are
assigned to, and an application only once the call is under evaluation.
"""

import rules

from kyodo.accounts.rules import is_coordinator, is_evaluator, is_partner_member


@rules.predicate
def is_publicly_visible_call(user, call) -> bool:
    return call is not None and call.status != "draft"


@rules.predicate
def is_published_result(user, call) -> bool:
    return call is not None and call.status == "published"


@rules.predicate
def is_applicant_member(user, application) -> bool:
    if application is None or not user.is_authenticated:
        return False
    return application.partner.memberships.filter(user=user).exists()


@rules.predicate
def belongs_to_an_organisation(user) -> bool:
    return user.is_authenticated and user.partner_memberships.exists()


@rules.predicate
def is_assigned_evaluator_of_application(user, application) -> bool:
    if application is None or not user.is_authenticated:
        return False
    return (
        application.is_submitted
        and application.call.status in ("evaluating", "decided", "published")
        and application.call.assignments.filter(evaluator=user).exists()
    )


@rules.predicate
def is_submitted_application(user, application) -> bool:
    return application is not None and application.is_submitted


@rules.predicate
def is_own_assignment(user, assignment) -> bool:
    return assignment is not None and assignment.evaluator_id == user.pk


is_applicant = is_partner_member & belongs_to_an_organisation

rules.add_perm("calls.view_call", is_publicly_visible_call | is_coordinator)
rules.add_perm("calls.view_result", is_published_result)
rules.add_perm("calls.manage_calls", is_coordinator)
rules.add_perm("calls.apply", is_applicant)
rules.add_perm(
    "calls.view_application",
    # A draft is the organisation's own until it is submitted.
    (is_coordinator & is_submitted_application)
    | (is_partner_member & is_applicant_member)
    | (is_evaluator & is_assigned_evaluator_of_application),
)
rules.add_perm("calls.edit_application", is_partner_member & is_applicant_member)
rules.add_perm("calls.view_evaluations", is_evaluator)
rules.add_perm("calls.evaluate", is_evaluator & is_own_assignment)
rules.add_perm("calls.manage_grants", is_coordinator)
