"""The staff pages of councils: the list with figures, a council's page, create and edit, and
the coordinator's list of councils that may be hollow."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import permission_required
from kyodo.councils import selectors, services
from kyodo.councils.forms import CouncilForm
from kyodo.councils.models import COUNCIL_FIELDS
from kyodo.councils.views.access import council_view


@permission_required("councils.view_council")
def council_list(request):
    rows = selectors.council_rows(selectors.councils_for_staff())
    return render(
        request,
        "councils/council_list.html",
        {"rows": rows, "city": selectors.city_figures(rows), "today": timezone.localdate()},
    )


@permission_required("councils.view_hollow_list")
def hollow_list(request):
    return render(request, "councils/hollow_list.html", {"rows": selectors.hollow_councils()})


def _save(request, form, council=None):
    data = {key: form.cleaned_data[key] for key in COUNCIL_FIELDS}
    try:
        if council is None:
            return services.council_create(actor=request.user, data=data)
        return services.council_update(actor=request.user, council=council, data=data)
    except ValidationError as error:
        apply_service_error(form, error)
        return None


@permission_required("councils.add_council")
def council_create(request):
    form = CouncilForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        council = _save(request, form)
        if council is not None:
            messages.success(request, _("The council was registered."))
            return redirect("councils:detail", pk=council.pk)
    return render(request, "councils/council_form.html", {"form": form, "council": None})


@council_view("councils.edit_council")
def council_edit(request, council):
    form = CouncilForm(request.POST or None, instance=council, user=request.user)
    if request.method == "POST" and form.is_valid() and _save(request, form, council):
        messages.success(request, _("The changes were saved."))
        return redirect("councils:detail", pk=council.pk)
    return render(request, "councils/council_form.html", {"form": form, "council": council})


@council_view("councils.view_council")
def council_detail(request, council):
    today = timezone.localdate()
    row = selectors.council_rows([council], day=today)[0]
    terms = list(selectors.council_terms(council))
    warnings = selectors.warnings_for(terms, council, today)
    return render(
        request,
        "councils/council_detail.html",
        {
            "council": council,
            "row": row,
            "current": [t for t in terms if t.in_office_on(today)],
            "past": [t for t in terms if not t.in_office_on(today)],
            "warnings": warnings,
            "warned": [
                t
                for t in terms
                if t.in_office_on(today) and warnings.get(t.person_id) and warnings[t.person_id].any
            ],
            "meetings": selectors.council_meetings(council),
            "open_followups": selectors.open_followups(council).count(),
            "can_edit": request.user.has_perm("councils.edit_council", council),
            "show_contacts": request.user.has_perm("councils.view_contacts", council),
            "today": today,
        },
    )
