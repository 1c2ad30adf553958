"""The public, read-only JSON API (django-ninja), mounted at /api/.

Interactive documentation is at /api/docs and the OpenAPI 3 document at /api/openapi.json.
Each resource lives in `kyodo/api/routers/<name>.py` and is mounted below with one line.
Malformed parameters give 400 (ninja's default would be 422) naming the parameter as people call
it, in the request's language: Japanese first, English when chosen (kyodo/api/messages.py);
every other error is answered in Japanese JSON too (the 405 of a method other than GET and the
404 of an unknown address under /api/ are made in kyodo/api/urls.py).
"""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from kyodo.api.messages import INVALID, NOT_FOUND, parameter_message
from kyodo.api.routers import (
    calls,
    councils,
    engagement,
    events,
    news,
    partners,
    projects,
    site,
    subsidies,
    voices,
)


class UnicodeJSONRenderer(JSONRenderer):
    """UTF-8 JSON: Japanese text stays readable instead of being escaped as \\u codes."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=UnicodeJSONRenderer(),
    title="Kyodo public API",
    version="1",
    description=(
        "協働ポータルの公開情報を返す読み取り専用の API です。"
        "協働事業（評価済みのサイクルの結果を含む）、公募と選定結果、イベント、お知らせ、"
        "名簿への掲載に同意した協働団体を、"
        "ページ単位（page, per_page）と絞り込み条件つきで返します。"
        "公開ページと同じ抽出条件を使うため、ページに出ない情報（担当者の連絡先、内部メモ、"
        "下書き、非公開の団体など）は含まれません。認証は不要です。"
        "データは CC BY 4.0 で利用できます。日付は YYYY-MM-DD、時刻は日本時間の HH:MM です。"
        "不正なパラメータには 400 と日本語のメッセージを返します。\n\n"
        "Read-only public data of the Kyodo portal: collaborative projects with evaluated cycle "
        "results, open calls and their results, events, news and the partners that agreed to be "
        "listed; paged and filterable, under CC BY 4.0. The same selectors as the public pages "
        "decide what is public, so personal and internal data never appear."
    ),
    urls_namespace="api",
)

api.add_router("/site", site.router)
api.add_router("/projects", projects.router)
api.add_router("/calls", calls.router)
api.add_router("/events", events.router)
api.add_router("/news", news.router)
api.add_router("/partners", partners.router)
api.add_router("/councils", councils.router)
api.add_router("/engagement", engagement.router)
api.add_router("/voices", voices.router)
api.add_router("/subsidies", subsidies.router)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    errors = [
        {"loc": [str(part) for part in error.get("loc", [])], "msg": parameter_message(error)}
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": str(INVALID), "errors": errors}, status=400)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": NOT_FOUND, "errors": []}, status=404)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"detail": str(exc), "errors": []}, status=exc.status_code)
