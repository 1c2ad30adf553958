"""The Japanese search over partners, run on SQLite and on PostgreSQL by CI."""

import pytest
from django.core.management import call_command

from kyodo.core.search import registry
from kyodo.core.search.index import (
    explain,
    index_delete,
    index_rebuild,
    search,
    search_best,
    word_matches,
)
from kyodo.core.search.models import SearchDocument
from kyodo.core.search.registry import STAFF
from kyodo.partners.models import Partner
from kyodo.partners.selectors import PartnerFilters, filtered_partners, partner_page
from kyodo.partners.services import partner_update
from kyodo.partners.tests.factories import PartnerFactory, activity_field, partner_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners():
    return {
        "bousai": PartnerFactory(
            name="網走防災リーダーの会",
            name_kana="アバシリボウサイリーダーノカイ",
            activity="避難所運営の訓練と防災講座。市と協働して経験を活かす。",
            fields=["防災"],
            area_served="潮見地区",
        ),
        "kosodate": PartnerFactory(
            name="ＮＰＯ法人子育てひろば",
            activity="子育て支援と一時預かり。",
            fields=["子育て"],
            area_served="桂町",
        ),
        "marathon": PartnerFactory(
            name="オホーツク網走マラソン実行委員会",
            partner_type=partner_type("各種委員会"),
            activity="マラソン大会の運営。給水所と防災の備え。",
            fields=["スポーツ"],
        ),
    }


def names(hits):
    by_id = {p.pk: p.name for p in Partner.objects.all()}
    return [by_id[hit.object_id] for hit in hits]


def test_two_character_words_are_found(partners):
    assert names(search(Partner.objects.all(), "協働")) == ["網走防災リーダーの会"]
    assert set(names(search(Partner.objects.all(), "網走"))) == {
        "網走防災リーダーの会",
        "オホーツク網走マラソン実行委員会",
    }


def test_ranking_puts_the_name_first(partners):
    # 防災 is in the name of one and in the activity of another: the name weighs more.
    assert names(search(Partner.objects.all(), "防災")) == [
        "網走防災リーダーの会",
        "オホーツク網走マラソン実行委員会",
    ]


@pytest.mark.parametrize("query", ["NPO", "ＮＰＯ", "npo"])
def test_full_and_half_width_variants_match(partners, query):
    assert names(search(Partner.objects.all(), query)) == ["ＮＰＯ法人子育てひろば"]


def test_spelling_variants_match(partners):
    hits = search(Partner.objects.all(), "活かす")
    assert names(hits) == ["網走防災リーダーの会"]
    assert explain(Partner, hits, "活かす")[0].terms == ["生かす"]


def test_half_width_katakana_query(partners):
    assert names(search(Partner.objects.all(), "ﾏﾗｿﾝ")) == ["オホーツク網走マラソン実行委員会"]


def test_all_words_are_needed_unless_any(partners):
    assert names(search(Partner.objects.all(), "防災 子育て")) == []
    assert len(search(Partner.objects.all(), "防災 子育て", mode="any")) == 3


def test_the_queryset_limits_what_is_found(partners):
    queryset = Partner.objects.exclude(pk=partners["bousai"].pk)
    assert names(search(queryset, "防災")) == ["オホーツク網走マラソン実行委員会"]


def test_search_best_gives_the_first_hits_and_the_total(partners, django_assert_num_queries):
    for n in range(5):
        PartnerFactory(name=f"防災サークル{n}", activity="防災の勉強会。", listed_publicly=True)
    listed = Partner.objects.filter(listed_publicly=True)
    everything = search(listed, "防災")
    # The matches with their scores, then the queryset asked about those ids.
    with django_assert_num_queries(2):
        best = search_best(listed, "防災", 3)
    assert best.total == len(everything) == 5 and not best.approximate
    assert [hit.object_id for hit in best.hits] == [hit.object_id for hit in everything[:3]]
    # The public search reads the public rule kept on the documents: the two unlisted
    # partners holding 防災 are neither found nor counted, whatever the queryset.
    assert search_best(Partner.objects.all(), "防災", 10).total == 5
    # The queryset still decides what counts, and an empty query finds nothing.
    first = everything[0].object_id
    scoped = search_best(listed.exclude(pk=first), "防災", 3)
    assert scoped.total == 4 and first not in [h.object_id for h in scoped.hits]
    assert search_best(Partner.objects.all(), "、。", 3).total == 0
    # The city's search (staff) finds every partner, listed or not.
    assert search_best(Partner.objects.all(), "防災", 3, audience=STAFF).total == 7


def test_nothing_for_empty_or_odd_queries(partners):
    assert search(Partner.objects.all(), "") == []
    assert search(Partner.objects.all(), "、。") == []
    # Quotes and operators are words or nothing, never query syntax.
    assert len(search(Partner.objects.all(), '"防災"*')) == 2
    assert search(Partner.objects.all(), "防災 NEAR(") == []
    assert search(Partner.objects.all(), "it's") == []


def test_filters_by_type_field_and_area(partners):
    found = filtered_partners(PartnerFilters(query="防災", field=activity_field("防災")))
    assert [p.name for p in found] == ["網走防災リーダーの会"]
    page = partner_page(PartnerFilters(query="防災 網走"), 1)
    assert [(p.name, p.matched_terms) for p in page.object_list] == [
        ("網走防災リーダーの会", ["防災", "網走"]),
        ("オホーツク網走マラソン実行委員会", ["防災", "網走"]),
    ]
    found = filtered_partners(PartnerFilters(partner_type=partner_type("各種委員会")))
    assert [p.name for p in found] == ["オホーツク網走マラソン実行委員会"]
    found = filtered_partners(PartnerFilters(area="桂町"))
    assert [p.name for p in found] == ["ＮＰＯ法人子育てひろば"]


def test_services_keep_the_index_current(partners, coordinator):
    partner = partners["kosodate"]
    partner_update(actor=coordinator, partner=partner, data={"activity": "除雪ボランティア"})
    assert names(search(Partner.objects.all(), "除雪")) == ["ＮＰＯ法人子育てひろば"]
    assert names(search(Partner.objects.all(), "一時")) == []
    index_delete(partner)
    assert search(Partner.objects.all(), "除雪") == []


def test_rebuild_and_command(partners):
    SearchDocument.objects.all().delete()
    assert search(Partner.objects.all(), "協働") == []
    assert index_rebuild("partners.partner") == 3
    assert names(search(Partner.objects.all(), "協働")) == ["網走防災リーダーの会"]
    call_command("search_reindex", "partners.partner", stdout=None)
    # Each partner has its staff document and its public one (see partners/search.py).
    assert SearchDocument.objects.filter(kind="partners.partner").count() == 3
    assert SearchDocument.objects.filter(kind="partners.partner.public").count() == 3


def test_registration_of_another_type():
    """A later app registers its type in a few lines; unknown models are refused."""
    from kyodo.accounts.models import Department

    with pytest.raises(LookupError):
        registry.for_model(Department)
    searchable = registry.register(
        "tests.department", model=Department, title=lambda d: [d.name], body=lambda d: []
    )
    try:
        assert registry.for_model(Department) is searchable
    finally:
        registry._TYPES.pop("tests.department")


def test_word_matches(partners):
    holders = word_matches(Partner.objects.all(), "防災と子育て")
    assert holders["防災"] == {partners["bousai"].pk, partners["marathon"].pk}
    assert holders["子育て"] == {partners["kosodate"].pk}
