from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.functional import SimpleLazyObject

from kyodo.accounts.forms import LoginForm
from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.core.permissions import permission_required
from kyodo.core.plugins import panels_for
from kyodo.core.tasks_health import stalled_tasks

HOME_URL_NAMES = {
    Role.ADMINISTRATOR: "accounts:administrator_home",
    Role.COORDINATOR: "accounts:coordinator_home",
    Role.STAFF: "accounts:staff_home",
    Role.PARTNER_MEMBER: "accounts:partner_home",
    Role.EVALUATOR: "accounts:evaluator_home",
}


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """Where an invited person chooses a password, from the link in their e-mail."""

    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_set_done")


class PasswordSetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_set_done.html"


@login_required
def home(request):
    """Send each person to the home page of their main role."""
    role = request.user.primary_role
    if role is None:
        return render(request, "accounts/home_no_role.html")
    return redirect(HOME_URL_NAMES[role])


@permission_required("accounts.view_administrator_home")
def administrator_home(request):
    departments = Department.objects.annotate(member_count=Count("members"))
    role_counts = dict(
        User.objects.filter(is_active=True)
        .values_list("groups__name")
        .annotate(count=Count("id"))
        .values_list("groups__name", "count")
    )
    roles = [(role.label, role_counts.get(role.value, 0)) for role in Role]
    return render(
        request,
        "accounts/home_administrator.html",
        {
            "departments": departments,
            "roles": roles,
            "panels": panels_for(request, Role.ADMINISTRATOR),
            "stalled_tasks": stalled_tasks(),
        },
    )


@permission_required("accounts.view_coordinator_home")
def coordinator_home(request):
    departments = Department.objects.filter(is_active=True).annotate(member_count=Count("members"))
    return render(
        request,
        "accounts/home_coordinator.html",
        {"departments": departments, "panels": panels_for(request, Role.COORDINATOR)},
    )


@permission_required("accounts.view_staff_home")
def staff_home(request):
    # Read only when the body is rendered, not when it comes from the cache (work_cache).
    panels = SimpleLazyObject(lambda: panels_for(request, Role.STAFF))
    return render(request, "accounts/home_staff.html", {"panels": panels})


@permission_required("accounts.view_partner_home")
def partner_home(request):
    return render(
        request, "accounts/home_partner.html", {"panels": panels_for(request, Role.PARTNER_MEMBER)}
    )


@permission_required("accounts.view_evaluator_home")
def evaluator_home(request):
    return render(
        request, "accounts/home_evaluator.html", {"panels": panels_for(request, Role.EVALUATOR)}
    )
