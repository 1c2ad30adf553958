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


# --- Matching that explains itself (issue 17-8) ----------------------------------------------


def _many_groups(count):
    """Groups named as towns name them: most hold 会, 団体 or 市 in their name or activity."""
    for n in range(count):
        PartnerFactory(
            name=f"網走市第{n}町の会", activity=f"市の団体として地域の行事を手伝う（{n}）"
        )


def test_function_and_common_words_are_not_reasons(partners):
    _many_groups(12)
    matches = match_partners("網走市の子ども向けの会が居る団体の食堂")
    cited = {word for match in matches for word in match.matched_terms}
    assert not cited & {"会", "団体", "市", "向け", "居る", "網走市", "の"}
    assert matches[0].partner.name == "子ども食堂"
    assert "子供" in cited and "食堂" in cited


def test_fields_named_in_the_issue_and_similar_projects_are_reasons(department_a):
    from kyodo.partners import services
    from kyodo.projects.models import Participation, Project

    beach = PartnerFactory(name="海の会", activity="砂浜の見回り", fields=["環境"])
    PartnerFactory(name="山の会", activity="登山道の整備", fields=["スポーツ"])
    project = Project.objects.create(
        title="海岸清掃", department=department_a, fiscal_year_from=2025
    )
    Participation.objects.create(project=project, partner=beach, role="運営")
    services.partner_index_refresh(partner=beach)
    matches = match_partners("環境を守るための海岸清掃")
    assert [m.partner.name for m in matches] == ["海の会"]
    best = matches[0]
    assert "分野が一致: 環境" in best.reasons
    assert "類似の実績: 海岸清掃（令和7年度）" in best.reasons
    assert 0 < best.percent <= 100


def test_the_match_page_shows_score_and_reasons(persona_client, partners):
    html = (
        persona_client("staff_a")
        .get(
            reverse("partners:match"),
            {"query": "見守りと除雪", "fields": [activity_field("福祉").pk]},
        )
        .content.decode()
    )
    assert "分野が一致: 福祉" in html and "100点満点" in html


@pytest.mark.parametrize("size", [3, 15])
def test_matching_queries_do_not_grow_with_the_partners(django_assert_num_queries, size):
    _many_groups(size)
    PartnerFactory(name="子ども食堂", activity="子ども食堂と学習支援", fields=["子育て"])
    # Per word of the issue one index query (子供, 食堂, 学習); the count; the fields named;
    # the field links; the projects; the partners, their types and fields.
    with django_assert_num_queries(10):
        assert match_partners("子どもの食堂と学習", field_ids=[activity_field("子育て").pk])
