"""Follow-up items of outcomes, and a partner member's view of their councils' follow-ups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import permission_required
from kyodo.councils import selectors, services
from kyodo.councils.forms import FollowUpForm
from kyodo.councils.services import FOLLOWUP_FIELDS
from kyodo.councils.views.access import followup_view, outcome_view
from kyodo.councils.views.meetings import render_form


def _followup_form(request, outcome, followup):
    initial = {"department": outcome.meeting.council.department_id} if followup is None else None
    form = FollowUpForm(request.POST or None, instance=followup, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {key: form.cleaned_data[key] for key in FOLLOWUP_FIELDS}
        try:
            if followup is None:
                services.followup_add(actor=request.user, outcome=outcome, data=data)
            else:
                services.followup_update(actor=request.user, followup=followup, data=data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The follow-up was saved."))
            return redirect("councils:meeting", pk=outcome.meeting_id)
    title = _("Follow-up of “%(title)s”") % {"title": outcome.title}
    return render_form(request, form, outcome.meeting, title)


@outcome_view("councils.edit_council")
def followup_add(request, outcome):
    return _followup_form(request, outcome, None)


@followup_view("councils.edit_council")
def followup_edit(request, followup):
    return _followup_form(request, followup.outcome, followup)


@permission_required("councils.view_my_followups")
def my_followups(request):
    followups = selectors.followups_for_partner_member(request.user)
    return render(request, "councils/my_followups.html", {"followups": followups})
