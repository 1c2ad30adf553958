"""The staff partner list's search page kept under its filters, its page and the records'
version (partners.selectors._search_page over core.work_cache.kept_value), and its rows'
fields of activity read as names (with_field_names)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.partners.models import ActivityField
from kyodo.partners.selectors import PartnerFilters, partner_page
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def _ranking_queries(captured) -> list:
    return [q for q in captured.captured_queries if "search_searchdocument" in q["sql"]]


def test_a_search_page_read_again_asks_the_index_nothing():
    PartnerFactory(name="防災の会", activity="防災訓練")
    first = partner_page(PartnerFilters(query="防災"), "1")
    with CaptureQueriesContext(connection) as captured:
        again = partner_page(PartnerFilters(query="防災"), "1")
    assert not _ranking_queries(captured)
    assert [p.pk for p in again.object_list] == [p.pk for p in first.object_list]
    assert again.object_list[0].matched_terms == ["防災"]


def test_a_kept_search_page_follows_every_change_at_once():
    kept = PartnerFactory(name="防災の会", activity="防災訓練")
    assert partner_page(PartnerFilters(query="防災"), "1").paginator.count == 1
    added = PartnerFactory(name="防災ネット", activity="防災")
    page = partner_page(PartnerFilters(query="防災"), "1")
    assert page.paginator.count == 2 and {p.pk for p in page.object_list} == {kept.pk, added.pk}
    added.delete()
    assert [p.pk for p in partner_page(PartnerFilters(query="防災"), "1").object_list] == [kept.pk]


def test_other_filters_and_pages_are_kept_apart():
    PartnerFactory(name="防災の会", activity="防災訓練")
    assert partner_page(PartnerFilters(query="防災"), "1").paginator.count == 1
    assert partner_page(PartnerFilters(query="防災", area="存在しない町"), "1").paginator.count == 0
    assert partner_page(PartnerFilters(query="見守り"), "1").paginator.count == 0


def test_rows_show_their_fields_by_name_in_order_and_a_rename_at_once(persona_client):
    second = ActivityField.objects.create(name="環境保全", sort_order=2)
    first = ActivityField.objects.create(name="防災活動", sort_order=1)
    partner = PartnerFactory(name="見守りの会")
    partner.fields.set([second, first])
    client = persona_client("coordinator")
    url = reverse("partners:list")
    assert "防災活動、環境保全" in client.get(url).content.decode()
    first.name = "防災・減災"
    first.save()
    assert "防災・減災、環境保全" in client.get(url + "?again=1").content.decode()
    html = client.get(url + "?q=見守り").content.decode()
    assert "防災・減災、環境保全" in html
