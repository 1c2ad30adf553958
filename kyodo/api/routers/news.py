"""Public news: the same selector as the portal pages."""

from datetime import date
from uuid import UUID

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from kyodo.api.routers.events import ProjectRef
from kyodo.api.schemas import ErrorOut, PageOut, PageParams, paginate
from kyodo.portal import selectors
from kyodo.portal.markdown import render_markdown

router = Router(tags=["news"])


class NewsOut(Schema):
    id: UUID
    title: str
    publish_on: date
    body_markdown: str = Field(description="The body as written (Markdown).")
    body_html: str = Field(description="The body rendered and sanitised.")
    project: ProjectRef | None
    page_url: str


class NewsPage(PageOut):
    results: list[NewsOut]


class NewsFilters(PageParams):
    date_from: date | None = Field(None, description="Published on or after this date.")
    date_to: date | None = Field(None, description="Published on or before this date.")
    project: UUID | None = Field(None, description="Only news of this project.")


def news_out(request, news) -> dict:
    project = selectors.public_project_of(news)
    return {
        "id": news.pk,
        "title": news.title,
        "publish_on": news.publish_on,
        "body_markdown": news.body,
        "body_html": str(render_markdown(news.body)),
        "project": {"id": project.pk, "title": project.title} if project else None,
        "page_url": request.build_absolute_uri(reverse("portal:news_detail", args=[news.pk])),
    }


@router.get(
    "/",
    response={200: NewsPage, 400: ErrorOut},
    summary="List public news",
    description="Published news, newest first. Filter by publication date and project.",
)
def list_news(request, filters: Query[NewsFilters]):
    if filters.date_from and filters.date_to and filters.date_to < filters.date_from:
        raise HttpError(400, "date_to は date_from 以降の日付にしてください。")
    queryset = selectors.filter_news(
        selectors.public_news(),
        date_from=filters.date_from,
        date_to=filters.date_to,
        project_id=filters.project,
    )
    return paginate(queryset, filters, lambda news: news_out(request, news))


@router.get(
    "/{news_id}",
    response={200: NewsOut, 400: ErrorOut, 404: ErrorOut},
    summary="One public news item",
)
def get_news(request, news_id: UUID):
    news = selectors.public_news().filter(pk=news_id).first()
    if news is None:
        raise HttpError(404, "お知らせが見つかりません。")
    return news_out(request, news)
