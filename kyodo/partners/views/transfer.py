"""Exporting the registry (Excel or CSV) and importing partners from a file, with a preview."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from kyodo.core.permissions import permission_required
from kyodo.partners import selectors, services, transfer
from kyodo.partners.forms import ImportForm
from kyodo.partners.models import PartnerImport
from kyodo.partners.views.profiles import list_filters

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@permission_required("partners.export_partners")
def export(request):
    _form, filters = list_filters(request)
    include_private = request.GET.get("scope") == "staff"
    partners = selectors.partners_to_export(filters)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    label = "staff" if include_private else "public"
    # Streamed: 20,000 partners are read a chunk at a time and never held in memory at once.
    if request.GET.get("format") == "csv":
        response = StreamingHttpResponse(
            transfer.export_csv_chunks(partners, include_private),
            content_type="text/csv; charset=utf-8",
        )
        extension = "csv"
    else:
        response = FileResponse(
            transfer.export_xlsx_file(partners, include_private), content_type=XLSX
        )
        extension = "xlsx"
    # The Japanese name for people, an ASCII one for programs that cannot read RFC 6266's.
    japanese = f"協働の主体_{'職員用' if include_private else '公開用'}_{stamp}.{extension}"
    response["Content-Disposition"] = (
        f'attachment; filename="partners-{label}-{stamp}.{extension}"; '
        f"filename*=UTF-8''{quote(japanese)}"
    )
    return response


@permission_required("partners.import_partners")
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            partner_import = services.partner_import_preview(
                actor=request.user,
                filename=upload.name,
                data=upload.read(),
                mode=form.cleaned_data["mode"],
            )
        except transfer.ImportError_ as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("partners:import_detail", import_id=partner_import.pk)
    headings = [heading for heading, _attribute in transfer.export_columns(include_private=True)]
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
    good = services.rows_to_save(partner_import)
    return render(
        request,
        "partners/import_detail.html",
        {
            "partner_import": partner_import,
            "error_rows": [row for row in rows if row["errors"]],
            "warning_rows": [row for row in good if row.get("warnings")],
            "new_rows": [row for row in good if not row.get("partner_id")],
            "update_rows": [row for row in good if row.get("partner_id")],
            "good_count": len(good),
            "has_errors": services.import_has_errors(partner_import),
        },
    )


@permission_required("partners.import_partners")
def import_status(request, import_id):
    """The progress fragment the import page polls while a confirmed import runs."""
    partner_import = _import(request, import_id)
    return render(request, "partners/_import_status.html", {"partner_import": partner_import})
