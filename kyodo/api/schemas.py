"""Shapes shared by every router: errors and paging."""

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str = Field(description="A message for people, in Japanese.")
    errors: list[dict] = Field(default_factory=list, description="Which parameter was wrong.")


class PageParams(Schema):
    page: int = Field(1, ge=1, le=100_000, description="Page number, from 1.")
    per_page: int = Field(20, ge=1, le=100, description="Items per page (at most 100).")


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
