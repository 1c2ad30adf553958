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
is put back per request, as for cached public pages, so a form in it still posts after the
person signs in again.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from kyodo.core import records_version

PREFIX = "kyodo:work:"
CSRF_MARK = "__KYODO_WORK_CSRF__"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')


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
    if body is None:
        return None
    return body.replace(CSRF_MARK, get_token(request)) if CSRF_MARK in body else body


def store(key: str, body: str) -> None:
    cache.set(key, CSRF_INPUT.sub(rf"\g<1>{CSRF_MARK}\g<2>", body), settings.WORK_CACHE_SECONDS)
