"""The city this installation serves, as every page reads it.

Every page names the city (header, footer, titles). The row is kept in the cache under the
``site`` version of `kyodo.core.cache_versions`, which any save or delete of a `Municipality`
bumps (the city file's loader, the service, the admin site, a factory: through the model's
signals, kyodo.core.apps): a page reads it with no query, and never an old one. The context
processor reads it once per request (`request._kyodo_municipality`).
"""

from django.conf import settings
from django.core.cache import cache

from kyodo.core.cache_versions import bump, versions
from kyodo.core.models import Municipality

# No city yet (a new installation before its city file is loaded) is kept too.
_NONE = "none"


def current_municipality() -> Municipality | None:
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS  # 0: nothing is kept
    if not seconds:
        return Municipality.objects.current()
    key = "kyodo:city:" + versions(["site"])[0]
    kept = cache.get(key)
    if kept is None:
        kept = Municipality.objects.current() or _NONE
        cache.set(key, kept, seconds)
    return None if isinstance(kept, str) else kept


def request_municipality(request) -> Municipality | None:
    """The city for this request, read once however many views and templates ask."""
    if not hasattr(request, "_kyodo_municipality"):
        request._kyodo_municipality = current_municipality()
    return request._kyodo_municipality


def municipality_changed() -> None:
    bump("site")
