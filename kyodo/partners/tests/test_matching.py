import pytest
from django.urls import reverse

from kyodo.partners.matching import PartnerMatch, match_partners
from kyodo.partners.tests.factories import PartnerFactory, activity_field

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners():
    return {
        "fureai": PartnerFactory(
            name="ふれあいの家ボランティアの会",
            activity="高齢者の見守り訪問とサロン。冬は独居高齢者宅の除雪を手伝う。",
            fields=["福祉", "高齢者支援"],
        ),
        "chounai": PartnerFactory(
            name="桂町内会", activity="防犯パトロールと除雪協力。", fields=["防犯", "防災"]
        ),
        "kids": PartnerFactory(
            name="子ども食堂", activity="子ども食堂と学習支援", fields=["子育て"]
        ),
    }


def test_ranked_best_first_with_reasons(partners):
    matches = match_partners("高齢者の見守りと冬の除雪", field_ids=[activity_field("福祉").pk])
    assert all(isinstance(match, PartnerMatch) for match in matches)
    assert [m.partner.name for m in matches] == ["ふれあいの家ボランティアの会", "桂町内会"]
    best = matches[0]
    assert {"高齢者", "見守る", "除雪"} <= set(best.matched_terms)
    assert [f.name for f in best.matched_fields] == ["福祉"]
    assert best.score > matches[1].score > 0
    assert matches[1].matched_terms == ["除雪"]


def test_fields_alone_find_partners(partners):
    matches = match_partners("", field_ids=[activity_field("子育て").pk])
    assert [m.partner.name for m in matches] == ["子ども食堂"]
    assert matches[0].matched_terms == []


def test_limit_and_nothing_found(partners):
    assert len(match_partners("除雪", limit=1)) == 1
    assert match_partners("宇宙開発") == []


def test_match_page_shows_the_reasons(persona_client, partners):
    response = persona_client("staff_a").get(
        reverse("partners:match"), {"query": "見守りと除雪", "fields": [activity_field("福祉").pk]}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("ふれあいの家ボランティアの会") < html.index("桂町内会")
    assert "見守る、除雪" in html and "福祉" in html
