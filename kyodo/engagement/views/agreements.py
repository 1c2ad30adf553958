"""Partnership agreements (連携協定, §5-5) and what is done under them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import permission_required
from kyodo.engagement import selectors, services
from kyodo.engagement.forms import AgreementActivityForm, AgreementForm
from kyodo.engagement.models import PartnershipAgreement
from kyodo.engagement.views.access import agreement_view, page_of

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


@permission_required("engagement.view_agreements")
def agreement_list(request):
    agreements = selectors.agreements().order_by("-signed_on", "title")
    return render(request, "engagement/agreement_list.html", {"page": page_of(request, agreements)})


@permission_required("engagement.create_agreement")
def agreement_new(request):
    form = AgreementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(
                actor=request.user, department=request.user.department, **form.service_fields()
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The partnership agreement has been recorded."))
            return redirect("engagement:agreement_detail", agreement.pk)
    return render(request, "engagement/agreement_form.html", {"form": form})


@agreement_view("engagement.change_agreement")
def agreement_edit(request, agreement):
    form = AgreementForm(
        request.POST or None,
        request.FILES or None,
        instance=agreement,
        initial={"lock_version": agreement.lock_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(
                actor=request.user,
                agreement=agreement,
                lock_version=form.cleaned_data.get("lock_version"),
                **form.service_fields(),
            )
        except ValidationError as error:
            apply_service_error(
                form, error, current_lock_version(PartnershipAgreement, pk=agreement.pk)
            )
        else:
            messages.success(request, _("The partnership agreement has been saved."))
            return redirect("engagement:agreement_detail", agreement.pk)
    return render(request, "engagement/agreement_form.html", {"form": form, "agreement": agreement})


@agreement_view("engagement.view_agreement")
def agreement_detail(request, agreement):
    annotated = selectors.agreements().get(pk=agreement.pk)
    form = AgreementActivityForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("engagement.change_agreement", agreement):
            return redirect("engagement:agreement_detail", agreement.pk)
        if form.is_valid():
            try:
                services.agreement_activity_add(
                    actor=request.user, agreement=agreement, **form.cleaned_data
                )
            except ValidationError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("The activity has been recorded."))
                return redirect("engagement:agreement_detail", agreement.pk)
    return render(
        request,
        "engagement/agreement_detail.html",
        {
            "agreement": annotated,
            "activities": selectors.agreement_activities(agreement),
            "form": form,
        },
    )


@agreement_view("engagement.view_agreement")
def agreement_document(request, agreement):
    """The signed agreement, only after the rule, as a download that never runs as a page."""
    if not agreement.document:
        raise Http404
    extension = agreement.document_name.rpartition(".")[2].lower()
    response = FileResponse(
        agreement.document.open("rb"),
        as_attachment=True,
        filename=agreement.document_name,
        content_type=DOCUMENT_TYPES.get(extension, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
