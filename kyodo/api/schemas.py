"""Shapes shared by every router: errors, paging, links, lookups and the date parameter."""

import re
import unicodedata
from datetime import date
from typing import Annotated

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from kyodo.api.messages import label

DATE_MESSAGE = "日付は YYYY-MM-DD の形式の、実在する日付で指定してください（例：2026-04-01）。"


def _iso_date(value):
    """Only a calendar date written YYYY-MM-DD (full-width digits folded): pydantic alone
    would also take a number of seconds since 1970 (`?date_to=0`) or a datetime."""
    if isinstance(value, date):
        return value
    text = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else ""
    text = text.replace("\u2212", "-")  # a minus sign typed for the hyphen
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError("iso_date", DATE_MESSAGE)


# The type of every date parameter of the API.
IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _folded(value):
    # Full-width digits (２０２６) are what a Japanese keyboard often types; the portal's
    # int_param and the date parameters take them, so the numbers of the API do too.
    return unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else value


# The type of every whole-number parameter of the API.
QueryInt = Annotated[int, BeforeValidator(_folded)]


class ErrorOut(Schema):
    detail: str = Field(description="A message for people, in Japanese (English if chosen).")
    errors: list[dict] = Field(default_factory=list, description="Which parameter was wrong.")


class PageParams(Schema):
    page: QueryInt = Field(1, ge=1, le=100_000, description="Page number, from 1.")
    per_page: QueryInt = Field(20, ge=1, le=100, description="Items per page (at most 100).")


class PageOut(Schema):
    count: int = Field(description="Number of items matching the filters.")
    page: int
    per_page: int
    pages: int


def paginate(queryset, params: PageParams, serialise) -> dict:
    """One page of a queryset as {count, page, per_page, pages, results}."""
    count = queryset.count()
    start = (params.page - 1) * params.per_page
    results = [serialise(item) for item in queryset[start : start + params.per_page]]
    pages = max((count + params.per_page - 1) // params.per_page, 1)
    return {
        "count": count,
        "page": params.page,
        "per_page": params.per_page,
        "pages": pages,
        "results": results,
    }


def page_url(request, url_name: str, obj) -> str:
    """The absolute address of the portal page that shows `obj`."""
    return request.build_absolute_uri(reverse(url_name, args=[obj.pk]))


def project_ref(project) -> dict | None:
    return {"id": project.pk, "title": project.title} if project else None


def one_or_404(queryset, pk, message: str):
    """The public record with this id, or a 404 saying in Japanese what was not found."""
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise HttpError(404, message)
    return found


def check_date_range(filters) -> None:
    if filters.date_from and filters.date_to and filters.date_to < filters.date_from:
        raise HttpError(
            400,
            _("“%(to)s” must be the same as or later than “%(from)s”.")
            % {"to": label("date_to"), "from": label("date_from")},
        )


def dated_filters(filters) -> dict:
    """The date range and project of a list of events or news, checked, as selector keywords."""
    check_date_range(filters)
    return {
        "date_from": filters.date_from,
        "date_to": filters.date_to,
        "project_id": filters.project,
    }
