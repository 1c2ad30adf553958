from django.conf import settings

from kyodo.core.city import request_municipality
from kyodo.core.plugins import nav_items_for


def site(request):
    """The city and the language switch, shown in every page's header and footer."""
    municipality = request_municipality(request)
    nav_items = nav_items_for(request.user) if hasattr(request, "user") else []
    return {
        "municipality": municipality,
        "available_languages": settings.LANGUAGES,
        "nav_items": nav_items,
        # A person at work: the menu holds their work, and its first item is the public portal.
        "nav_is_work": any(item["work"] for item in nav_items),
    }
