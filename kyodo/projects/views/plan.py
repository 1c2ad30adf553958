"""The staff list of projects, creating one, and its plan, status and history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import permission_required
from kyodo.projects import selectors, services
from kyodo.projects.forms import ProjectFilterForm, ProjectForm
from kyodo.projects.models import AgreedPoint, Project, ProjectStatus, StatusChange
from kyodo.projects.next_step import next_step
from kyodo.projects.views.workspace import MANUAL_TRANSITIONS, project_view, render_workspace


@permission_required("projects.list_projects")
def project_list(request):
    form = ProjectFilterForm(request.GET or None)

    def read_page():
        filters = form.cleaned_data if form.is_valid() else {}
        return selectors.project_page(
            request.user,
            {k: v for k, v in filters.items() if v not in (None, "")},
            request.GET.get("page"),
        )

    # Read only when the list's body is rendered, not when it comes from the cache (work_cache).
    page = SimpleLazyObject(read_page)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "projects/list.html",
        {
            "form": form,
            "page": page,
            "projects": SimpleLazyObject(lambda: page.object_list),
            "query_string": query_string.urlencode(),
            "can_create": request.user.has_perm("projects.create_project"),
        },
    )


@permission_required("projects.create_project")
def project_create(request):
    initial = {"department": request.user.department_id}
    form = ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "lock_version"}
        try:
            project = services.project_create(actor=request.user, **data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The project has been created."))
            return redirect("projects:overview", pk=project.pk)
    return render(request, "projects/create.html", {"form": form})


@project_view()
def overview(request, project):
    return render_workspace(
        request,
        project,
        "overview",
        points=AgreedPoint.objects.filter(project=project).unconfirmed(),
        totals=selectors.cost_totals(project),
        participations=project.participations.select_related("partner"),
        transitions=[ProjectStatus(s) for s in MANUAL_TRANSITIONS.get(project.status, [])],
        next_step=next_step(project),
    )


def _plan_initial(project) -> dict:
    initial = {name: getattr(project, name) for name in services.PLAN_FIELDS}
    initial.update(
        department=project.department_id,
        plan_area=project.plan_area_id,
        lock_version=project.lock_version,
    )
    return initial


@project_view("projects.edit_workspace")
def edit(request, project):
    can_move = request.user.has_perm("projects.decide", project)
    form = ProjectForm(
        request.POST or None, initial=_plan_initial(project), can_change_department=can_move
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        lock_version = data.pop("lock_version")
        try:
            services.project_update(
                actor=request.user, project=project, lock_version=lock_version, **data
            )
        except ValidationError as error:
            apply_service_error(form, error, current_lock_version(Project, pk=project.pk))
        else:
            messages.success(request, _("The plan has been saved."))
            return redirect("projects:overview", pk=project.pk)
    return render_workspace(request, project, "edit", form=form)


@require_POST
@project_view("projects.decide")
def transition(request, project):
    try:
        services.project_transition(
            actor=request.user, project=project, to_status=request.POST.get("to", "")
        )
    except (ValidationError, ValueError, KeyError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("The status has been changed."))
    return redirect("projects:overview", pk=project.pk)


@project_view()
def history(request, project):
    return render_workspace(
        request,
        project,
        "history",
        changes=StatusChange.objects.filter(project=project).select_related("actor"),
        records=project.history.select_related("history_user")[:50],
    )
