"""What the cycle pages share: the tabs, finding the object and checking the rule, the frame."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from kyodo.core.permissions import get_object_for, permission_required
from kyodo.cycles import services
from kyodo.cycles.forms import (
    BudgetLineForm,
    IndicatorForm,
    ScheduleForm,
)
from kyodo.cycles.models import (
    BudgetLine,
    Cycle,
    Indicator,
    ScheduleItem,
)
from kyodo.projects.models import Project
from kyodo.projects.views import TABS as PROJECT_TABS

CYCLE_TABS = [
    ("detail", gettext_lazy("Plan and results")),
    ("records", gettext_lazy("Activity records")),
    ("verification_city", gettext_lazy("City's verification")),
    ("verification_partner", gettext_lazy("Partner's verification")),
    ("comparison", gettext_lazy("Comparison")),
    ("evaluation", gettext_lazy("Evaluation")),
    ("history", gettext_lazy("History")),
]
PLAN_LINES = {
    "indicator": (Indicator, IndicatorForm, services.indicator_add),
    "schedule": (ScheduleItem, ScheduleForm, services.schedule_item_add),
    "budget": (BudgetLine, BudgetLineForm, services.budget_line_add),
}


def _get_project(request, project_pk, **kwargs):
    if not request.user.is_authenticated:
        return None  # so that the decorator sends the visitor to log in
    cached = getattr(request, "_cycles_project", None)
    if cached is None or cached.pk != project_pk:
        cached = get_object_for(
            request.user,
            "cycles.view_cycles",
            Project.objects.select_related("department"),
            pk=project_pk,
        )
        request._cycles_project = cached
    return cached


def _get_cycle(request, pk, **kwargs):
    if not request.user.is_authenticated:
        return None
    cached = getattr(request, "_cycles_cycle", None)
    if cached is None or cached.pk != pk:
        cached = get_object_for(
            request.user,
            "cycles.view_cycles",
            Cycle.objects.select_related("project__department"),
            pk=pk,
        )
        request._cycles_cycle = cached
    return cached


def project_view(perm="cycles.view_cycles"):
    return permission_required(perm, get_object=_get_project)


def cycle_view(perm="cycles.view_cycles"):
    return permission_required(perm, get_object=_get_cycle)


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _flash_error(request, error) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


def _page(request, template, project, *, cycle=None, tab="", **context):
    """Render a cycle page inside the project workspace frame (its tabs, title, status)."""
    user = request.user
    context.update(
        project=project,
        cycle=cycle,
        tab="cycles",
        tabs=[(name, str(label)) for name, label in PROJECT_TABS],
        cycle_tab=tab,
        cycle_tabs=[(name, str(label)) for name, label in CYCLE_TABS],
        can_manage=cycle is not None and user.has_perm("cycles.manage_cycle", cycle),
        can_edit=user.has_perm("cycles.edit_plan", project),
    )
    return render(request, template, context)
