"""The dashboard, the compliance alerts and the annual report pages."""

import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.accounts.models import Department
from kyodo.core.charts import bar_chart
from kyodo.core.permissions import object_permission_required
from kyodo.core.wareki import fiscal_year_label
from kyodo.portal.http import page_meta
from kyodo.reports import services
from kyodo.reports.alerts import alerts_for
from kyodo.reports.figures import Dashboard, Scope, cache_key, dashboard
from kyodo.reports.models import AnnualReport


def hidden_unless(perm: str):
    """Like permission_required, but what one may not see does not exist (404, not 403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(perm):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _year(request, years: list[int]) -> tuple[int, str]:
    """The fiscal year asked for, or the newest; a message when the one asked has no data."""
    raw = request.GET.get("year", "")
    if not raw:
        return years[0], ""
    try:
        year = int(raw)
    except ValueError:
        return years[0], _("Choose a fiscal year from the list.")
    if year not in years:
        return years[0], _("There are no records for %(year)s.") % {"year": fiscal_year_label(year)}
    return year, ""


def _department(request):
    """The department asked for (coordinators any, staff their own); None is the whole city."""
    raw = request.GET.get("department", "")
    user = request.user
    if raw == "":
        return None if user.has_perm("reports.view_city_alerts") else user.department, ""
    if raw == "city":
        return None, ""
    department = Department.objects.filter(pk=raw).first() if _is_uuid(raw) else None
    if department is None:
        return None, _("That department does not exist; the whole city is shown.")
    if not user.has_perm("reports.view_department", department):
        raise Http404
    return department, ""


def _is_uuid(raw: str) -> bool:
    try:
        uuid.UUID(raw)
    except ValueError:
        return False
    return True


def _choices(request, year: int, department) -> dict:
    user = request.user
    if user.has_perm("reports.view_city_alerts"):
        departments = list(Department.objects.filter(is_active=True).order_by("sort_order"))
    else:
        departments = [user.department] if user.department_id else []
    return {
        "years": [
            {"value": y, "label": fiscal_year_label(y), "selected": y == year}
            for y in services.years_with_data()
        ],
        "departments": departments,
        "department": department,
    }


# A new day or any change makes a new key; the timeout only frees the memory of old ones.
FIGURES_KEPT_SECONDS = 24 * 60 * 60


def _figures(scope: Scope) -> tuple[Dashboard, str]:
    """The scope's figures and their tables and charts as HTML, computed and rendered once and
    kept until any record changes (figures.cache_key): shown again, they cost no query."""
    key = cache_key(scope)
    kept = cache.get(key)
    if kept is None:
        board = dashboard(scope)
        charts = []
        for section in board.sections:
            bars, top = section.chart_bars()
            charts.append((section, bar_chart(bars, maximum=top)))
        html = render_to_string(
            "reports/_figures.html",
            {
                "charts": charts,
                "min_group": settings.ENGAGEMENT_MIN_GROUP,
                "staff_rows": list(zip(board.staff_activity, board.staff_training, strict=True)),
            },
        )
        kept = (board, mark_safe(html))
        cache.set(key, kept, timeout=FIGURES_KEPT_SECONDS)
    return kept


@hidden_unless("reports.view_dashboard")
def dashboard_page(request):
    years = services.years_with_data()
    year, year_error = _year(request, years)
    department, department_error = _department(request)
    board, figures = _figures(Scope(year, department))
    for error in (year_error, department_error):
        if error:
            messages.warning(request, error)
    return render(
        request,
        "reports/dashboard.html",
        {
            "board": board,
            "figures": figures,
            "year_label": fiscal_year_label(year),
            "alerts_url": reverse("reports:alerts"),
            **_choices(request, year, department),
        },
    )


@hidden_unless("reports.view_dashboard")
def alerts_page(request):
    department, error = _department(request)
    if error:
        messages.warning(request, error)
    year = services.years_with_data()[0]
    return render(
        request,
        "reports/alerts.html",
        {"alerts": alerts_for(department), **_choices(request, year, department)},
    )


@hidden_unless("reports.make_annual_report")
def report_page(request):
    years = services.years_with_data()
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
            report = services.annual_report_request(
                actor=request.user, fiscal_year=year, again=bool(request.POST.get("again"))
            )
        except (ValueError, ValidationError):
            messages.error(request, _("Choose a fiscal year that has records."))
        else:
            return redirect("reports:report_detail", report.pk)
    return render(
        request,
        "reports/report.html",
        {
            "years": [{"value": y, "label": fiscal_year_label(y)} for y in years],
            "reports": AnnualReport.objects.all()[:20],
        },
    )


report_view = object_permission_required("reports.make_annual_report", AnnualReport.objects.all())


@report_view
def report_detail(request, report):
    return render(
        request,
        "reports/report_detail.html",
        {"report": report, "year_label": fiscal_year_label(report.fiscal_year)},
    )


@require_POST
@object_permission_required(
    "reports.publish_report", AnnualReport.objects.all(), see="reports.make_annual_report"
)
def report_publish(request, report):
    if request.POST.get("withdraw"):
        services.annual_report_withdraw(actor=request.user, report=report)
        messages.success(request, _("The summary has been withdrawn from the portal."))
    else:
        services.annual_report_publish(actor=request.user, report=report)
        messages.success(request, _("The summary has been published on the portal."))
    return redirect("reports:report_detail", report.pk)


def public_reports(request):
    """The published summaries of the annual reports (no login): figures only."""
    published = AnnualReport.objects.filter(published_at__isnull=False).order_by("-fiscal_year")
    meta = page_meta(
        request,
        _("Annual collaboration report"),
        _("The city's yearly figures on collaboration with its citizens."),
    )
    return render(request, "reports/public_list.html", {"reports": published, "meta": meta})


def public_report(request, year: int):
    report = AnnualReport.objects.filter(fiscal_year=year, published_at__isnull=False).first()
    if report is None:
        raise Http404
    return render(
        request,
        "reports/public_detail.html",
        {
            "report": report,
            "year_label": fiscal_year_label(year),
            "meta": page_meta(
                request,
                _("Annual collaboration report, %(year)s") % {"year": fiscal_year_label(year)},
                _("The city's yearly figures on collaboration with its citizens."),
            ),
        },
    )


@report_view
def report_status(request, report):
    """The status fragment the report page polls while the report is being made."""
    return render(request, "reports/_status.html", {"report": report})


@report_view
def report_download(request, report, kind):
    file = {"xlsx": report.xlsx, "pdf": report.pdf}.get(kind)
    if not file:
        raise Http404
    name = _("annual-report_%(year)s.%(kind)s") % {
        "year": fiscal_year_label(report.fiscal_year),
        "kind": kind,
    }
    return FileResponse(file.open("rb"), as_attachment=True, filename=name)
