"""Who may do what with open calls, applications, evaluations and grants, and when.

Coordinators run calls; a partner member acts for the organisations they belong to and never
sees another organisation's application or any score; evaluators see only the calls they are
assigned to, and an application only once the call is under evaluation.

Conflicts of interest are enforced on reading. An assigned evaluator sees that an application
exists (its receipt number and applicant: `calls.view_application`), but reads its content and
attachments (`calls.read_application`, `calls.view_attachment`) only after declaring no
conflict with it; with a declared conflict they are only told that they are excluded. The other
evaluators' scores and comments on an application (`calls.view_others_scores_on`) are shown to
an evaluator who submitted their own scores and scored that application themselves, never for
one they declared a conflict with.

The phases ("may I now") are declared here with their refusal messages: a draft is edited while
its call is open, before the deadline; an evaluator scores while the call is under evaluation
and until they submit, and sees the other evaluators' scores only after that (blind scoring).
Services that take a `now` (to be tested at the deadline) check the deadline at that moment with
`deadline_refusal`; pages ask `calls.edit_application`, which reads the server clock.
"""

import rules
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.rules import is_coordinator, is_evaluator, is_partner_member
from kyodo.calls.models import CallStatus, ConflictDeclaration, Score
from kyodo.core.rules import Phase, add_phased_perm
from kyodo.partners.rules import belongs_to_a_partner, is_member_of_partner, partner_ids_of
from kyodo.projects.models import ProjectStatus

# The call states in which an assigned evaluator sees the submitted applications.
EVALUATION_STATES = (CallStatus.EVALUATING, CallStatus.DECIDED, CallStatus.PUBLISHED)


@rules.predicate
def is_publicly_visible_call(user, call) -> bool:
    return call is not None and call.status != CallStatus.DRAFT


@rules.predicate
def is_published_result(user, call) -> bool:
    return call is not None and call.status == CallStatus.PUBLISHED


@rules.predicate
def is_applicant_member(user, application) -> bool:
    """`user` belongs to the organisation that made `application`."""
    return application is not None and application.partner_id in partner_ids_of(user)


@rules.predicate
def is_assigned_evaluator_of_application(user, application) -> bool:
    if application is None or not user.is_authenticated:
        return False
    return (
        application.is_submitted
        and application.call.status in EVALUATION_STATES
        and application.call.assignments.filter(evaluator=user).exists()
    )


def _declaration_of(user, application):
    """The user's conflict declaration for `application` as (has_conflict, submitted, scored),
    or None if they have not declared (or are not assigned to its call)."""
    declaration = (
        ConflictDeclaration.objects.filter(
            application=application,
            assignment__evaluator=user,
            assignment__call=application.call_id,
        )
        .values_list("has_conflict", "assignment_id", "assignment__submitted_at")
        .first()
    )
    if declaration is None:
        return None
    has_conflict, assignment_id, submitted_at = declaration
    scored = (
        not has_conflict
        and submitted_at is not None
        and Score.objects.filter(assignment=assignment_id, application=application).exists()
    )
    return has_conflict, submitted_at is not None, scored


@rules.predicate
def declared_no_conflict(user, application) -> bool:
    """The user declared that they have no conflict of interest with `application`."""
    if application is None or not user.is_authenticated:
        return False
    declaration = _declaration_of(user, application)
    return declaration is not None and not declaration[0]


@rules.predicate
def scored_it_and_submitted(user, application) -> bool:
    """The user declared no conflict, scored `application` and submitted their scores."""
    if application is None or not user.is_authenticated:
        return False
    declaration = _declaration_of(user, application)
    return declaration is not None and declaration[2]


@rules.predicate
def is_submitted_application(user, application) -> bool:
    return application is not None and application.is_submitted


@rules.predicate
def is_own_assignment(user, assignment) -> bool:
    return assignment is not None and assignment.evaluator_id == user.pk


@rules.predicate
def may_read_attachments_application(user, attachment) -> bool:
    return attachment is not None and user.has_perm(
        "calls.read_application", attachment.application
    )


@rules.predicate
def acts_for_attachments_application(user, attachment) -> bool:
    return attachment is not None and acts_for_application.test(user, attachment.application)


def others_scores_visible_on(applications) -> set:
    """`calls.view_others_scores_on` for a whole list at once: of an evaluator's applications
    (annotated by `selectors.applications_for_evaluator`, so no query per row), the ids of those
    they scored themselves without a conflict. The caller has checked that they submitted."""
    return {
        application.pk
        for application in applications
        if application.scored and not application.conflict
    }


def before_deadline(call, now=None) -> bool:
    """Applications are accepted up to and including the deadline (server time)."""
    return (now or timezone.now()) <= call.deadline


# --- Phases -----------------------------------------------------------------------------------

