from django.conf import settings

from kyodo.core.city import current_municipality
from kyodo.core.plugins import nav_items_for


def site(request):
    """The city and the language switch, shown in every page's header and footer."""
    # Kept on the request so that one page reads the (cached) city once, however many templates
    # use it.
    if not hasattr(request, "_kyodo_municipality"):
        request._kyodo_municipality = current_municipality()
    nav_items = nav_items_for(request.user) if hasattr(request, "user") else []
    return {
        "municipality": request._kyodo_municipality,
        "available_languages": settings.LANGUAGES,
        "nav_items": nav_items,
        # A person at work: the menu holds their work, and its first item is the public portal.
        "nav_is_work": any(item["work"] for item in nav_items),
    }
