"""The coordinator's lists of partner types (主体の種類) and fields of activity (活動分野)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import permission_required
from kyodo.partners import selectors, services
from kyodo.partners.forms import TaxonomyItemForm
from kyodo.partners.models import ActivityField, PartnerType

TAXONOMY = {
    "type": (PartnerType, services.partner_type_save, "partner_type"),
    "field": (ActivityField, services.activity_field_save, "activity_field"),
}


def _saved(request, form, kind: str, item=None) -> bool:
    _model, save, argument = TAXONOMY[kind]
    extra = {argument: item} if item is not None else {}
    try:
        save(actor=request.user, **form.cleaned_data, **extra)
    except ValidationError as error:
        apply_service_error(form, error)
        return False
    return True


@permission_required("partners.manage_taxonomy")
def taxonomy(request):
    types, fields = selectors.taxonomy()
    kind = request.POST.get("kind")
    forms = {
        name: TaxonomyItemForm(request.POST if kind == name else None, prefix=name)
        for name in TAXONOMY
    }
    form = forms.get(kind)
    posted = request.method == "POST" and form is not None and form.is_valid()
    if posted and _saved(request, form, kind):
        messages.success(request, _("The item was added."))
        return redirect("partners:taxonomy")
    return render(
        request,
        "partners/taxonomy.html",
        {
            "types": types,
            "fields": fields,
            "type_form": forms["type"],
            "field_form": forms["field"],
        },
    )


@permission_required("partners.manage_taxonomy")
def taxonomy_edit(request, kind, item_id):
    model = TAXONOMY[kind][0] if kind in TAXONOMY else None
    item = model.objects.filter(pk=item_id).first() if model else None
    if item is None:
        raise Http404
    form = TaxonomyItemForm(
        request.POST or None, initial={"name": item.name, "sort_order": item.sort_order}
    )
    if request.method == "POST" and form.is_valid() and _saved(request, form, kind, item):
        messages.success(request, _("The changes were saved."))
        return redirect("partners:taxonomy")
    return render(request, "partners/taxonomy_edit.html", {"form": form, "item": item})
