from django.conf import settings
from django.http import QueryDict
from django.utils import translation
from django.utils.cache import patch_vary_headers

from kyodo.core import forms as _forms  # noqa: F401  (every form CharField cleans its text)
from kyodo.core.normalize import printable_text


class CleanQueryStringMiddleware:
    """Query strings reach views, forms and the API with control characters removed (12.6).

    The same cleaning as every form text field (`kyodo.core.normalize`), for what is read from
    `request.GET` without a form, such as the API's filters.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get("QUERY_STRING"):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(printable_text(key), [printable_text(v) for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class JapaneseFirstLocaleMiddleware:
    """Japanese unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so a city PC set to
    English would show English pages; the guideline's audience expects Japanese first, with
    English on request (the choice is kept in the language cookie set by `set_language`).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        translation.deactivate()
        return response
