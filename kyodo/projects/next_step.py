"""What a project needs next, worded as a task and linked to where it is done (issue 17-2).

One function for the project's page, the staff home and the partner home, so that they never
disagree. In lists it reads only the row's annotations and its partners' names
(`checkpoints_open`, `unconfirmed_count`, `partner_names`; see selectors._list_base and
with_row_details): no query per row.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from kyodo.projects.models import ProjectStatus


@dataclass(frozen=True)
class NextStep:
    text: str  # a task: 「協働の形態のチェック項目を確認する」, not a status
    url: str  # where it is done


def _open_checkpoints(project) -> int:
    annotated = getattr(project, "checkpoints_open", None)
    if annotated is not None:
        return annotated
    from kyodo.projects.selectors import checkpoints_missing

    return max(checkpoints_missing(project), 0)


def _has_partner(project) -> bool:
    listed = getattr(project, "partner_names", None)  # read with a list's rows
    return bool(project.participations.all() if listed is None else listed)


def _forming_step(project) -> tuple[str, str]:
    if not project.form:
        return _("Choose the form of collaboration"), "projects:form"
    if _open_checkpoints(project):
        return _("Confirm the checkpoints of the form of collaboration"), "projects:form"
    if not _has_partner(project):
        return _("Register the partners taking part"), "projects:partners"
    if getattr(project, "unconfirmed_count", 0):
        return _("Confirm the agreed points with the partner"), "projects:consultations"
    if getattr(project, "agreement", None) is None:
        return _("Draft the agreement"), "projects:agreement"
    return _("Finalise the agreement"), "projects:agreement"


def next_step(project) -> NextStep | None:
    """The project's next task and where to do it; None once it is closed or declined."""
    status = project.status
    if status == ProjectStatus.IDEA:
        text, where = _("Check whether the project suits collaboration"), "projects:check"
    elif status == ProjectStatus.ASSESSING:
        text, where = _("Finish the suitability check and decide"), "projects:check"
    elif status == ProjectStatus.FORMING:
        text, where = _forming_step(project)
    elif status == ProjectStatus.AGREED:
        text, where = _("Start the project"), "projects:overview"
    elif status == ProjectStatus.RUNNING:
        text, where = _("Carry the PDCA cycle forward"), "cycles:project"
    else:
        return None
    return NextStep(text, reverse(where, args=[project.pk]))
