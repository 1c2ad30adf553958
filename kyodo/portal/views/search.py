"""The portal-wide search over the public projects, events, news, calls and partners."""

import hashlib
from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from kyodo.calls.selectors import public_calls
from kyodo.core.cache_versions import kept_public, public_page, versions
from kyodo.core.plugins import public_search_groups
from kyodo.core.search.many import search_best_each
from kyodo.councils.selectors import public_councils
from kyodo.engagement.selectors import (
    public_activities,
    public_agreements,
    public_dialogue_sessions,
    public_trainings,
)
from kyodo.partners.selectors import public_partners
from kyodo.portal import search_results, selectors
from kyodo.portal.http import SEARCH_KINDS, page_meta
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
    approximate: bool = False  # `total` is an estimate (a word with very many matches)

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    @property
    def total_label(self) -> str:
        return count_label(self.total, self.approximate)


def rounded_count(number: int) -> str:
    """`number` to two significant digits, in 万 and 千 in Japanese: 115,750 → 12万."""
    digits = max(0, len(str(number)) - 2)
    number = round(number, -digits)
    if get_language().startswith("ja") and number >= 10000:
        man, sen = number // 10000, number % 10000 // 1000
        return f"{man}万" + (f"{sen}千" if sen else "")
    return f"{number:,}"


def count_label(total: int, approximate: bool) -> str:
    if not approximate:
        return str(total)
    return pgettext("search total", "about %(count)s") % {"count": rounded_count(total)}


def _sources() -> list[tuple]:
    """(key, label, public queryset, plugged group or None) of each group, in page order."""
    return [
        ("projects", _("Collaborative projects"), public_projects(), None),
        ("events", _("Events"), selectors.public_events(), None),
        ("news", _("News"), selectors.public_news(), None),
        ("calls", _("Open calls"), public_calls(), None),
        ("partners", _("Partners"), public_partners(), None),
        ("councils", _("Councils"), public_councils(), None),
        ("dialogue", _("Dialogue with citizens"), public_dialogue_sessions(), None),
        ("trainings", _("Trainings with citizen lecturers"), public_trainings(), None),
        ("agreements", _("Partnership agreements"), public_agreements(), None),
        ("staff_activities", _("Staff in the community"), public_activities(), None),
        *((g.key, str(g.label), g.queryset(), g) for g in public_search_groups()),
    ]


def _cache_key(name: str, query: str, *parts: str) -> str:
    """A key holding the data versions of every kind searched and the day, so that a change
    or a new day misses at once."""
    parts = (name, query, timezone.localdate().isoformat(), *parts, *versions(SEARCH_KINDS))
    return "kyodo:search:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def _found_ids(query: str, sources) -> dict:
    """Per group, the best ids, the total and whether it is estimated (whatever the language)."""

    def find() -> dict:
        # Every group's candidates in one query (search_best_each), then each group's own.
        each = search_best_each(
            [queryset for _k, _l, queryset, _p in sources], query, HITS_PER_TYPE
        )
        return {
            source[0]: ([hit.object_id for hit in best.hits], best.total, best.approximate)
            for source, best in zip(sources, each, strict=True)
        }

    return kept_public(_cache_key("found", query), find)


def search_groups(query: str) -> list[ResultGroup]:
    """Public projects, events, news, calls and partners matching every word of `query`.

    Items of the portal's own groups are `search_results.Entry` (type, date, marked excerpt).
    The groups are kept per language: found again, they cost neither the objects' queries nor
    the excerpts.
    """
    return kept_public(_cache_key("groups", query, get_language()), lambda: _groups(query))


def _read(key: str, queryset, plugged):
    """The group's objects read for their entries: the fields `entry()` shows, nothing else."""
    queryset = queryset.prefetch_related(None)
    if plugged is not None:
        return queryset
    spec = search_results.SPECS[key]
    return queryset.select_related(None).select_related(*spec.related).only(*spec.columns())


def _groups(query: str) -> list[ResultGroup]:
    sources = _sources()
    found = _found_ids(query, sources)
    terms = search_results.search_terms(query)
    groups = []
    for key, label, queryset, plugged in sources:
        ids, total, approximate = found[key]
        # A result shows its own fields only: the selectors' prefetches (a project's partners,
        # a partner's fields of activity) would cost a query each for nothing.
        objects = _read(key, queryset, plugged).in_bulk(ids) if ids else {}
        items = [objects[object_id] for object_id in ids if object_id in objects]
        if plugged is not None:
            items = [
                (reverse(plugged.url_name, args=[item.pk]), getattr(item, plugged.title))
                for item in items
            ]
        else:
            items = [search_results.entry(key, label, item, terms) for item in items]
        groups.append(ResultGroup(key, label, items, total, plugged is not None, approximate))
    return groups


# No expiry by the clock: a call found shows its deadline, never whether it is still open.
@public_page(*SEARCH_KINDS)
def portal_search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_CHARS]
    groups = search_groups(query) if query else []
    total = sum(group.total for group in groups)
    return render(
        request,
        "portal/public/search.html",
        {
            "query": query,
            "groups": groups,
            "total": total,
            "approximate": any(group.approximate for group in groups),
            "total_rounded": rounded_count(total),
            "meta": page_meta(
                request,
                pgettext("portal page", "Search"),
                _("Search the public projects, events, news, open calls and partners."),
            ),
        },
    )
