from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
