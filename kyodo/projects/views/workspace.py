"""What every page of the project workspace shares: its tabs, and finding the project once."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy

from kyodo.core.permissions import object_permission_required
from kyodo.projects.models import AgreedPoint, Project, ProjectStatus

TABS = [
    ("overview", gettext_lazy("Overview")),
    ("check", gettext_lazy("Suitability")),
    ("form", gettext_lazy("Form")),
    ("partners", gettext_lazy("Participating partners")),
    ("roles", gettext_lazy("Roles and costs")),
    ("consultations", gettext_lazy("Consultations")),
    ("agreement", gettext_lazy("Agreement")),
    ("history", gettext_lazy("History")),
]
# Moves a person starts with a button; the others follow from the check and the agreement.
MANUAL_TRANSITIONS = {
    ProjectStatus.IDEA: [ProjectStatus.ASSESSING],
    ProjectStatus.DECLINED: [ProjectStatus.ASSESSING],
    ProjectStatus.AGREED: [ProjectStatus.RUNNING],
    ProjectStatus.RUNNING: [ProjectStatus.CLOSED],
}
WORKSPACE_QUERYSET = Project.objects.select_related(
    "department", "plan_area", "form_version__checklist"
)


def project_view(perm: str = "projects.view_project"):
    """Find the project (404 if the user may not see it), check `perm`, pass it to the view."""
    return object_permission_required(perm, WORKSPACE_QUERYSET, see="projects.view_project")


def render_workspace(request, project, tab: str, **context):
    user = request.user
    context.update(
        project=project,
        tab=tab,
        tabs=[(name, str(label)) for name, label in TABS],
        can_edit=user.has_perm("projects.edit_workspace", project),
        can_decide=user.has_perm("projects.decide", project),
        unconfirmed=AgreedPoint.objects.filter(project=project).unconfirmed().count(),
    )
    return render(request, f"projects/{tab}.html", context)
