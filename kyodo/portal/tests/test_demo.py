"""The portal's sample events and news are made through its services, so they are searchable."""

import pytest

from kyodo.core.search.models import SearchDocument
from kyodo.portal import demo
from kyodo.portal.models import Event, News
from kyodo.portal.views.search import search_groups

pytestmark = pytest.mark.django_db


def test_the_sample_events_and_news_are_found_by_the_portal_search():
    demo.seed()
    demo.seed()  # idempotent: found again by title, moved, not doubled
    assert Event.objects.count() == len(demo.EVENTS)
    assert News.objects.count() == len(demo.NEWS)
    indexed = SearchDocument.objects.filter(
        object_id__in=[
            *Event.objects.values_list("pk", flat=True),
            *News.objects.values_list("pk", flat=True),
        ]
    )
    assert indexed.count() == len(demo.EVENTS) + len(demo.NEWS)
    groups = {group.key: group for group in search_groups("網走川")}
    assert "（サンプル）網走川クリーン作戦" in {e.title for e in groups["events"].items}
    assert "（サンプル）網走川クリーン作戦の参加者を募集します" in {
        n.title for n in groups["news"].items
    }
