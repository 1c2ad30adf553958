"""Who may do what in a project's PDCA cycles, and in which phase.

Both sides work on the plan and record activities as equals. Each side writes its own
verification; neither side may read the other's answers until both have submitted, so that
each verifies on its own (the comparison is only honest if the answers were independent).
Moving the cycle on, the evaluation and the decision to continue or end stay with the city side,
as the project's own decisions do. Other city staff may read (transparency inside the city hall),
but not a side's answers before the comparison is open.

Each phased permission says "may I, and may I now": the plan is edited in the plan phase,
activities and actual values are recorded while the cycle is carried out or verified, the
verification is written in the check phase, the evaluation in the act phase. A service refused
for the phase says why in the words of the Phase below.

Rules receive a project, a cycle, a line or record of a cycle, an incident, an attachment or a
verification; `_project` finds the project and `_cycle` the cycle.
"""

import rules
from django.utils.translation import gettext_lazy as _

from kyodo.accounts.rules import is_city_side
from kyodo.core.rules import Phase, add_phased_perm
from kyodo.cycles.models import CycleStatus, EvaluationDecision
from kyodo.projects.models import ProjectStatus
from kyodo.projects.rules import is_participating_partner_member, is_project_city_side

# Records and actuals belong to the cycle while it runs and while it is being verified.
RECORDING_PHASES = (CycleStatus.DO, CycleStatus.CHECK)


def _cycle(obj):
    """The cycle of a line, record or verification, or the cycle itself."""
    return obj.cycle if hasattr(obj, "cycle_id") else obj


def _project(obj):
    if obj is None:
        return None
    if hasattr(obj, "record_id"):  # an evidence file of an activity record
        obj = obj.record
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


# --- phases -------------------------------------------------------------------------------


def _in(*statuses):
    return lambda obj: _cycle(obj).status in statuses


def _no_open_cycle(project) -> bool:
    # Reads the project's cycles prefetched by the page that lists them, if it did.
    return all(cycle.status == CycleStatus.DONE for cycle in project.cycles.all())


def _latest_submitted(verification) -> bool:
    from kyodo.cycles.selectors import current_verification

    latest = current_verification(verification.cycle, verification.side)
    return verification.is_submitted and latest is not None and latest.pk == verification.pk


def _decision(cycle):
    from kyodo.cycles.selectors import evaluation_of

    evaluation = evaluation_of(cycle)
    return evaluation.decision if evaluation else None


PROJECT_RUNNING = Phase(
    "project_running",
    lambda project: project.status == ProjectStatus.RUNNING,
    _("A cycle can be started only when the project is running."),
)
NO_OPEN_CYCLE = Phase(
    "project_without_open_cycle",
    _no_open_cycle,
    _("The project already has a cycle in progress."),
    code="open_cycle",
)
PLAN_PHASE = Phase(
    "cycle_in_plan", _in(CycleStatus.PLAN), _("The plan can be changed only in the plan phase.")
)
ACTUALS_PHASE = Phase(
    "cycle_takes_actuals",
    _in(*RECORDING_PHASES),
    _("Actual values are recorded while the cycle is carried out or verified."),
)
RECORDS_PHASE = Phase(
    "cycle_takes_records",
    _in(*RECORDING_PHASES),
    _("Activities are recorded while the cycle is carried out or verified."),
)
CHECK_PHASE = Phase(
    "cycle_in_check",
    _in(CycleStatus.CHECK),
    _("The verification is written when the cycle is in its check phase."),
)
DRAFT = Phase(
    "verification_is_a_draft",
    lambda verification: not verification.is_submitted,
    _("A submitted verification cannot be changed; start a correction with its reason."),
    code="submitted",
)
NOT_SUBMITTED = Phase(
    "verification_not_submitted",
    lambda verification: not verification.is_submitted,
    _("This verification has been submitted."),
)
CORRECTION_PHASE = Phase(
    "cycle_in_check_for_a_correction",
    _in(CycleStatus.CHECK),
    _("A verification can be corrected only while the cycle is in its check phase."),
)
LATEST_SUBMITTED = Phase(
    "latest_submitted_verification",
    _latest_submitted,
    _("Only the latest submitted verification can be corrected."),
)
EVALUATION_PHASE = Phase(
    "cycle_in_act",
    _in(CycleStatus.ACT),
    _("The evaluation is recorded once both verifications are in (the act phase)."),
)
CONCLUDING_PHASE = Phase(
    "cycle_in_act_to_conclude",
    _in(CycleStatus.ACT),
    _("Only a cycle in its act phase can be concluded."),
)
EVALUATED = Phase(
    "cycle_evaluated",
    lambda cycle: _decision(cycle) is not None,
    _("Record the evaluation first."),
    code="no_evaluation",
)
DECIDED_TO_CONTINUE = Phase(
    "evaluation_continues",
    lambda cycle: _decision(cycle) != EvaluationDecision.END,
    _("The evaluation decided to end the project; a next cycle cannot start."),
    code="decided_end",
)
DECIDED_TO_END = Phase(
    "evaluation_ends",
    lambda cycle: _decision(cycle) == EvaluationDecision.END,
    _("The evaluation decided to continue; start the next cycle instead."),
    code="decided_continue",
)

# --- permissions --------------------------------------------------------------------------

rules.add_perm("cycles.view_cycles", can_view)
# Working on a cycle at all (its pages of actual values, deleting plan lines): either side.
rules.add_perm("cycles.work_on_cycle", is_member_of)
add_phased_perm("cycles.start_cycle", is_city_side_of, PROJECT_RUNNING, NO_OPEN_CYCLE)
add_phased_perm("cycles.edit_plan", is_member_of, PLAN_PHASE)
add_phased_perm("cycles.record_activity", is_member_of, RECORDS_PHASE)
add_phased_perm("cycles.record_actuals", is_member_of, ACTUALS_PHASE)
rules.add_perm("cycles.manage_cycle", is_city_side_of)
# Which side a person verifies for (a cycle), and whether a verification is their side's.
rules.add_perm("cycles.verify_as_city", is_city_side_of)
rules.add_perm("cycles.verify_as_partner", is_partner_side_of)
rules.add_perm("cycles.verify_own", is_own_side)
add_phased_perm("cycles.save_verification", is_own_side, CHECK_PHASE, DRAFT)
add_phased_perm("cycles.submit_verification", is_own_side, CHECK_PHASE, NOT_SUBMITTED)
add_phased_perm("cycles.correct_verification", is_own_side, CORRECTION_PHASE, LATEST_SUBMITTED)
rules.add_perm("cycles.view_answers", is_own_side | (both_sides_submitted & can_view))
add_phased_perm("cycles.evaluate", is_city_side_of, EVALUATION_PHASE)
add_phased_perm(
    "cycles.start_next", is_city_side_of, CONCLUDING_PHASE, EVALUATED, DECIDED_TO_CONTINUE
)
add_phased_perm("cycles.end_project", is_city_side_of, CONCLUDING_PHASE, EVALUATED, DECIDED_TO_END)
rules.add_perm("cycles.log_trouble", is_member_of)
# Only the system (the daily sweep, actor=None) sends reminders; no person holds this.
rules.add_perm("cycles.send_reminders", rules.always_deny)
