"""Consultations between the two sides, and the points both confirm (協議・合意事項)."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.projects import services
from kyodo.projects.forms import ConsultationForm
from kyodo.projects.models import AgreedPoint
from kyodo.projects.views.workspace import project_view, render_workspace


@project_view()
def consultations(request, project):
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("points")
        services.consultation_add(
            actor=request.user, project=project, points=form.point_lines(), **data
        )
        messages.success(request, _("The consultation has been recorded."))
        return redirect("projects:consultations", pk=project.pk)
    return render_workspace(
        request,
        project,
        "consultations",
        form=form,
        consultations=project.consultations.prefetch_related(
            Prefetch("points", queryset=AgreedPoint.objects.order_by("created_at"))
        ),
        points=AgreedPoint.objects.filter(project=project).select_related(
            "city_confirmed_by", "partner_confirmed_by"
        ),
        can_confirm_city=request.user.has_perm("projects.confirm_as_city", project),
        can_confirm_partner=request.user.has_perm("projects.confirm_as_partner", project),
    )


@require_POST
@project_view()
def point_confirm(request, project, point_pk):
    point = AgreedPoint.objects.filter(project=project, pk=point_pk).first()
    side = request.POST.get("side")
    if point is None or side not in ("city", "partner"):
        raise Http404
    point.project = project  # the rule checks the side on the project already read
    services.agreed_point_confirm(actor=request.user, point=point, side=side)
    messages.success(request, _("Your side's confirmation has been recorded."))
    return redirect("projects:consultations", pk=project.pk)
