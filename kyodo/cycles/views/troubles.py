"""The trouble log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kyodo.cycles import services
from kyodo.cycles.forms import (
    IncidentForm,
)
from kyodo.cycles.models import (
    Incident,
)
from kyodo.cycles.views.common import (
    _apply_errors,
    _get_project,
    _page,
    project_view,
)

# --- trouble log ---------------------------------------------------------------------------


@project_view()
def troubles(request, project_pk):
    project = _get_project(request, project_pk)
    can_log = request.user.has_perm("cycles.log_trouble", project)
    form = IncidentForm(request.POST or None) if can_log else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.incident_record(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The trouble has been recorded."))
            return redirect("cycles:troubles", project_pk=project.pk)
    return _page(
        request,
        "cycles/troubles.html",
        project,
        form=form,
        incidents=Incident.objects.filter(project=project).select_related("cycle", "recorded_by"),
    )


@project_view("cycles.log_trouble")
def trouble_edit(request, project_pk, incident_pk):
    project = _get_project(request, project_pk)
    incident = Incident.objects.filter(project=project, pk=incident_pk).first()
    if incident is None:
        raise Http404
    fields = services.INCIDENT_FIELDS
    form = IncidentForm(
        request.POST or None, initial={name: getattr(incident, name) for name in fields}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_update(actor=request.user, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The trouble record has been updated."))
            return redirect("cycles:troubles", project_pk=project.pk)
    return _page(request, "cycles/trouble_edit.html", project, form=form, incident=incident)
