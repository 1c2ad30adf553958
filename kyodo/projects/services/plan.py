"""The project and its plan: creation, changes of the plan, and its life cycle."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyodo.core.cache_versions import bump
from kyodo.core.locking import check_lock
from kyodo.core.normalize import normalize_search_key
from kyodo.core.permissions import recorded_actor, require_perm
from kyodo.core.search.index import index_update
from kyodo.core.states import StateMachine
from kyodo.projects.models import (
    Agreement,
    Decision,
    Project,
    ProjectStatus,
    StatusChange,
    SuitabilityCheck,
)

TRANSITIONS = {
    ProjectStatus.IDEA: {ProjectStatus.ASSESSING},
    ProjectStatus.ASSESSING: {ProjectStatus.DECLINED, ProjectStatus.FORMING},
    # Saying no is not forever: a proposal may come back with a changed plan.
    ProjectStatus.DECLINED: {ProjectStatus.ASSESSING},
    ProjectStatus.FORMING: {ProjectStatus.AGREED, ProjectStatus.ASSESSING},
    ProjectStatus.AGREED: {ProjectStatus.RUNNING},
    ProjectStatus.RUNNING: {ProjectStatus.CLOSED},
    ProjectStatus.CLOSED: set(),
}

PLAN_FIELDS = (
    "title",
    "local_issue",
    "purpose",
    "public_benefit",
    "beneficiaries",
    "department",
    "plan_area",
    "fiscal_year_from",
    "fiscal_year_to",
    "budget",
)


def _search_text(project: Project) -> str:
    return normalize_search_key(" ".join([project.title, project.local_issue, project.purpose]))


def _validate_plan(fields: dict) -> None:
    first, last = fields.get("fiscal_year_from"), fields.get("fiscal_year_to")
    if first and last and last < first:
        raise ValidationError(
            {"fiscal_year_to": _("The last fiscal year cannot be before the first.")}
        )
    budget = fields.get("budget")
    if budget is not None and (not isinstance(budget, int) or budget < 0):
        raise ValidationError({"budget": _("Enter the budget in whole yen, 0 or more.")})


@transaction.atomic
def project_create(*, actor, title: str, department, **fields) -> Project:
    """Start a project from a local issue; it begins as an idea."""
    bump("projects")
    require_perm(actor, "projects.create_project")
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    _validate_plan(fields)
    project = Project(title=title, department=department, **fields)
    project.search_text = _search_text(project)
    project.save()
    index_update(project)
    StatusChange.objects.create(
        project=project, to_status=project.status, actor=recorded_actor(actor)
    )
    return project


@transaction.atomic
def project_update(*, actor, project: Project, lock_version=None, **fields) -> Project:
    """Change the plan (both sides may); refused if someone else saved it meanwhile."""
    bump("projects")
    require_perm(actor, "projects.edit_workspace", project)
    if "department" in fields:
        require_perm(actor, "projects.decide", project)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    check_lock(Project, project, lock_version)
    _validate_plan(fields)
    for name, value in fields.items():
        setattr(project, name, value)
    project.lock_version += 1
    project.search_text = _search_text(project)
    project.save()
    index_update(project)
    return project


def _transition_guard(project: Project, to_status: str) -> str | None:
    """Why the move to `to_status` is not possible now, or None."""
    check = SuitabilityCheck.objects.filter(project=project).first()
    if to_status == ProjectStatus.FORMING and (check is None or check.decision != Decision.PROCEED):
        return _("The suitability check has not been completed with the decision to proceed.")
    if to_status == ProjectStatus.DECLINED and (
        check is None or check.decision != Decision.DECLINE or not check.reason.strip()
    ):
        return _("A project is declined through the suitability check, with the reason.")
    if to_status == ProjectStatus.AGREED:
        agreement = Agreement.objects.filter(project=project).first()
        if agreement is None or agreement.finalised_at is None:
            return _("The agreement has not been finalised.")
    return None


MACHINE = StateMachine(
    ProjectStatus,
    TRANSITIONS,
    not_allowed=gettext_lazy("A project cannot go from “%(from)s” to “%(to)s”."),
    guard=_transition_guard,
)


@transaction.atomic
def project_transition(*, actor, project: Project, to_status: str, reason: str = "") -> Project:
    """Move the project along its life cycle, only by the allowed steps."""
    bump("projects")
    require_perm(actor, "projects.decide", project)
    project = Project.objects.select_for_update().get(pk=project.pk)
    previous = MACHINE.move(project, to_status)
    StatusChange.objects.create(
        project=project,
        from_status=previous,
        to_status=to_status,
        reason=reason,
        actor=recorded_actor(actor),
    )
    return project
