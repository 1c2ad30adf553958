from django.conf import settings
from django.utils.functional import SimpleLazyObject

from kyodo.core import records_version
from kyodo.core.cache_versions import versions
from kyodo.core.city import request_municipality
from kyodo.core.plugins import nav_items_for


def site(request):
    """The city and the language switch, shown in every page's header and footer.

    The menu and the footer are the same on every page a reader opens in a language, so
    base.html keeps them in the cache (`{% cache %}`) under the city's version (`chrome_site`)
    and, for the menu, the reader (`chrome_reader`: for a logged-in person, who they are and
    the records' version, since their groups, and so their menu, are records). The menu's
    items are worked out only when the kept copy is missing.
    """
    municipality = request_municipality(request)
    user = getattr(request, "user", None)
    nav_items = SimpleLazyObject(lambda: nav_items_for(user) if user is not None else [])
    return {
        "municipality": municipality,
        "available_languages": settings.LANGUAGES,
        "nav_items": nav_items,
        # A person at work: the menu holds their work, and its first item is the public portal.
        "nav_is_work": SimpleLazyObject(lambda: any(item["work"] for item in nav_items)),
        "chrome_site": SimpleLazyObject(lambda: versions(["site"])[0]),
        "chrome_reader": SimpleLazyObject(lambda: _reader_key(user)),
        "chrome_seconds": settings.PUBLIC_PAGE_CACHE_SECONDS,
    }


def _reader_key(user) -> str:
    if user is None or not user.is_authenticated:
        return "anonymous"
    return f"{user.pk}|{records_version.current()}"
