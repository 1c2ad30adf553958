"""Whole public pages kept in Django's cache, never stale: one data version per kind.

A public page declares the kinds of data it shows (``"events"``, ``"projects"``…); the
services that publish, change or withdraw something of a kind call ``bump(kind)``. A page's
cache key holds its address with the query string, the language, today's date and the current
version of each of its kinds, so a bump makes every page of that kind miss at once: nothing is
deleted, the old entries simply age out. Reading the versions is one ``get_many`` on the cache
and no database query, so a hit costs no query at all.

Kinds in use (each app bumps its own; a page may depend on several):
``site`` (the municipality), ``events``, ``news``, ``projects`` (projects, their partners and
cycle results), ``calls``, ``partners``, ``engagement`` (activities, dialogue, trainings,
partnership agreements).

Only visitors without a session or a message cookie are served from (and fill) the cache: a
logged-in person, or anyone with a pending message, always gets a page rendered for them. The
CSRF token of the language switch is put back per visitor on every hit.

The pages are kept in Django's default cache: a local memory cache per process by default,
Redis (``REDIS_URL``) when several processes serve the site. The versions are kept in the
``versions`` cache, which every process reads: Redis when set, otherwise small files under
``var/versions`` — so that a bump made by the task worker (a separate process even under
``make run``) reaches every web process's pages at once. A page body kept by one process is
only ever found under the versions current when it was rendered, so a shared version is all
"never stale" needs.
"""

import hashlib
import re
import uuid
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language

PREFIX = "kyodo:version:"
PAGE_PREFIX = "kyodo:page:"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
CSRF_PLACEHOLDER = b"\\1__KYODO_CSRF__\\2"
CSRF_MARK = b"__KYODO_CSRF__"


def version_store():
    """The cache every process shares the data versions through (settings.CACHES["versions"])."""
    return caches["versions"]


def _new_versions(kinds) -> dict:
    return {PREFIX + kind: uuid.uuid4().hex for kind in kinds}


def bump(*kinds: str) -> None:
    """Make every cached page showing data of `kinds` miss from now on.

    Bumped at once (so that the acting request's own next page is fresh) and again when the
    transaction commits: a page rendered by another request between the two, from data read
    before the commit, is then stored under a version nobody asks for any more.
    """
    version_store().set_many(_new_versions(kinds), timeout=None)
    transaction.on_commit(lambda: version_store().set_many(_new_versions(kinds), timeout=None))


def versions(kinds) -> tuple:
    """The current version of each kind (created when the cache has none, e.g. after a flush)."""
    keys = [PREFIX + kind for kind in kinds]
    store = version_store()
    found = store.get_many(keys)
    for key, value in _new_versions(k for k in kinds if PREFIX + k not in found).items():
        # `add` keeps a version another process has just created.
        store.add(key, value, timeout=None)
        found[key] = store.get(key, value)
    return tuple(found[key] for key in keys)


def page_key(request, kinds) -> str:
    parts = (
        request.get_full_path(),
        get_language(),
        timezone.localdate().isoformat(),
        *versions(kinds),
    )
    return PAGE_PREFIX + hashlib.sha256("|".join(parts).encode()).hexdigest()


def _anonymous_without_state(request) -> bool:
    # Checking cookies, not request.user, keeps a hit free of the session query.
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and getattr(settings, "MESSAGES_COOKIE_NAME", "messages") not in cookies
    )


def _timeout(response, expires) -> int:
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
    # A view that has read what ends its page (the home's open calls) says so on the response;
    # otherwise `expires()` is asked.
    if hasattr(response, "cache_until"):
        until = response.cache_until
    else:
        until = expires() if expires else None
    if isinstance(until, datetime):
        timeout = min(timeout, max(1, int((until - timezone.now()).total_seconds()) + 1))
    return timeout


def without_csrf(content: bytes) -> bytes:
    """`content` to keep in the cache: each form's CSRF token replaced by a mark."""
    return CSRF_INPUT.sub(CSRF_PLACEHOLDER, content)


def with_csrf(request, content: bytes) -> bytes:
    """Kept `content` with the mark replaced by a token for this visitor's own secret
    (get_token sets their cookie if they have none)."""
    if CSRF_MARK not in content:
        return content
    return content.replace(CSRF_MARK, get_token(request).encode())


def _store(key, response, expires) -> None:
    if response.status_code != 200 or response.streaming or response.cookies:
        return
    stored = response.__class__.__new__(response.__class__)
    stored.__dict__.update(response.__dict__)
    stored.content = without_csrf(response.content)
    cache.set(key, stored, _timeout(response, expires))


def _served(request, stored):
    response = stored
    if CSRF_MARK in stored.content:
        response = stored.__class__.__new__(stored.__class__)
        response.__dict__.update(stored.__dict__)
        response.content = with_csrf(request, stored.content)
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


# What `kept_public` keeps for a `make()` that gave None (None is the cache's "missing").
_NOTHING = "kyodo:nothing"


def kept_public(key: str, make, still_true=None):
    """`make()`, kept under `key` as long as a public page (`PUBLIC_PAGE_CACHE_SECONDS`; 0:
    made every time). The key must hold the data versions the value depends on, so that it is
    never stale; logged-in visitors, never served a kept page, share it too. A value that
    changes by the clock alone passes `still_true(value)`: a kept value it rejects is made
    again."""
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    if not seconds:
        return make()
    value = cache.get(key)
    if value is not None:
        value = None if isinstance(value, str) and value == _NOTHING else value
        if still_true is None or still_true(value):
            return value
    value = make()
    cache.set(key, _NOTHING if value is None else value, seconds)
    return value


def content_etag(response) -> str:
    """A strong ETag of what the page shows, whoever asks (the CSRF tokens left out)."""
    digest = hashlib.sha256(without_csrf(response.content)).hexdigest()[:32]
    return f'"{digest}"'


def public_page(*kinds: str, expires=None, unconditional=None):
    """Serve an anonymous visitor's page whole from the cache, keyed by the data of `kinds`.

    `expires()` may return when the page changes by the clock alone (a call's deadline), so
    that the entry lives no longer; it runs only on a miss, and not at all when the view has
    set `response.cache_until` itself from the rows it read.

    On a miss the page is rendered by `unconditional` when given (the view without its
    version-based ETag, which costs a query) and its ETag is the hash of what it shows: a
    browser's next If-None-Match is then answered from the kept page, with no query.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not settings.PUBLIC_PAGE_CACHE_SECONDS or not _anonymous_without_state(request):
                return view(request, *args, **kwargs)
            key = page_key(request, ("site", *kinds))
            stored = cache.get(key)
            if stored is not None:
                return _served(request, stored)
            # Rendered in full (no If-None-Match) so that what is stored is a whole page.
            conditional = request.META.pop("HTTP_IF_NONE_MATCH", None)
            response = (unconditional or view)(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and "ETag" not in response:
                response["ETag"] = content_etag(response)
            _store(key, response, expires)
            if conditional is not None:
                request.META["HTTP_IF_NONE_MATCH"] = conditional
                return get_conditional_response(
                    request, etag=response.get("ETag"), response=response
                )
            return response

        # What the page shows, for the test that every public page says so.
        wrapped.public_page_kinds = ("site", *kinds)
        return wrapped

    return decorator
