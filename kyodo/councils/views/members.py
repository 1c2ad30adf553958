"""Appointing members, changing a term or a person, and a member's page with their warnings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.councils import figures, selectors, services
from kyodo.councils.forms import MemberForm, PersonForm, TermForm
from kyodo.councils.services import PERSON_FIELDS, TERM_FIELDS
from kyodo.councils.views.access import council_view, person_view, term_view


@council_view("councils.edit_council")
def member_add(request, council):
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.term_add(
                actor=request.user,
                council=council,
                person=data["person"],
                person_data={key: data[key] for key in PERSON_FIELDS},
                term_data={key: data[key] for key in TERM_FIELDS},
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The member was appointed."))
            return redirect("councils:detail", pk=council.pk)
    return render(request, "councils/member_form.html", {"form": form, "council": council})


@term_view("councils.edit_council")
def term_edit(request, term):
    initial = {key: getattr(term, key) for key in TERM_FIELDS}
    form = TermForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.term_update(actor=request.user, term=term, data=form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("councils:detail", pk=term.council_id)
    return render(
        request, "councils/term_form.html", {"form": form, "term": term, "council": term.council}
    )


@term_view("councils.edit_council")
def person_edit(request, term):
    person = term.person
    form = PersonForm(
        request.POST or None, initial={key: getattr(person, key) for key in PERSON_FIELDS}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(
                actor=request.user, person=person, council=term.council, data=form.cleaned_data
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("councils:person", pk=person.pk)
    return render(
        request, "councils/person_form.html", {"form": form, "term": term, "person": person}
    )


@require_POST
@term_view("councils.edit_council")
def term_reappoint(request, term):
    try:
        services.term_reappoint(actor=request.user, term=term)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The member was reappointed for a new term."))
    return redirect("councils:detail", pk=term.council_id)


@person_view("councils.view_council")
def person_detail(request, person):
    today = timezone.localdate()
    terms = list(selectors.person_terms(person))
    seats = {t.council_id for t in terms if t.in_office_on(today)}
    rows = [
        {
            "person_id": t.person_id,
            "council_id": t.council_id,
            "starts_on": t.starts_on,
            "ends_on": t.ends_on,
        }
        for t in terms
    ]
    service = {
        council_id: figures.member_warnings(rows, council_id, today).get(person.pk)
        for council_id in {t.council_id for t in terms}
    }
    return render(
        request,
        "councils/person_detail.html",
        {
            "person": person,
            "terms": terms,
            "seats": len(seats),
            "service": service,
            "show_contacts": request.user.has_perm("councils.view_contacts"),
            "today": today,
        },
    )
