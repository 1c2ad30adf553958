"""The public search ranks a bounded set of candidates, reads the public rule kept on each
search document, estimates very large totals, and never finds or counts a private item."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from kyodo.accounts.tests.factories import UserFactory
from kyodo.core.search import index
from kyodo.core.search.index import search_best
from kyodo.core.search.models import SearchDocument
from kyodo.partners.models import Partner
from kyodo.partners.services import partner_update
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.portal import selectors
from kyodo.portal import services as portal_services
from kyodo.portal.tests.factories import event_values
from kyodo.portal.views import search as search_view
from kyodo.portal.views.search import rounded_count

pytestmark = pytest.mark.django_db


def _event(**values):
    values = {"publish_on": timezone.localdate(), "description": "流氷の観察会です", **values}
    return portal_services.event_create(actor=None, **event_values(**values))


def _ids(found):
    return {hit.object_id for hit in found.hits}


@pytest.fixture
def events():
    today = timezone.localdate()
    public = [_event(title=f"流氷観察{n}") for n in range(6)]
    future = _event(title="流氷の予告", publish_on=today + timedelta(days=5))
    withdrawn = _event(title="流氷の中止")
    portal_services.event_withdraw(actor=None, event=withdrawn, reason="荒天")
    draft = portal_services.event_create(
        actor=None, **event_values(publish_on=None, description="流氷の下書き")
    )
    return {"public": public, "future": future, "withdrawn": withdrawn, "draft": draft}


def test_the_public_rule_is_kept_on_the_documents_by_the_services(events):
    documents = dict(SearchDocument.objects.values_list("object_id", "public_from"))
    assert documents[events["public"][0].pk] == timezone.localdate()
    assert documents[events["future"].pk] == events["future"].publish_on
    assert documents[events["draft"].pk] is None
    assert events["withdrawn"].pk not in documents
    # Published today after all: the next search finds it, no reindexing needed.
    portal_services.event_update(
        actor=None, event=events["future"], publish_on=timezone.localdate()
    )
    assert events["future"].pk in _ids(search_best(selectors.public_events(), "流氷", 20))


def test_unpublished_items_are_never_found_or_counted_even_from_a_wider_queryset(events):
    from kyodo.portal.models import Event

    for queryset in (selectors.public_events(), Event.objects.all()):
        found = search_best(queryset, "流氷", 20)
        assert _ids(found) == {event.pk for event in events["public"]}
        assert found.total == 6 and not found.approximate


def test_a_broad_word_ranks_only_the_candidates_and_estimates_the_total(events, monkeypatch):
    monkeypatch.setattr(index, "CANDIDATES", 4)
    found = search_best(selectors.public_events(), "流氷", 2)
    assert found.approximate and found.total >= 4 and len(found.hits) == 2
    private = {events[key].pk for key in ("future", "withdrawn", "draft")}
    assert not _ids(found) & private
    # The best first, among the candidates.
    assert [hit.score for hit in found.hits] == sorted([h.score for h in found.hits], reverse=True)


def test_a_narrow_queryset_falls_back_to_ranking_every_match(events, monkeypatch):
    monkeypatch.setattr(index, "CANDIDATES", 2)
    last = events["public"][-1]
    only = selectors.public_events().filter(pk=last.pk)
    found = search_best(only, "流氷", 20)
    assert _ids(found) == {last.pk} and found.total == 1 and not found.approximate


def test_partners_leave_the_public_search_when_they_withdraw_their_consent():
    partner = PartnerFactory(name="流氷の会", activity="流氷の観察", listed_publicly=True)
    assert _ids(search_best(Partner.objects.all(), "流氷", 5)) == {partner.pk}
    partner_update(actor=None, partner=partner, data={"listed_publicly": False})
    assert search_best(Partner.objects.all(), "流氷", 5).total == 0
    partner_update(actor=None, partner=partner, data={"listed_publicly": True})
    assert search_best(Partner.objects.all(), "流氷", 5).total == 1


def test_estimates_are_rounded_to_two_digits_in_japanese_and_english():
    with translation.override("ja"):
        assert [rounded_count(n) for n in (115750, 11050, 10000, 1349, 7)] == [
            "12万",
            "1万1千",
            "1万",
            "1,300",
            "7",
        ]
    with translation.override("en"):
        assert rounded_count(115750) == "120,000"


def test_the_search_page_says_about_for_an_estimate(client, events, monkeypatch):
    monkeypatch.setattr(index, "CANDIDATES", 3)
    monkeypatch.setattr(search_view, "HITS_PER_TYPE", 2)
    page = client.get("/portal/search/", {"q": "流氷"}, HTTP_ACCEPT_LANGUAGE="ja")
    text = page.content.decode()
    assert "「流氷」の検索結果：約" in text and "流氷の予告" not in text


def test_results_are_kept_per_query_until_the_data_changes(client, events):
    client.force_login(UserFactory())  # never served a cached page: the results cache only
    first = client.get("/portal/search/", {"q": "流氷"}).content.decode()
    assert "流氷観察0" in first and "流氷の予告" not in first
    again = client.get("/portal/search/", {"q": "流氷"}).content.decode()
    assert again.count("流氷観察") == first.count("流氷観察")
    # A newly published event is found at once (the events' version moved).
    portal_services.event_update(
        actor=None, event=events["future"], publish_on=timezone.localdate()
    )
    assert "流氷の予告" in client.get("/portal/search/", {"q": "流氷"}).content.decode()


def test_the_search_page_runs_as_many_queries_below_and_above_the_candidates(
    client, monkeypatch, no_page_cache
):
    monkeypatch.setattr(index, "CANDIDATES", 5)
    monkeypatch.setattr(search_view, "HITS_PER_TYPE", 2)
    for n in range(3):
        _event(title=f"流氷観察{n}")
    with CaptureQueriesContext(connection) as small:
        exact = client.get("/portal/search/", {"q": "流氷"}).content.decode()
    for n in range(30):
        _event(title=f"流氷観察{n + 3}")
    with CaptureQueriesContext(connection) as large:
        estimated = client.get("/portal/search/", {"q": "流氷"}).content.decode()
    assert "約" not in exact and "約" in estimated
    assert len(small) == len(large) <= 10