PROJECT_FORMING = Phase(
    "calls_project_forming",
    lambda project: project.status == ProjectStatus.FORMING,
    _("A call can only be made for a project that is forming its partnership."),
    code="project_not_forming",
)
CRITERIA_OPEN = Phase(
    "calls_criteria_open",
    lambda call: not call.criteria_locked,
    _("The selection criteria are fixed once the call is open."),
    code="criteria_locked",
)
NOT_DECIDED = Phase(
    "calls_not_decided",
    lambda call: call.status not in (CallStatus.DECIDED, CallStatus.PUBLISHED),
    _("A decided call can no longer be edited."),
    code="call_decided",
)
UNDER_EVALUATION = Phase(
    "calls_under_evaluation",
    lambda call: call.status == CallStatus.EVALUATING,
    _("The call is not under evaluation."),
    code="not_evaluating",
)
ACCEPTING = Phase(
    "calls_accepting",
    lambda call: call.status == CallStatus.OPEN,
    _("This call is not accepting applications."),
    code="call_not_open",
)
BEFORE_DEADLINE = Phase(
    "calls_before_deadline",
    before_deadline,
    _("The application deadline has passed; the application can no longer be changed."),
    code="deadline_passed",
)


def of_its_call(phase: Phase) -> Phase:
    """The same phase, asked of an application's or an assignment's call."""
    return Phase(
        f"{phase.name}_of_call", lambda obj: phase.test(obj.call), phase.message, phase.code
    )


STILL_DRAFT = Phase(
    "calls_application_draft",
    lambda application: not application.is_submitted,
    _("This application has already been submitted."),
    code="already_submitted",
)
SCORES_NOT_SUBMITTED = Phase(
    "calls_scores_not_submitted",
    lambda assignment: assignment.submitted_at is None,
    _("You have already submitted your scores."),
    code="already_submitted",
)
SCORES_SUBMITTED = Phase(
    "calls_scores_submitted",
    lambda assignment: assignment.submitted_at is not None,
    _("The other evaluators' scores are shown once you have submitted yours."),
    code="not_submitted",
)


def deadline_refusal(call, now=None):
    """The refusal for a change after the deadline at `now` (default: the server clock)."""
    return None if before_deadline(call, now) else BEFORE_DEADLINE.refusal()


APPLICATION_CALL_OPEN = of_its_call(ACCEPTING)
APPLICATION_BEFORE_DEADLINE = of_its_call(BEFORE_DEADLINE)


# --- Permissions ------------------------------------------------------------------------------

is_applicant = is_partner_member & belongs_to_a_partner
acts_for_application = is_partner_member & is_applicant_member
is_assigned_evaluator = is_evaluator & is_own_assignment
can_view_application = (
    # A draft is the organisation's own until it is submitted.
    (is_coordinator & is_submitted_application)
    | acts_for_application
    | (is_evaluator & is_assigned_evaluator_of_application)
)
# Its content and attachments: an evaluator reads them only after declaring no conflict.
can_read_application = (
    (is_coordinator & is_submitted_application)
    | acts_for_application
    | (is_evaluator & is_assigned_evaluator_of_application & declared_no_conflict)
)

rules.add_perm("calls.view_call", is_publicly_visible_call | is_coordinator)
rules.add_perm("calls.view_result", is_published_result)
rules.add_perm("calls.manage_calls", is_coordinator)
# With a project: a call is made for a project that is forming its partnership.
add_phased_perm("calls.create_call_for", is_coordinator, PROJECT_FORMING)
add_phased_perm("calls.edit_call", is_coordinator, NOT_DECIDED)
add_phased_perm("calls.edit_criteria", is_coordinator, CRITERIA_OPEN)
add_phased_perm("calls.decide", is_coordinator, UNDER_EVALUATION)
rules.add_perm("calls.apply", is_applicant)
# With a call: may apply to it now (open, before the deadline).
add_phased_perm("calls.apply_to", is_applicant, ACCEPTING, BEFORE_DEADLINE)
# With an organisation: a partner member applies only for the organisations they belong to.
rules.add_perm("calls.apply_for", is_partner_member & is_member_of_partner)
# That it exists, its receipt number and applicant (an evaluator's list shows every one).
rules.add_perm("calls.view_application", can_view_application)
rules.add_perm("calls.read_application", can_read_application)
# The applicant's members, whatever the phase (they are told why a change is refused).
rules.add_perm("calls.act_for_application", acts_for_application)
# May change the draft now: the call is open, the deadline not passed, nothing submitted.
add_phased_perm(
    "calls.edit_application",
    acts_for_application,
    APPLICATION_CALL_OPEN,
    APPLICATION_BEFORE_DEADLINE,
    STILL_DRAFT,
)
# The same for services, which check the deadline at their own `now` (deadline_refusal).
add_phased_perm("calls.change_draft", acts_for_application, APPLICATION_CALL_OPEN, STILL_DRAFT)
rules.add_perm("calls.view_attachment", may_read_attachments_application)
# The draft's phase is checked by the service, which says why a removal is refused.
rules.add_perm("calls.remove_attachment", acts_for_attachments_application)
rules.add_perm("calls.view_evaluations", is_evaluator)
rules.add_perm("calls.evaluate", is_assigned_evaluator)
add_phased_perm(
    "calls.score", is_assigned_evaluator, of_its_call(UNDER_EVALUATION), SCORES_NOT_SUBMITTED
)
# Blind scoring: the other evaluators' scores only after one's own submission.
add_phased_perm("calls.view_other_scores", is_assigned_evaluator, SCORES_SUBMITTED)
# With an application: only one the evaluator scored themselves (never one with a conflict).
rules.add_perm(
    "calls.view_others_scores_on",
    is_evaluator & is_assigned_evaluator_of_application & scored_it_and_submitted,
)
rules.add_perm("calls.manage_grants", is_coordinator)
