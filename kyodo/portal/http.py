"""Helpers shared by the public views: query parameters, 400 pages, ETags, page meta."""

import hashlib
import unicodedata
from datetime import date
from functools import wraps

from django.db.models import Count, IntegerField, Max, Value
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from kyodo.core.cache_versions import kept_public, public_page, versions

# The kinds of data (kyodo.core.cache_versions) each kind of public page shows.
EVENT_KINDS = ("events", "projects")
NEWS_KINDS = ("news", "projects")
PROJECT_KINDS = ("projects", "partners", "events", "news")
CALL_KINDS = ("calls", "projects")
HOME_KINDS = ("events", "news", "calls", "projects", "councils")
ENGAGEMENT_KINDS = ("engagement", "partners", "projects")
SEARCH_KINDS = (
    "events",
    "news",
    "calls",
    "projects",
    "partners",
    "engagement",
    "councils",
    "voices",
)

# The years the portal's pages accept in dates and calendars.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class BadQuery(Exception):
    """A malformed query parameter: the visitor gets a 400 page saying which one."""


# Each helper takes the parameter's `label`, the words the page itself uses for it (its form
# label, e.g. _("Status") → 状況): a citizen who follows a broken link must not be told about
# 「status」 or 「page」, the names in the address.


def int_param(request, name: str, *, label: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise BadQuery(
            _("“%(label)s” must be a whole number from %(low)s to %(high)s.")
            % {"label": label, "low": low, "high": high}
        )
    return value


def date_param(request, name: str, *, label: str) -> date | None:
    """An ISO date (2026-12-05); full-width digits and stray spaces are accepted."""
    raw = unicodedata.normalize("NFKC", request.GET.get(name, "")).strip()
    if not raw:
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        value = None
    if value is None or not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise BadQuery(
            _("“%(label)s” must be a date between %(first)s and %(last)s written like 2026-12-05.")
            % {"label": label, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return value


def choice_param(request, name: str, *, label: str, choices: tuple[str, ...], default: str) -> str:
    value = request.GET.get(name) or default
    if value not in choices:
        # The values are codes and numbers a visitor never sees; the page shows their names.
        raise BadQuery(
            _("“%(label)s” has a value that is not allowed: choose one the page offers.")
            % {"label": label}
        )
    return value


def handles_bad_query(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadQuery as error:
            return render(
                request,
                "portal/bad_request.html",
                {"message": str(error), "meta": page_meta(request, _("Bad request"), "")},
                status=400,
            )

    return wrapped


def _etag(request, *parts) -> str:
    user = request.user.pk if request.user.is_authenticated else ""
    key = "|".join(
        str(p)
        for p in (request.get_full_path(), get_language(), user, timezone.localdate(), *parts)
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def cacheable(*version_funcs, kinds: tuple[str, ...] | None = None, expires=None):
    """Conditional GET by ETag, and the whole page cached for anonymous visitors.

    Each function in `version_funcs(request, *args, **kwargs)` returns what the page's data
    depends on (e.g. the newest `updated_at` and the count); a 304 costs only those queries.
    `kinds` name the data the page shows (kyodo.core.cache_versions): an anonymous visitor's
    page is served from the cache, with no query, until a service bumps one of them. Without
    `kinds` the page is not cached whole (a page must say what it shows to be cached).
    """

    def etag(request, *args, **kwargs):
        return _etag(request, *(f(request, *args, **kwargs) for f in version_funcs))

    def decorator(view):
        conditional = handles_bad_query(condition(etag_func=etag)(view))
        if kinds is None:
            return conditional
        # An anonymous visitor's page, on a miss of the page cache, is rendered without the
        # version query: its ETag is then the hash of its content (public_page).
        unconditional = handles_bad_query(view)
        return public_page(*kinds, expires=expires, unconditional=unconditional)(conditional)

    return decorator


def page_meta(
    request, title: str, description: str, *, og_type: str = "website", query: str = ""
) -> dict:
    """Title, description, canonical URL and OpenGraph data for a public page."""
    path = f"{request.path}?{query}" if query else request.path
    return {
        "title": title,
        "description": description,
        "canonical": request.build_absolute_uri(path),
        "og_type": og_type,
    }


def stamp(queryset) -> tuple:
    """What a page of `queryset` depends on: newest change and count (one query)."""
    values = queryset.order_by().aggregate(newest=Max("updated_at"), count=Count("pk"))
    return (values["newest"], values["count"])


def base_url(request) -> str:
    """The site's address as the visitor reached it, for links in feeds and open data."""
    return request.build_absolute_uri("/").rstrip("/")


def stamps(*parts) -> list[tuple]:
    """`stamp` of several querysets at once: ONE query (a UNION ALL), one (newest, count) each.

    A part that is a model, not a queryset, gives the newest change of its whole table and no
    count, like `selectors.freshness`: one lookup in its updated_at index however many rows.
    """
    queries = []
    for number, part in enumerate(parts):
        counted = not isinstance(part, type)
        queryset = part.order_by() if counted else part.objects.order_by()
        count = Count("pk") if counted else Value(0, output_field=IntegerField())
        queries.append(
            queryset.values(part=Value(number, output_field=IntegerField())).annotate(
                newest=Max("updated_at"), count=count
            )
        )
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    found = {row["part"]: (row["newest"], row["count"]) for row in rows}
    return [found.get(number, (None, 0)) for number in range(len(parts))]


def kept_read(name: str, kinds: tuple, make, *parts, still_true=None):
    """`make()`, what a public page reads, kept under the current versions of `kinds` (and the
    city's), today's date and `parts` (what else it depends on: a month, a project's key), as
    long as a public page (`cache_versions.kept_public`). A page missing the page cache (another
    address or language, or a change of a kind it does not read) then reads nothing again.
    `still_true(value)` rejects a kept value the clock has made wrong (a deadline passed)."""
    key = "|".join(
        (name, *map(str, parts), timezone.localdate().isoformat(), *versions(("site", *kinds)))
    )
    return kept_public("kyodo:read:" + key, make, still_true)
