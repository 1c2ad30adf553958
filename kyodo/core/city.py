"""The city this installation serves, as every page reads it.

Every page names the city (header, footer, titles); the context processor reads it once per
request (`request._kyodo_municipality`). Any save or deletion of a `Municipality` (the city
file's loader, the service, the admin site, a test's factory or ``objects.create``: a signal in
`kyodo.core.apps`) bumps the ``site`` version of `kyodo.core.cache_versions`, so the row is
kept in Django's cache under that version: no query once read (issue 19), and every public page
cached whole is rendered again with the new city. A bulk ``update()`` of the table sends no
signal: nothing in Kyodo does one.
"""

from django.core.cache import cache

from kyodo.core.cache_versions import bump, versions
from kyodo.core.models import Municipality

_KEY = "kyodo:city:"
_NONE = "none"  # "no city yet" is cached too (a fresh installation before `manage.py city`)


def current_municipality() -> Municipality | None:
    key = _KEY + versions(("site",))[0]
    found = cache.get(key)
    if found is None:
        found = Municipality.objects.current() or _NONE
        cache.set(key, found, timeout=24 * 3600)
    return None if isinstance(found, str) else found


def request_municipality(request) -> Municipality | None:
    """The city for this request, read once however many views and templates ask."""
    if not hasattr(request, "_kyodo_municipality"):
        request._kyodo_municipality = current_municipality()
    return request._kyodo_municipality


def municipality_changed() -> None:
    bump("site")
