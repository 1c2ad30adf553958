"""Partner pages for the city side and for partner members; member accounts are in .members."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.permissions import get_object_for, permission_required
from kyodo.partners import selectors, services, transfer
from kyodo.partners.forms import (
    AttachmentForm,
    ImportForm,
    MatchForm,
    PartnerFilterForm,
    PartnerForm,
    TaxonomyItemForm,
)
from kyodo.partners.matching import match_partners
from kyodo.partners.models import (
    ActivityField,
    PartnerImport,
    PartnerType,
)


def _partner(request, partner_id, perm="partners.view_partner"):
    # The decorator and the view both need the partner: fetch it once per request.
    cached = getattr(request, "_partner", None)
    if cached is None or cached.pk != partner_id:
        cached = get_object_for(
            request.user, perm, selectors.partner_detail_queryset(), pk=partner_id
        )
        request._partner = cached
    elif not request.user.has_perm(perm, cached):
        raise Http404
    return cached


def _get_partner(request, partner_id, **kwargs):
    # Anonymous visitors are sent to log in rather than told that nothing is here.
    if not request.user.is_authenticated:
        return None
    return _partner(request, partner_id)


def _filters(request) -> tuple[PartnerFilterForm, selectors.PartnerFilters]:
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
    form, filters = _filters(request)
    page = selectors.partner_page(filters, request.GET.get("page"))
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


@permission_required("partners.add_partner")
def partner_create(request):
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(
                actor=request.user, data=form.service_data(), fields=form.cleaned_data["fields"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The partner was registered."))
            return redirect("partners:detail", partner_id=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form, "partner": None})


@permission_required("partners.view_partner", get_object=_get_partner)
def partner_detail(request, partner_id):
    partner = _partner(request, partner_id)
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "tab": "profile",
            "can_view_members": request.user.has_perm("partners.view_members", partner),
            "show_private": request.user.has_perm("partners.view_private_fields", partner),
            "can_edit": request.user.has_perm("partners.change_partner", partner),
            "participations": selectors.partner_projects(partner),
            "history": selectors.partner_history(partner),
            "attachment_form": AttachmentForm(),
        },
    )


@permission_required("partners.change_partner", get_object=_get_partner)
def partner_edit(request, partner_id):
    partner = _partner(request, partner_id)
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_update(
                actor=request.user,
                partner=partner,
                data=form.service_data(),
                fields=form.cleaned_data["fields"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
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


@permission_required("partners.change_partner", get_object=_get_partner)
def attachment_add(request, partner_id):
    partner = _partner(request, partner_id)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attachment_add(
                actor=request.user,
                partner=partner,
                uploaded_file=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, _("The document was attached."))
            return redirect("partners:detail", partner_id=partner.pk)
    return render(request, "partners/attachment_form.html", {"form": form, "partner": partner})


def _attachment(request, partner_id, attachment_id, perm):
    partner = _partner(request, partner_id, perm)
    attachment = partner.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return attachment


@permission_required("partners.view_private_fields", get_object=_get_partner)
def attachment_download(request, partner_id, attachment_id):
    attachment = _attachment(request, partner_id, attachment_id, "partners.view_private_fields")
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.filename
    )


@require_POST
@permission_required("partners.change_partner", get_object=_get_partner)
def attachment_delete(request, partner_id, attachment_id):
    attachment = _attachment(request, partner_id, attachment_id, "partners.change_partner")
    services.attachment_delete(actor=request.user, attachment=attachment)
    messages.success(request, _("The document was removed."))
    return redirect("partners:detail", partner_id=partner_id)


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


@permission_required("partners.export_partners")
def export(request):
    _form, filters = _filters(request)
    include_private = request.GET.get("scope") == "staff"
    partners = selectors.filtered_partners(filters)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    label = "staff" if include_private else "public"
    if request.GET.get("format") == "csv":
        content = transfer.export_csv(partners, include_private)
        content_type, extension = "text/csv; charset=utf-8", "csv"
    else:
        content = transfer.export_xlsx(partners, include_private)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        extension = "xlsx"
    response = HttpResponse(content, content_type=content_type)
    filename = f"partners-{label}-{stamp}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@permission_required("partners.import_partners")
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            partner_import = services.partner_import_preview(
                actor=request.user, filename=upload.name, data=upload.read()
            )
        except transfer.ImportError_ as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("partners:import_detail", import_id=partner_import.pk)
    headings = [heading for heading, _attribute in transfer.columns(include_private=True)]
    return render(request, "partners/import_upload.html", {"form": form, "headings": headings})


def _import(request, import_id) -> PartnerImport:
    partner_import = PartnerImport.objects.filter(pk=import_id, created_by=request.user).first()
    if partner_import is None:
        raise Http404
    return partner_import


@permission_required("partners.import_partners")
def import_detail(request, import_id):
    partner_import = _import(request, import_id)
    if request.method == "POST":
        try:
            partner_import = services.partner_import_confirm(
                actor=request.user, partner_import=partner_import
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("partners:import_detail", import_id=partner_import.pk)
    rows = partner_import.rows
    return render(
        request,
        "partners/import_detail.html",
        {
            "partner_import": partner_import,
            "error_rows": [row for row in rows if row["errors"]],
            "warning_rows": [row for row in rows if row.get("warnings")],
            "preview_rows": rows[:20],
            "has_errors": services.import_has_errors(partner_import),
        },
    )


@permission_required("partners.manage_taxonomy")
def taxonomy(request):
    types, fields = selectors.taxonomy()
    kind = request.POST.get("kind")
    type_form = TaxonomyItemForm(request.POST if kind == "type" else None, prefix="type")
    field_form = TaxonomyItemForm(request.POST if kind == "field" else None, prefix="field")
    if request.method == "POST":
        form = type_form if kind == "type" else field_form
        if form.is_valid():
            save = services.partner_type_save if kind == "type" else services.activity_field_save
            try:
                save(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error("name", exc.message_dict.get("name", exc.messages))
            else:
                messages.success(request, _("The item was added."))
                return redirect("partners:taxonomy")
    return render(
        request,
        "partners/taxonomy.html",
        {"types": types, "fields": fields, "type_form": type_form, "field_form": field_form},
    )


TAXONOMY = {
    "type": (PartnerType, services.partner_type_save, "partner_type"),
    "field": (ActivityField, services.activity_field_save, "activity_field"),
}


@permission_required("partners.manage_taxonomy")
def taxonomy_edit(request, kind, item_id):
    if kind not in TAXONOMY:
        raise Http404
    model, save, argument = TAXONOMY[kind]
    item = model.objects.filter(pk=item_id).first()
    if item is None:
        raise Http404
    form = TaxonomyItemForm(
        request.POST or None, initial={"name": item.name, "sort_order": item.sort_order}
    )
    if request.method == "POST" and form.is_valid():
        try:
            save(actor=request.user, **form.cleaned_data, **{argument: item})
        except ValidationError as exc:
            form.add_error("name", exc.message_dict.get("name", exc.messages))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("partners:taxonomy")
    return render(request, "partners/taxonomy_edit.html", {"form": form, "item": item})
