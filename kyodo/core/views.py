from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from kyodo.core.city import current_municipality
from kyodo.core.palette import primitive_colours


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def brand_css(request):
    """The city's brand colour as one CSS variable (inline styles are barred by the CSP)."""
    municipality = current_municipality()
    colour = municipality.brand_colour if municipality else ""
    body = ""
    if colour in primitive_colours():
        body = f":root {{ --kyodo-brand: var(--color-primitive-{colour}); }}\n"
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    # The address carries the colour (?v=), so a changed colour is a new address.
    patch_cache_control(response, public=True, max_age=86400)
    return response
