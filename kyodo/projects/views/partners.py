"""The partners taking part in a project, and suggestions of partners that fit it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.partners.matching import match_partners
from kyodo.partners.selectors import partners_named
from kyodo.projects import services
from kyodo.projects.forms import ParticipationForm, PartnerLookupForm
from kyodo.projects.models import Participation
from kyodo.projects.views.workspace import project_view, render_workspace


@project_view()
def partners(request, project):
    form = ParticipationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.participation_add(actor=request.user, project=project, **form.cleaned_data)
        messages.success(request, _("The partner has been added."))
        return redirect("projects:partners", pk=project.pk)
    participations = list(project.participations.select_related("partner__partner_type"))
    can_manage = request.user.has_perm("projects.manage_participants", project)
    return render_workspace(
        request,
        project,
        "partners",
        form=form,
        participations=participations,
        can_manage=can_manage,
        suggestions=_partner_suggestions(project, participations) if can_manage else [],
        **(_lookup(request, participations) if can_manage else {}),
    )


def _lookup(request, participations) -> dict:
    """The name search of "add a partner": the first matches, not yet taking part."""
    lookup = PartnerLookupForm(request.GET)
    words = lookup.cleaned_data["partner_q"].strip() if lookup.is_valid() else ""
    found, more = ([], False)
    if words:
        taking_part = [participation.partner_id for participation in participations]
        found, more = partners_named(words, excluding=taking_part)
    return {"lookup": lookup, "lookup_words": words, "found": found, "more_found": more}


def _partner_suggestions(project, participations):
    """Partners whose activity fits the project's issue and purpose, not yet taking part."""
    taking_part = {participation.partner_id for participation in participations}
    query = " ".join([project.title, project.local_issue, project.purpose])
    return [
        match for match in match_partners(query, limit=10) if match.partner.pk not in taking_part
    ]


@require_POST
@project_view("projects.manage_participants")
def partner_remove(request, project, participation_pk):
    participation = Participation.objects.filter(project=project, pk=participation_pk).first()
    if participation is None:
        raise Http404
    try:
        services.participation_remove(actor=request.user, participation=participation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The partner has been removed from the project."))
    return redirect("projects:partners", pk=project.pk)
