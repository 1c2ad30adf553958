"""The trouble log."""

from django.urls import reverse
from django.utils.translation import gettext as _

from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import object_permission_required
from kyodo.cycles import services
from kyodo.cycles.forms import IncidentEditForm, IncidentForm
from kyodo.cycles.models import Incident
from kyodo.cycles.views.common import page, project_view, save_form


@project_view()
def troubles(request, project):
    can_log = request.user.has_perm("cycles.log_trouble", project)
    form = IncidentForm(request.POST or None) if can_log else None
    response = save_form(
        request,
        form,
        lambda data: services.incident_record(actor=request.user, project=project, **data),
        _("The trouble has been recorded."),
        reverse("cycles:troubles", args=[project.pk]),
    )
    return response or page(
        request,
        "cycles/troubles.html",
        project,
        form=form,
        incidents=Incident.objects.filter(project=project).select_related("cycle", "recorded_by"),
    )


@object_permission_required(
    "cycles.log_trouble",
    Incident.objects.select_related("project__department"),
    see="cycles.view_cycles",
    pk="incident_pk",
    project_id="project_pk",
)
def trouble_edit(request, incident):
    initial = {name: getattr(incident, name) for name in services.INCIDENT_FIELDS}
    initial["lock_version"] = incident.lock_version
    form = IncidentEditForm(request.POST or None, initial=initial)
    response = save_form(
        request,
        form,
        lambda data: services.incident_update(actor=request.user, incident=incident, **data),
        _("The trouble record has been updated."),
        reverse("cycles:troubles", args=[incident.project_id]),
        lock_version=lambda: current_lock_version(Incident, pk=incident.pk),
    )
    return response or page(
        request, "cycles/trouble_edit.html", incident.project, form=form, incident=incident
    )
