"""The API's addresses: ninja's, each answering a method other than GET with a Japanese JSON
405, and any other address under /api/ with a Japanese JSON 404 (not the site's HTML page)."""

from functools import wraps

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, URLPattern, path, re_path, resolve

from kyodo.api.api import api
from kyodo.api.messages import NOT_ALLOWED, NOT_FOUND


def _error(status: int, detail: str, **headers) -> JsonResponse:
    return JsonResponse(
        {"detail": detail, "errors": []},
        status=status,
        headers=headers,
        json_dumps_params={"ensure_ascii": False},
    )


def _japanese_405(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405:
            return _error(405, NOT_ALLOWED, Allow=response.get("Allow", "GET"))
        return response

    return wrapped


def _not_found(request, rest=""):
    """An unknown address; one that only lacks its final slash is redirected, as before."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not _not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                request.path + "/" + (f"?{query}" if query else "")
            )
    return _error(404, NOT_FOUND)


# (Not unpacked into module names: `app_name` here would become this module's namespace.)
ninja_urls = api.urls
for pattern in ninja_urls[0]:
    if isinstance(pattern, URLPattern):
        pattern.callback = _japanese_405(pattern.callback)

urlpatterns = [
    path("", ninja_urls),
    re_path(r"^(?P<rest>.*)$", _not_found),
]
