"""Staff civic activity (§5-1): one's own entries, and the figures by department."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.charts import BarChart, bar_chart
from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import permission_required
from kyodo.core.templatetags.kyodo import percent
from kyodo.core.wareki import fiscal_year_bounds, fiscal_year_label
from kyodo.engagement import selectors, services
from kyodo.engagement.forms import ActivityForm
from kyodo.engagement.views.access import activity_view, page_of


def chosen_year(request) -> int:
    """The fiscal year asked for in ?year=, or the current one (a bad value is ignored)."""
    current = selectors.current_fiscal_year()
    try:
        year = int(request.GET.get("year", current))
    except ValueError:
        return current
    return year if current - 20 <= year <= current + 1 else current


def year_choices(year: int) -> list[dict]:
    current = selectors.current_fiscal_year()
    return [
        {"value": y, "label": fiscal_year_label(y), "selected": y == year}
        for y in range(current, current - 5, -1)
    ]


@permission_required("engagement.log_activity")
def my_activities(request):
    page = page_of(request, selectors.activities_of(request.user))
    return render(request, "engagement/my_activities.html", {"page": page})


def _save(request, form, activity=None):
    try:
        if activity is None:
            services.activity_log(actor=request.user, **form.service_fields())
        else:
            services.activity_update(actor=request.user, activity=activity, **form.service_fields())
    except ValidationError as error:
        apply_service_error(form, error)
        return False
    return True


@permission_required("engagement.log_activity")
def activity_new(request):
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _save(request, form):
        messages.success(request, _("Your activity has been logged."))
        return redirect("engagement:my_activities")
    return render(request, "engagement/activity_form.html", {"form": form})


@activity_view("engagement.change_activity")
def activity_edit(request, activity):
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid() and _save(request, form, activity):
        messages.success(request, _("Your activity has been saved."))
        return redirect("engagement:my_activities")
    return render(request, "engagement/activity_form.html", {"form": form, "activity": activity})


@require_POST
@activity_view("engagement.change_activity")
def activity_delete(request, activity):
    services.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("The entry has been deleted."))
    return redirect("engagement:my_activities")


def share_chart(rows) -> BarChart:
    fewer = _("fewer than %(n)s") % {"n": selectors.min_group()}
    return bar_chart(
        (row.department.name, row.share, fewer if row.suppressed else percent(row.share))
        for row in rows
    )


@permission_required("engagement.view_activity_figures")
def figures(request):
    """Staff activity and training by department, with small groups suppressed."""
    year = chosen_year(request)
    activity = selectors.activity_figures(year)
    training = selectors.training_figures(year)
    return render(
        request,
        "engagement/figures.html",
        {
            "year": year,
            "year_label": fiscal_year_label(year),
            "years": year_choices(year),
            "activity": activity,
            "activity_chart": share_chart(activity),
            "training": training,
            "training_chart": share_chart(training),
            "issues": selectors.issue_figures(),
            "min_group": selectors.min_group(),
        },
    )


@permission_required("engagement.view_all_activities")
def all_activities(request):
    """Every entry, for coordinators: the one place names and unpublished entries appear."""
    year = chosen_year(request)
    activities = selectors.all_activities().filter(date__range=fiscal_year_bounds(year))
    return render(
        request,
        "engagement/all_activities.html",
        {
            "page": page_of(request, activities),
            "extra_query": f"year={year}",
            "year_label": fiscal_year_label(year),
            "years": year_choices(year),
        },
    )
