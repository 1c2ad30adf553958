"""What the cycle pages share: the tabs, finding the object and checking the rule, the frame.

Each view is decorated with `project_view`, `cycle_view` (or `object_permission_required` for
another object): the object is fetched once, with what the frame needs, and handed to the view.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import object_permission_required
from kyodo.cycles import selectors, services
from kyodo.cycles.forms import BudgetLineForm, IndicatorForm, ScheduleForm
from kyodo.cycles.models import BudgetLine, Cycle, CycleStatus, Indicator, ScheduleItem, Side
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
VERIFYING_NOT_YET = {CycleStatus.PLAN, CycleStatus.DO}
PROJECTS = Project.objects.select_related("department")
CYCLES = Cycle.objects.select_related("project__department")


def project_view(perm="cycles.view_cycles", queryset=PROJECTS):
    """The project of the URL's `project_pk`, seen by whoever sees its cycles; `perm` to act."""
    return object_permission_required(perm, queryset, see="cycles.view_cycles", pk="project_pk")


def cycle_view(perm="cycles.view_cycles", queryset=CYCLES):
    """The cycle of the URL's `pk`, seen by whoever sees its project's cycles; `perm` to act."""
    return object_permission_required(perm, queryset, see="cycles.view_cycles")


def flash_error(request, error) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


def attempt(request, call, success) -> bool:
    """Run a service call behind a button: its refusal, or `success`, is shown on the next page."""
    try:
        call()
    except ValidationError as error:
        flash_error(request, error)
        return False
    messages.success(request, success)
    return True


def save_form(request, form, save, success, then, *, lock_version=None):
    """A valid POSTed form is saved by `save(cleaned_data)` (a service call): then the person
    reads `success` and goes to `then` (a URL, or a function of what `save` returned). None
    when there is nothing to save or the service refused: its error is then on the form
    (after an edit conflict, based on the version `lock_version()` returns)."""
    if request.method != "POST" or form is None or not form.is_valid():
        return None
    try:
        result = save(form.cleaned_data)
    except ValidationError as error:
        apply_service_error(form, error, lock_version() if lock_version else None)
        return None
    messages.success(request, success)
    return redirect(then(result) if callable(then) else then)


def visible_cycle_tabs(user, cycle, both_submitted: bool) -> list[tuple[str, str]]:
    """The cycle's tabs this person may open: a side's verification only to that side until
    both have submitted (a tab that would answer 404 is not offered)."""
    hidden = {
        f"verification_{side}"
        for side in Side.values
        if not both_submitted and not user.has_perm(f"cycles.verify_as_{side}", cycle)
    }
    return [(name, str(label)) for name, label in CYCLE_TABS if name not in hidden]


def page(request, template, project, *, cycle=None, tab="", **context):
    """Render a cycle page inside the project workspace frame (its tabs, title, status)."""
    # Verifications are written in the check phase: before it, no query is needed.
    both = (
        cycle is not None
        and cycle.status not in VERIFYING_NOT_YET
        and selectors.both_submitted(cycle)
    )
    context.update(
        project=project,
        cycle=cycle,
        tab="cycles",
        tabs=[(name, str(label)) for name, label in PROJECT_TABS],
        cycle_tab=tab,
        cycle_tabs=visible_cycle_tabs(request.user, cycle, both) if cycle is not None else [],
        both_submitted=both,
        can_manage=cycle is not None and request.user.has_perm("cycles.manage_cycle", cycle),
    )
    return render(request, template, context)
