"""Pages of coordinators about grants (補助): the list, reviews and disclosure."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.calls import selectors, services
from kyodo.calls.forms import DisclosureForm, GrantForm, GrantReviewForm
from kyodo.calls.models import DisclosureStatus, Grant
from kyodo.calls.views.access import grant_view
from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import permission_required


def _repeat_message(grant) -> str:
    return _(
        "%(partner)s has received a subsidy for “%(purpose)s” in %(years)s consecutive fiscal "
        "years. The guideline asks that recipients do not become fixed."
    ) % {"partner": grant.partner.name, "purpose": grant.purpose, "years": grant.consecutive_years}


@permission_required("calls.manage_grants")
def grant_list(request):
    form = GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = services.grant_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The grant has been recorded."))
            warned = selectors.grants_with_repeat_warnings(Grant.objects.filter(pk=grant.pk))
            if warned[0].repeat_warning:
                messages.warning(request, _repeat_message(warned[0]))
            return redirect("calls:grant_list")
    return render(
        request,
        "calls/grant_list.html",
        {
            "grants": selectors.grants_with_repeat_warnings(Grant.objects.all()),
            "unreviewed": selectors.grants_ended_without_review(),
            "form": form,
            "disclosure_choices": DisclosureStatus.choices,
        },
    )


@require_POST
@grant_view()
def grant_review(request, grant):
    form = GrantReviewForm(request.POST)
    if form.is_valid():
        services.grant_review(actor=request.user, grant=grant, notes=form.cleaned_data["notes"])
        messages.success(request, _("The review has been recorded."))
    else:
        messages.error(request, _("Write what the review found."))
    return redirect("calls:grant_list")


@require_POST
@grant_view()
def grant_disclosure(request, grant):
    form = DisclosureForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["disclosure_status"]
        services.grant_set_disclosure(actor=request.user, grant=grant, disclosure_status=status)
        messages.success(request, _("The disclosure status has been saved."))
    return redirect("calls:grant_list")
