"""The portal's search reads every group's candidates in one query (`search_best_each`) and
finds exactly what `search_best` finds group by group."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyodo.core.search import index
from kyodo.core.search.index import search_best
from kyodo.core.search.many import search_best_each
from kyodo.partners.models import Partner
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.portal import selectors
from kyodo.portal.tests.test_search_bounded import _event, events  # noqa: F401 (fixture)
from kyodo.portal.views import search as search_view

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("candidates", [500, 4, 2])
def test_each_group_finds_what_search_best_finds(events, monkeypatch, candidates):  # noqa: F811
    monkeypatch.setattr(index, "CANDIDATES", candidates)
    PartnerFactory(name="流氷の会", activity="流氷の観察", listed_publicly=True)
    PartnerFactory(name="流氷を守る会", activity="流氷", listed_publicly=False)
    querysets = [
        selectors.public_events(),
        Partner.objects.filter(listed_publicly=True),
        selectors.public_events().filter(pk=events["public"][-1].pk),  # narrow: falls back
        selectors.public_news(),  # nothing found
    ]
    for found, queryset in zip(search_best_each(querysets, "流氷", 3), querysets, strict=True):
        alone = search_best(queryset, "流氷", 3)
        assert [hit.object_id for hit in found.hits] == [hit.object_id for hit in alone.hits]
        assert (found.total, found.approximate) == (alone.total, alone.approximate)
    assert search_best_each(querysets, "　", 3)[0].total == 0  # no words: nothing


def _index_reads(captured) -> list:
    return [q for q in captured if "search_searchdocument" in q["sql"] or "search_fts" in q["sql"]]


def test_the_search_page_reads_the_index_once_and_costs_the_same_at_two_sizes(
    client, no_page_cache
):
    for n in range(2):
        _event(title=f"流氷観察{n}")
        PartnerFactory(name=f"流氷の会{n}", activity="流氷の観察", listed_publicly=True)
    with CaptureQueriesContext(connection) as small:
        assert "流氷の会0" in client.get("/portal/search/", {"q": "流氷"}).content.decode()
    for n in range(2, 25):
        _event(title=f"流氷観察{n}")
        PartnerFactory(name=f"流氷の会{n}", activity="流氷の観察", listed_publicly=True)
    with CaptureQueriesContext(connection) as large:
        response = client.get("/portal/search/", {"q": "流氷"})
    # Equal scores are ordered by id (random UUIDs), so which 20 of the 25 events are shown varies;
    # how many were found and that the shown ones are among them does not.
    events_found = {group.key: group for group in response.context["groups"]}["events"]
    assert events_found.total == 25 and not events_found.approximate
    shown = [entry.title for entry in events_found.items]
    assert len(shown) == search_view.HITS_PER_TYPE and all(
        "流氷観察" in entry for entry in shown
    ), shown
    assert len(_index_reads(small)) == len(_index_reads(large)) == 1
    # One index read, one read of what the groups' querysets keep (on PostgreSQL a column of
    # the index read), the found events, partners (without the fields the selector prefetches:
    # a result does not show them) and the page's own read: no query per group or per match.
    expected = 4 if connection.vendor == "postgresql" else 5
    assert len(small) == len(large) == expected, [q["sql"][:60] for q in large]


def test_entries_of_staff_activities_and_partners_read_only_what_they_show(
    client, no_page_cache, department_a
):
    """A result is read with the fields its entry shows (search_results.Spec.columns): the
    relations it names come along, and the entry is what it was with every column."""
    from kyodo.engagement.tests.factories import activity, staff_in

    [staff] = staff_in(department_a)
    partner = PartnerFactory(name="流氷の会", activity="流氷の観察", listed_publicly=True)
    activity(staff, description="流氷の観察会を手伝った。", is_published=True)
    activity(staff, description="流氷の清掃に参加した。", is_published=True, partner=partner)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/portal/search/", {"q": "流氷"})
    assert response.status_code == 200
    groups = {group.key: group for group in response.context["groups"]}
    titles = sorted(entry.title for entry in groups["staff_activities"].items)
    assert titles == ["ボランティア：流氷の会", "ボランティア：網走川を守る会"], titles
    assert [entry.kind for entry in groups["partners"].items] == [partner.partner_type.name]
    # Nor is a partner's contact read (a result never shows it).
    reads = [q["sql"] for q in captured if q["sql"].startswith('SELECT "partners_partner"')]
    assert reads and not any("contact_email" in sql or "address" in sql for sql in reads)
