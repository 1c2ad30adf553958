"""Documents attached to a partner's profile, served only through the permission check."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.partners import services
from kyodo.partners.forms import AttachmentForm
from kyodo.partners.views.access import partner_view


@partner_view("partners.change_partner")
def attachment_add(request, partner):
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
        except ValidationError as error:
            apply_service_error(form, ValidationError({"file": error.messages}))
        else:
            messages.success(request, _("The document was attached."))
            return redirect("partners:detail", partner_id=partner.pk)
    return render(request, "partners/attachment_form.html", {"form": form, "partner": partner})


def _attachment(partner, attachment_id):
    attachment = partner.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return attachment


@partner_view("partners.view_private_fields")
def attachment_download(request, partner, attachment_id):
    attachment = _attachment(partner, attachment_id)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.filename
    )


@require_POST
@partner_view("partners.change_partner")
def attachment_delete(request, partner, attachment_id):
    attachment = _attachment(partner, attachment_id)
    attachment.partner = partner  # the service checks the rule on the partner already read
    services.attachment_delete(actor=request.user, attachment=attachment)
    messages.success(request, _("The document was removed."))
    return redirect("partners:detail", partner_id=partner.pk)
