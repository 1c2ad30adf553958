"""The city this installation serves, as every page reads it.

Every page names the city (header, footer, titles). The row is kept in the cache under the
``site`` version of `kyodo.core.cache_versions`, which any save or delete of a `Municipality`
bumps (the city file's loader, the service, the admin site, a factory: through the model's
signals, kyodo.core.apps): a page reads it with no query, and never an old one. The context
processor reads it once per request (`request._kyodo_municipality`).
"""

from kyodo.core.cache_versions import bump, kept_public, versions
from kyodo.core.models import Municipality


def current_municipality() -> Municipality | None:
    # No city yet (a new installation before its city file is loaded) is kept too.
    return kept_public("kyodo:city:" + versions(["site"])[0], Municipality.objects.current)


def request_municipality(request) -> Municipality | None:
    """The city for this request, read once however many views and templates ask."""
    if not hasattr(request, "_kyodo_municipality"):
        request._kyodo_municipality = current_municipality()
    return request._kyodo_municipality


def municipality_changed() -> None:
    bump("site")
