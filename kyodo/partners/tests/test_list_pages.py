"""The staff partner list at a large city's size (issue 19): paged in the database, with and
without a search word, in the order of an index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.core.search.index import search, search_best
from kyodo.core.search.registry import STAFF
from kyodo.partners.models import Partner
from kyodo.partners.selectors import PAGE_SIZE, PartnerFilters, partner_page
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def make(count, **kwargs):
    return [
        PartnerFactory(name=f"防災の会{n:03}", activity="防災訓練と見守り", **kwargs)
        for n in range(count)
    ]


@pytest.mark.parametrize("audience", [STAFF, "public"])
def test_search_best_pages_with_an_offset(audience):
    make(7, listed_publicly=True)  # listed: the public search finds them too
    queryset = Partner.objects.all()
    everything = [hit.object_id for hit in search(queryset, "防災", audience=audience)]
    pages = [
        search_best(queryset, "防災", 3, offset=offset, audience=audience) for offset in (0, 3, 6)
    ]
    assert [hit.object_id for page in pages for hit in page.hits] == everything
    assert [page.total for page in pages] == [7, 7, 7]
    past = search_best(queryset, "防災", 3, offset=9, audience=audience)
    assert past.hits == [] and past.total == 0


def test_a_search_page_reads_only_its_hits_from_the_index():
    make(60)
    with CaptureQueriesContext(connection) as queries:
        page = partner_page(PartnerFilters(query="防災"), "2")
    assert page.number == 2 and page.paginator.count == 60 and page.paginator.num_pages == 2
    assert len(page.object_list) == 10
    assert all(partner.matched_terms == ["防災"] for partner in page.object_list)
    expected = search(Partner.objects.all(), "防災", audience=STAFF)[50:]
    assert [p.pk for p in page.object_list] == [hit.object_id for hit in expected]
    # The index query pages itself: LIMIT and OFFSET, not every hit into Python.
    assert any("LIMIT 50 OFFSET 50" in q["sql"] for q in queries.captured_queries)


def test_a_search_page_past_the_end_is_the_last_page():
    make(55)
    page = partner_page(PartnerFilters(query="防災"), "9")
    assert page.number == 2 and len(page.object_list) == 5
    assert partner_page(PartnerFilters(query="防災"), "x").number == 1
    assert partner_page(PartnerFilters(query="見つからない語"), "3").paginator.count == 0


def test_the_plain_list_filters_the_partners_directly():
    make(3)
    with CaptureQueriesContext(connection) as queries:
        page = partner_page(PartnerFilters(area="潮見"), "1")
        list(page.object_list)
    assert not any("IN (SELECT" in q["sql"] for q in queries.captured_queries)


def test_the_list_order_has_an_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "partners_partner")
    columns = [c["columns"] for c in constraints.values() if c["index"]]
    assert ["name_kana", "name", "id"] in columns


def test_pages_of_the_plain_list_are_in_kana_order_and_stable():
    for n in range(PAGE_SIZE + 5):
        PartnerFactory(name=f"団体{n:03}", name_kana="オナジヨミ")
    first = partner_page(PartnerFilters(), "1").object_list
    second = partner_page(PartnerFilters(), "2").object_list
    names = [p.name for p in [*first, *second]]
    assert len(names) == len(set(names)) == PAGE_SIZE + 5


@pytest.mark.parametrize("params", [{"page": "2"}, {"q": "防災", "page": "2"}])
def test_later_pages_cost_the_same(persona_client, django_assert_num_queries, params):
    client = persona_client("staff_a")
    # session, user, roles, nav perms, filter form choices (2), count or search, page (with
    # a query: the matched words, then the page), prefetch of fields; the city is kept
    client.get(reverse("partners:list"))
    for size in (3, 30):
        make(PAGE_SIZE + size)  # a second page to ask for
        with django_assert_num_queries(9 if "q" in params else 8):
            assert client.get(reverse("partners:list"), params).status_code == 200
