"""Public pages of projects, partners, the portal home and the search (no login).

Every page reads through the owning app's public selector (`public_projects()`,
`public_partners()`, `public_calls()`, `public_events()`, `public_news()`), the same ones the
JSON API uses, so that what is public cannot differ between the two.
"""

from dataclasses import dataclass

from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kyodo.calls.selectors import open_calls, public_calls
from kyodo.core.search.index import search_best
from kyodo.cycles.selectors import public_cycle_results
from kyodo.partners.selectors import public_partners, public_representation
from kyodo.portal import selectors
from kyodo.portal.http import cacheable, choice_param, page_meta
from kyodo.portal.views import _page
from kyodo.projects.models import ProjectStatus
from kyodo.projects.selectors import public_projects

HOME_ITEMS = 5
# Words beyond this are dropped: a search box is not a document (and the index is word-based,
# so a longer query would only make every result miss).
MAX_QUERY_CHARS = 200
HITS_PER_TYPE = 20
PUBLIC_STATUSES = (ProjectStatus.AGREED, ProjectStatus.RUNNING, ProjectStatus.CLOSED)


def _stamp(queryset) -> tuple:
    """What a page of `queryset` depends on: newest change and count (one query)."""
    values = queryset.order_by().aggregate(newest=Max("updated_at"), count=Count("pk"))
    return (values["newest"], values["count"])


def _home_version(request):
    return (
        selectors.freshness(selectors.public_events()),
        selectors.freshness(selectors.public_news()),
        _stamp(public_calls()),
        selectors.freshness(public_projects()),
    )


@cacheable(_home_version)
def home(request):
    """What is happening now: open calls, upcoming events, recent news, running projects."""
    running = public_projects().filter(status=ProjectStatus.RUNNING)
    return render(
        request,
        "portal/public/home.html",
        {
            "calls": list(open_calls().prefetch_related(None)[:HOME_ITEMS]),
            "events": list(selectors.upcoming_events()[:HOME_ITEMS]),
            "news_items": list(selectors.public_news()[:HOME_ITEMS]),
            "projects": list(running[:HOME_ITEMS]),
            "meta": page_meta(
                request,
                _("Kyodo collaboration portal"),
                "",  # public_base.html gives the portal's own description
            ),
        },
    )


def _projects_version(request, *args, **kwargs):
    # The newest change of any project (one index lookup): a project entering or leaving the
    # public statuses is a change too. Counting the 20,000 public ones would cost more.
    return selectors.freshness(public_projects())


@cacheable(_projects_version)
def project_list(request):
    status = choice_param(
        request, "status", choices=("", *(s.value for s in PUBLIC_STATUSES)), default=""
    )
    queryset = public_projects()
    if status:
        queryset = queryset.filter(status=status)
    page = _page(request, queryset)
    query = {**({"status": status} if status else {})}
    return render(
        request,
        "portal/public/project_list.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": PUBLIC_STATUSES,
            "extra_query": urlencode(query),
            "meta": page_meta(
                request,
                _("Collaborative projects"),
                _("Projects the city runs together with citizens and organisations."),
                query=urlencode({**query, **({"page": page.number} if page.number > 1 else {})}),
            ),
        },
    )


def _project_version(request, pk):
    # The partners' names and the cycles' results show on the page too.
    return (
        _stamp(public_projects().filter(pk=pk)),
        _stamp(public_partners().filter(projects__pk=pk)),
        list(
            public_projects()
            .filter(pk=pk)
            .aggregate(cycle=Max("cycles__updated_at"), count=Count("cycles"))
            .values()
        ),
    )


@cacheable(_project_version)
def project_detail(request, pk):
    project = public_projects().filter(pk=pk).first()
    if project is None:
        raise Http404
    return render(
        request,
        "portal/public/project_detail.html",
        {
            "project": project,
            "partners": [p.partner for p in project.participations.all()],
            "results": public_cycle_results(project),
            "meta": page_meta(request, project.title, project.purpose[:150], og_type="article"),
        },
    )


def _partners_version(request, *args, **kwargs):
    return _stamp(public_partners())


@cacheable(_partners_version)
def partner_list(request):
    page = _page(request, public_partners().order_by("name_kana", "name"))
    return render(
        request,
        "portal/public/partner_list.html",
        {
            "page_obj": page,
            "meta": page_meta(
                request,
                _("Partner directory"),
                _("Organisations that work with the city and agreed to be listed."),
                query=urlencode({"page": page.number}) if page.number > 1 else "",
            ),
        },
    )


def _partner_version(request, pk):
    return (_stamp(public_partners().filter(pk=pk)), selectors.freshness(public_projects()))


@cacheable(_partner_version)
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


@dataclass
class ResultGroup:
    key: str
    label: str
    items: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def _found(key: str, label: str, queryset, query: str) -> ResultGroup:
    found = search_best(queryset, query, HITS_PER_TYPE)
    objects = queryset.in_bulk([hit.object_id for hit in found.hits])
    items = [objects[hit.object_id] for hit in found.hits if hit.object_id in objects]
    return ResultGroup(key, label, items, found.total)


def search_groups(query: str) -> list[ResultGroup]:
    """Public projects, events, news, calls and partners matching every word of `query`."""
    return [
        _found("projects", _("Collaborative projects"), public_projects(), query),
        _found("events", _("Events"), selectors.public_events(), query),
        _found("news", _("News"), selectors.public_news(), query),
        _found("calls", _("Open calls"), public_calls(), query),
        _found("partners", _("Partners"), public_partners(), query),
    ]


def portal_search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_CHARS]
    groups = search_groups(query) if query else []
    return render(
        request,
        "portal/public/search.html",
        {
            "query": query,
            "groups": groups,
            "total": sum(group.total for group in groups),
            "meta": page_meta(
                request,
                pgettext("portal page", "Search"),
                _("Search the public projects, events, news, open calls and partners."),
            ),
        },
    )
