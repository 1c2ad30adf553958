"""The city this installation serves, read once per cache version instead of once per page.

Every page names the city (header, footer, titles), so reading its row is the one query every
request would pay. The row is kept in the cache under the ``site`` version of
`kyodo.core.cache_versions`: any save of a `Municipality` (the city file's loader, the
service, the admin site, a test's factory) bumps that version, so a changed city is seen on the
next request, and an unchanged one costs no query at all.
"""

from django.core.cache import cache

from kyodo.core.cache_versions import versions
from kyodo.core.models import Municipality

KEY = "kyodo:municipality:"
# Cached in place of None, so that an installation with no city yet is not asked again.
_NONE = "none"


def current_municipality() -> Municipality | None:
    (version,) = versions(("site",))
    key = KEY + version
    found = cache.get(key)
    if found is None:
        found = Municipality.objects.current() or _NONE
        cache.set(key, found, timeout=None)
    return None if found == _NONE else found


def service_name(municipality: Municipality | None, default: str) -> str:
    return (municipality.service_name if municipality else "") or default
