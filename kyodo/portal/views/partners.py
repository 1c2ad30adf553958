"""Public pages of partners: the directory and a partner (only those who agreed to be listed)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.core.normalize import nfkc
from kyodo.partners.models import ActivityField, PartnerType
from kyodo.partners.selectors import public_partners, public_representation, with_field_names
from kyodo.portal import selectors
from kyodo.portal.cards import partner_cards_of
from kyodo.portal.http import cacheable, choice_param, kept_read, page_meta, stamp
from kyodo.portal.paging import kept_page_of, page_query
from kyodo.projects.selectors import public_projects


def _partners_version(request, *args, **kwargs):
    return stamp(public_partners())


# Longest area words people type (「潮見地区」, 「市内全域」); a longer one finds nothing anyway.
AREA_CHARS = 50


def _choices() -> tuple[list, list]:
    """The types and fields of activity to filter by, kept until the partners' data changes
    (partners.services.taxonomy bumps it): every page of the directory shows them."""

    def read():
        def of(model):
            return list(model.objects.order_by("sort_order", "name").values_list("pk", "name"))

        return of(PartnerType), of(ActivityField)

    return kept_read("partner-choices", ("partners",), read)


def _page(request, partner_type: str, field: str, area: str):
    """The page of partners asked for, kept under the filters and the page's number."""

    def rows():
        queryset = public_partners()
        if partner_type:
            queryset = queryset.filter(partner_type_id=partner_type)
        if field:
            queryset = queryset.filter(fields__pk=field)
        if area:
            queryset = queryset.filter(area_served__icontains=area)
        return partner_cards_of(queryset).order_by("name_kana", "name")

    filters, kinds = (partner_type, field, area), ("partners",)
    return kept_page_of(request, "partner-page", kinds, rows, *filters, then=with_field_names)


@cacheable(_partners_version, kinds=("partners",))
def partner_list(request):
    """The directory, filtered by type, field of activity and area (issue 17-10).

    The area is looked for in what the partner says it serves (`area_served`), never in its
    address, which is private.
    """
    types, fields = _choices()
    # Labelled as the filter form labels them.
    partner_type = choice_param(
        request,
        "type",
        label=_("type"),
        choices=("", *(str(pk) for pk, _name in types)),
        default="",
    )
    field = choice_param(
        request,
        "field",
        label=_("fields of activity"),
        choices=("", *(str(pk) for pk, _name in fields)),
        default="",
    )
    area = " ".join(nfkc(request.GET.get("area", "")).split())[:AREA_CHARS]
    page = _page(request, partner_type, field, area)
    query = {
        key: value
        for key, value in (("type", partner_type), ("field", field), ("area", area))
        if value
    }
    return render(
        request,
        "portal/public/partner_list.html",
        {
            "page_obj": page,
            "types": [(str(pk), name) for pk, name in types],
            "fields": [(str(pk), name) for pk, name in fields],
            "chosen": {"type": partner_type, "field": field, "area": area},
            "filtered": bool(query),
            "extra_query": urlencode(query),
            "meta": page_meta(
                request,
                _("Partner directory"),
                _("Organisations that work with the city and agreed to be listed."),
                query=urlencode({**query, **page_query(page)}),
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
