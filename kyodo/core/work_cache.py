"""The body of a busy work page kept in the cache for its reader until any record changes.

Staff and partners cannot be served whole pages from the cache as anonymous visitors are
(`cache_versions`): each page is theirs, with their menu, messages and session. But the body of
a list they open again and again (the project list, the partner directory, their home) depends
only on who reads it, the address (filters, page), the language, the day and the records. So
``{% work_cache "name" %} … {% end_work_cache %}`` keeps what it encloses under a key made of
those and `records_version` — bumped by every save, delete and many-to-many change of a Kyodo
record, a person's groups included — and is therefore never stale, private data included: it
is never shared between two people.

The views hand the template lazy values (`django.utils.functional.SimpleLazyObject`) so that
the queries of the body run only when it is rendered, on a miss. A CSRF token inside the body
is put back per request as for cached public pages (`cache_versions.without_csrf` and
`with_csrf`), so a form in it still posts after the person signs in again.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from kyodo.core import records_version
from kyodo.core.cache_versions import with_csrf, without_csrf

PREFIX = "kyodo:work:"


def key_for(request, name: str) -> str | None:
    """The cache key of `name`'s body for this request, or None when it must be rendered."""
    user = getattr(request, "user", None)
    if not settings.WORK_CACHE_SECONDS or user is None or not user.is_authenticated:
        return None
    if request.method not in ("GET", "HEAD"):
        return None
    parts = (
        name,
        str(user.pk),
        request.get_full_path(),
        get_language() or "",
        timezone.localdate().isoformat(),
        records_version.current(),
    )
    return PREFIX + hashlib.sha256("|".join(parts).encode()).hexdigest()


def stored(request, key: str) -> str | None:
    body = cache.get(key)
    return None if body is None else with_csrf(request, body).decode()


def store(key: str, body: str) -> None:
    cache.set(key, without_csrf(body.encode()), settings.WORK_CACHE_SECONDS)


def kept_value(name: str, filters: dict, make, user=None):
    """`make()`, kept for these filters (and this person, when the value depends on who reads
    it) under `records_version`, like a body: another address or page of a list that shows the
    same value reads it once until a record changes. `filters` and `user` name everything the
    value depends on; it must pickle (plain values, not querysets)."""
    if not settings.WORK_CACHE_SECONDS:
        return make()
    plain = sorted((k, str(getattr(v, "pk", v))) for k, v in filters.items())
    parts = (name, str(getattr(user, "pk", "")), repr(plain), records_version.current())
    key = PREFIX + "value:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, settings.WORK_CACHE_SECONDS)
    return value


def kept_count(name: str, filters: dict, queryset, user=None) -> int:
    """`queryset.count()`, kept like `kept_value`: the pages of one list, and its other
    addresses, count once until a record changes (the count of 20,000 projects and the
    compiling of its query were an eighth of a rendered list page)."""
    return kept_value(name + ":count", filters, queryset.count, user)
