"""The city this installation serves, as every page reads it.

Every page names the city (header, footer, titles); the context processor reads it once per
request (`request._kyodo_municipality`), one query, as before the city file existed. Any save
of a `Municipality` (the city file's loader, the service, the admin site, a factory) bumps the
``site`` version of `kyodo.core.cache_versions`, so that every public page cached whole is
rendered again with the new city.

Reading the row from the cache instead (zero queries) is a small change here, but lowers the
pinned query count of some 35 page tests by one on their second request only, so it is left
for when those pins are next revised together.
"""

from kyodo.core.cache_versions import bump
from kyodo.core.models import Municipality


def current_municipality() -> Municipality | None:
    return Municipality.objects.current()


def request_municipality(request) -> Municipality | None:
    """The city for this request, read once however many views and templates ask."""
    if not hasattr(request, "_kyodo_municipality"):
        request._kyodo_municipality = current_municipality()
    return request._kyodo_municipality


def municipality_changed() -> None:
    bump("site")
