"""The public, read-only JSON API (django-ninja), mounted at /api/.

Interactive documentation is at /api/docs and the OpenAPI 3 document at /api/openapi.json.
Each resource lives in `kyodo/api/routers/<name>.py` and is mounted below with one line.
Malformed parameters give 400 with a Japanese message (ninja's default would be 422).
"""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from kyodo.api.routers import events, news


class UnicodeJSONRenderer(JSONRenderer):
    """UTF-8 JSON: Japanese text stays readable instead of \\uXXXX escapes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=UnicodeJSONRenderer(),
    title="Kyodo public API",
    version="1",
    description=(
        "協働ポータルの公開情報（イベント、お知らせ）を返す読み取り専用の API です。"
        "データは CC BY 4.0 で利用できます。Read-only public data of the Kyodo portal."
    ),
    urls_namespace="api",
)

api.add_router("/events", events.router)
api.add_router("/news", news.router)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    errors = [
        {"loc": [str(part) for part in error.get("loc", [])], "msg": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    return api.create_response(
        request,
        {"detail": "パラメータの形式が正しくありません。", "errors": errors},
        status=400,
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "見つかりません。", "errors": []}, status=404)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=exc.status_code)


# Projects, calls and results, listed partners (the integration of issues 3, 4 and 6).
from kyodo.api.routers import calls, partners, projects  # noqa: E402

api.add_router("/projects", projects.router)
api.add_router("/calls", calls.router)
api.add_router("/partners", partners.router)
