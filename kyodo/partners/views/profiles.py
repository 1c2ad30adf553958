"""The partner registry for the city side: list, register, profile, edit, and matching."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import permission_required
from kyodo.partners import selectors, services
from kyodo.partners.forms import AttachmentForm, MatchForm, PartnerFilterForm, PartnerForm
from kyodo.partners.matching import match_partners
from kyodo.partners.models import Partner
from kyodo.partners.views.access import partner_view


def list_filters(request) -> tuple[PartnerFilterForm, selectors.PartnerFilters]:
    """The list's filter form and what it asks for (the export uses the same filters)."""
    form = PartnerFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        return form, selectors.PartnerFilters(
            query=data["q"],
            partner_type=data["partner_type"],
            field=data["field"],
            area=data["area"],
        )
    return form, selectors.PartnerFilters()


@permission_required("partners.view_partner_list")
def partner_list(request):
    form, filters = list_filters(request)
    # Read only when the list's body is rendered, not when it comes from the cache (work_cache).
    page = SimpleLazyObject(lambda: selectors.partner_page(filters, request.GET.get("page")))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "partners/partner_list.html",
        {
            "form": form,
            "page": page,
            "searching": bool(filters.query.strip()),
            "query_string": query_string.urlencode(),
        },
    )


def _save(request, form, partner=None):
    """Create or update through the service; the saved partner, or None with the form's errors."""
    data, fields = form.service_data(), form.cleaned_data["fields"]
    try:
        if partner is None:
            return services.partner_create(actor=request.user, data=data, fields=fields)
        return services.partner_update(
            actor=request.user,
            partner=partner,
            data=data,
            fields=fields,
            lock_version=form.cleaned_data.get("lock_version"),
        )
    except ValidationError as error:
        current = current_lock_version(Partner, pk=partner.pk) if partner else None
        apply_service_error(form, error, current)
        return None


@permission_required("partners.add_partner")
def partner_create(request):
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        partner = _save(request, form)
        if partner is not None:
            messages.success(request, _("The partner was registered."))
            return redirect("partners:detail", partner_id=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form, "partner": None})


@partner_view()
def partner_detail(request, partner):
    user = request.user
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "tab": "profile",
            "can_view_members": user.has_perm("partners.view_members", partner),
            "show_private": user.has_perm("partners.view_private_fields", partner),
            "can_edit": user.has_perm("partners.change_partner", partner),
            "participations": selectors.partner_projects(partner),
            "history": selectors.partner_history(partner),
            "attachment_form": AttachmentForm(),
        },
    )


@partner_view("partners.change_partner")
def partner_edit(request, partner):
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid() and _save(request, form, partner):
        messages.success(request, _("The changes were saved."))
        return redirect("partners:detail", partner_id=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form, "partner": partner})


@permission_required("partners.view_own_partner")
def my_partner(request):
    """A partner member's own organisation (the first one, if they act for several)."""
    partner = selectors.partners_of(request.user).first()
    if partner is None:
        raise Http404
    return redirect("partners:detail", partner_id=partner.pk)


@permission_required("partners.match_partners")
def match(request):
    form = MatchForm(request.GET or None)
    matches = None
    if form.is_valid():
        matches = match_partners(
            form.cleaned_data["query"],
            field_ids=[f.pk for f in form.cleaned_data["fields"]],
            limit=20,
        )
    return render(request, "partners/match.html", {"form": form, "matches": matches})
