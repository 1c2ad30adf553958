"""Public pages of news: the list and a news item."""

from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kyodo.portal import selectors
from kyodo.portal.http import NEWS_KINDS, cacheable, page_meta
from kyodo.portal.markdown import plain_text, render_markdown
from kyodo.portal.models import News
from kyodo.portal.paging import page_of, page_query
from kyodo.portal.views.events import item_version


def _news_version(request, *args, **kwargs):
    return selectors.freshness(selectors.public_news())


@cacheable(_news_version, kinds=NEWS_KINDS)
def news_list(request):
    page = page_of(request, selectors.public_news())
    return render(
        request,
        "portal/news_list.html",
        {
            "page_obj": page,
            "meta": page_meta(
                request,
                _("News"),
                _("News from the city and its partners about collaborative projects."),
                query=urlencode(page_query(page)),
            ),
        },
    )


@cacheable(item_version(News), kinds=NEWS_KINDS)
def news_detail(request, pk):
    news = selectors.public_news().filter(pk=pk).first()
    if news is None:
        raise Http404
    return render(
        request,
        "portal/news_detail.html",
        {
            "news": news,
            "body": render_markdown(news.body),
            "project": selectors.public_project_of(news),
            "meta": page_meta(request, news.title, plain_text(news.body)[:150], og_type="article"),
        },
    )
