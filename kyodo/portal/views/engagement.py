"""Public pages of the promotion measures (§5-3: the city tells what it does to collaborate).

Only what their owners agreed to publish: staff activities marked for publication (the name
only where its author chose so), dialogue sessions with the issues raised and their status
(participants are counted, never named; the internal note never leaves the city), trainings
with community lecturers (a lecturer's name only with consent, an organisation's only if it is
listed publicly), and partnership agreements.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.core.cache_versions import public_page
from kyodo.engagement import selectors
from kyodo.engagement.models import DialogueIssue, DialogueSession
from kyodo.portal.http import ENGAGEMENT_KINDS, cacheable, page_meta, stamp
from kyodo.portal.paging import page_of, page_query


def _versions(*querysets):
    return lambda request, *args, **kwargs: tuple(stamp(qs) for qs in querysets)


_dialogue_version = _versions(DialogueSession.objects.all(), DialogueIssue.objects.all())


@public_page(*ENGAGEMENT_KINDS)
def engagement_index(request):
    return render(
        request,
        "portal/public/engagement_index.html",
        {
            "issues": selectors.issue_figures(),
            "meta": page_meta(
                request,
                _("Promoting collaboration"),
                _(
                    "What the city does to promote collaboration: staff in the community, "
                    "dialogue with citizens, trainings and partnership agreements."
                ),
            ),
        },
    )


def _listing(request, template, queryset, title, description):
    page = page_of(request, queryset)
    return render(
        request,
        template,
        {
            "page_obj": page,
            "meta": page_meta(request, title, description, query=urlencode(page_query(page))),
        },
    )


@cacheable(_versions(selectors.public_activities()), kinds=ENGAGEMENT_KINDS)
def staff_activity_list(request):
    return _listing(
        request,
        "portal/public/staff_activity_list.html",
        selectors.public_activities(),
        _("Staff in the community"),
        _("Neighbourhood, volunteer and local activities of city staff, published by them."),
    )


@cacheable(_dialogue_version, kinds=ENGAGEMENT_KINDS)
def dialogue_list(request):
    return _listing(
        request,
        "portal/public/dialogue_list.html",
        selectors.public_dialogue_sessions(),
        _("Dialogue with citizens"),
        _("Dialogue sessions between citizens and city staff, and the local issues raised."),
    )


@cacheable(_dialogue_version, kinds=ENGAGEMENT_KINDS)
def dialogue_detail(request, pk):
    session = selectors.public_dialogue_sessions().select_related(None).filter(pk=pk).first()
    if session is None:
        raise Http404
    return render(
        request,
        "portal/public/dialogue_detail.html",
        {
            "session": session,
            "issues": selectors.public_session_issues(session),
            "meta": page_meta(request, session.title, session.topics[:150]),
        },
    )


@cacheable(_versions(selectors.public_trainings()), kinds=ENGAGEMENT_KINDS)
def training_list(request):
    return _listing(
        request,
        "portal/public/training_list.html",
        selectors.public_trainings(),
        _("Trainings with citizen lecturers"),
        _("Staff trainings given by citizens and local organisations."),
    )


@cacheable(_versions(selectors.public_agreements()), kinds=ENGAGEMENT_KINDS)
def agreement_list(request):
    return _listing(
        request,
        "portal/public/agreement_list.html",
        selectors.public_agreements(),
        _("Partnership agreements"),
        _("The city's partnership agreements with companies, universities and NPOs."),
    )


@cacheable(_versions(selectors.public_agreements()), kinds=ENGAGEMENT_KINDS)
def agreement_detail(request, pk):
    agreement = selectors.public_agreements().filter(pk=pk).first()
    if agreement is None:
        raise Http404
    return render(
        request,
        "portal/public/agreement_detail.html",
        {
            "agreement": agreement,
            "activities": selectors.agreement_activities(agreement),
            "meta": page_meta(request, agreement.title, agreement.purpose[:150]),
        },
    )
