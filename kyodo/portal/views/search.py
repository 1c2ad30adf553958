"""The portal-wide search over the public projects, events, news, calls and partners."""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kyodo.calls.selectors import public_calls
from kyodo.core.cache_versions import public_page
from kyodo.core.plugins import public_search_groups
from kyodo.core.search.index import search_best
from kyodo.councils.selectors import public_councils
from kyodo.engagement.selectors import (
    public_activities,
    public_agreements,
    public_dialogue_sessions,
    public_trainings,
)
from kyodo.partners.selectors import public_partners
from kyodo.portal import selectors
from kyodo.portal.http import SEARCH_KINDS, page_meta
from kyodo.portal.views.calls import next_deadline
from kyodo.projects.selectors import public_projects

# Words beyond this are dropped: a search box is not a document (and the index is word-based,
# so a longer query would only make every result miss).
MAX_QUERY_CHARS = 200
HITS_PER_TYPE = 20


@dataclass
class ResultGroup:
    key: str
    label: str
    items: list
    total: int
    # The groups of apps the portal does not import (kyodo.core.plugins.SearchGroup) carry
    # their items as (address, title) pairs.
    plugged: bool = False

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
        _found("councils", _("Councils"), public_councils(), query),
        _found("dialogue", _("Dialogue with citizens"), public_dialogue_sessions(), query),
        _found("trainings", _("Trainings with citizen lecturers"), public_trainings(), query),
        _found("agreements", _("Partnership agreements"), public_agreements(), query),
        _found("staff_activities", _("Staff in the community"), public_activities(), query),
        *(_plugged(group, query) for group in public_search_groups()),
    ]


def _plugged(group, query: str) -> ResultGroup:
    found = _found(group.key, str(group.label), group.queryset(), query)
    found.items = [
        (reverse(group.url_name, args=[item.pk]), getattr(item, group.title))
        for item in found.items
    ]
    found.plugged = True
    return found


@public_page(*SEARCH_KINDS, expires=next_deadline)
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
