"""Public pages of partners: the directory and a partner (only those who agreed to be listed)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.partners.selectors import public_partners, public_representation
from kyodo.portal import selectors
from kyodo.portal.http import cacheable, page_meta, stamp
from kyodo.portal.paging import page_of, page_query
from kyodo.projects.selectors import public_projects


def _partners_version(request, *args, **kwargs):
    return stamp(public_partners())


@cacheable(_partners_version, kinds=("partners",))
def partner_list(request):
    page = page_of(request, public_partners().order_by("name_kana", "name"))
    return render(
        request,
        "portal/public/partner_list.html",
        {
            "page_obj": page,
            "meta": page_meta(
                request,
                _("Partner directory"),
                _("Organisations that work with the city and agreed to be listed."),
                query=urlencode(page_query(page)),
            ),
        },
    )


def _partner_version(request, pk):
    return (stamp(public_partners().filter(pk=pk)), selectors.freshness(public_projects()))


@cacheable(_partner_version, kinds=("partners", "projects"))
def partner_detail(request, pk):
    partner = public_partners().filter(pk=pk).first()
    if partner is None:
        raise Http404
    data = public_representation(partner)
    return render(
        request,
        "portal/public/partner_detail.html",
        {
            "partner": data,
            "projects": list(
                public_projects().filter(participations__partner=partner).prefetch_related(None)
            ),
            "meta": page_meta(request, data["name"], (data["activity"] or "")[:150]),
        },
    )
