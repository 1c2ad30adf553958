"""Public news: the same selector as the portal pages."""

from datetime import date
from uuid import UUID

from ninja import Field, Query, Router, Schema

from kyodo.api.routers.events import ProjectRef
from kyodo.api.schemas import (
    ErrorOut,
    IsoDate,
    PageOut,
    PageParams,
    dated_filters,
    one_or_404,
    page_url,
    paginate,
    project_ref,
)
from kyodo.portal import selectors
from kyodo.portal.markdown import render_markdown

router = Router(tags=["お知らせ"])


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
    date_from: IsoDate | None = Field(None, description="Published on or after this date.")
    date_to: IsoDate | None = Field(None, description="Published on or before this date.")
    project: UUID | None = Field(None, description="Only news of this project.")


def news_out(request, news) -> dict:
    project = selectors.public_project_of(news)
    return {
        "id": news.pk,
        "title": news.title,
        "publish_on": news.publish_on,
        "body_markdown": news.body,
        "body_html": str(render_markdown(news.body)),
        "project": project_ref(project),
        "page_url": page_url(request, "portal:news_detail", news),
    }


@router.get(
    "/{news_id}",
    response={200: NewsOut, 400: ErrorOut, 404: ErrorOut},
    summary="お知らせの詳細",
    description="公開中のお知らせ1件を、書かれたままの本文（Markdown）と表示用のHTMLで返します。",
)
def get_news(request, news_id: UUID):
    news = one_or_404(selectors.public_news(), news_id, "お知らせが見つかりません。")
    return news_out(request, news)


@router.get(
    "/",
    response={200: NewsPage, 400: ErrorOut},
    summary="お知らせの一覧",
    description="公開中のお知らせを新しい順に返します。公開日の期間と協働事業で絞り込めます。",
)
def list_news(request, filters: Query[NewsFilters]):
    queryset = selectors.filter_news(selectors.public_news(), **dated_filters(filters))
    return paginate(queryset, filters, lambda news: news_out(request, news))
