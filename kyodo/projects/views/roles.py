"""Roles, responsibilities and costs (役割分担・費用分担)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.city import request_municipality
from kyodo.core.forms import apply_service_error
from kyodo.projects import services
from kyodo.projects.agreement_forms import CostLineForm, RoleLineForm
from kyodo.projects.models import CostLine, RoleLine
from kyodo.projects.parties import roles_and_costs
from kyodo.projects.views.workspace import project_view, render_workspace

# The two kinds of line: the form that adds one, its model and the services.
LINES = {
    "role": (RoleLineForm, RoleLine, services.role_line_add, services.role_line_delete),
    "cost": (CostLineForm, CostLine, services.cost_line_add, services.cost_line_delete),
}


def city_name(request) -> str:
    municipality = request_municipality(request)
    return municipality.name if municipality else _("City")


@project_view()
def roles(request, project):
    kind = request.POST.get("kind")
    table = roles_and_costs(project, city_name(request))
    forms = {
        "role": RoleLineForm(
            request.POST if kind == "role" else None, prefix="role", parties=table.parties
        ),
        "cost": CostLineForm(
            request.POST if kind == "cost" else None, prefix="cost", parties=table.parties
        ),
    }
    form = forms.get(kind)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            LINES[kind][2](actor=request.user, project=project, **form.service_data())
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The line has been added."))
            return redirect("projects:roles", pk=project.pk)
    return render_workspace(
        request,
        project,
        "roles",
        role_form=forms["role"],
        cost_form=forms["cost"],
        table=table,
    )


@require_POST
@project_view("projects.edit_workspace")
def line_delete(request, project, kind, line_pk):
    _form, model, _add, delete = LINES.get(kind, (None, None, None, None))
    line = model.objects.filter(project=project, pk=line_pk).first() if model else None
    if line is None:
        raise Http404
    delete(actor=request.user, line=line)
    messages.success(request, _("The line has been deleted."))
    return redirect("projects:roles", pk=project.pk)
