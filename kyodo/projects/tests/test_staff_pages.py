"""Staff pages that once listed everything: the workspace's "add a partner" is a name search
(no <select> of every partner), and the staff home shows the newest projects with a link to
the full, paginated list. Query counts pinned at two sizes."""

import pytest
from django.urls import reverse

from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects import panels
from kyodo.projects.models import Participation
from kyodo.projects.tests.test_list_pages import make_projects, rows, select_sizes

pytestmark = pytest.mark.django_db


def _partners_url(project) -> str:
    return reverse("projects:partners", args=[project.pk])


def test_add_a_partner_has_no_select_of_every_partner(persona_client, project):
    for n in range(150):
        PartnerFactory(name=f"団体{n}")
    html = persona_client("staff_a").get(_partners_url(project)).content.decode()
    assert 'name="partner_q"' in html
    assert max(select_sizes(html), default=0) <= 100
    assert html.count('name="partner"') <= 10  # only the suggestions' buttons


def test_the_search_finds_by_name_or_reading_and_the_choice_adds(persona_client, project):
    PartnerFactory(name="網走防災の会", name_kana="アバシリボウサイノカイ")
    PartnerFactory(name="子育ての会", name_kana="コソダテノカイ")
    client = persona_client("staff_a")
    for words in ("防災", "ぼうさい", "ﾎﾞｳｻｲ", "  網走　防災 "):
        page = client.get(_partners_url(project), {"partner_q": words})
        assert [p.name for p in page.context["found"]] == ["網走防災の会"], words
    chosen = page.context["found"][0]
    response = client.post(_partners_url(project), {"partner": str(chosen.pk), "role": "講師"})
    assert response.status_code == 302
    assert Participation.objects.get(project=project, partner=chosen).role == "講師"
    # Once taking part, it is no longer offered.
    again = client.get(_partners_url(project), {"partner_q": "防災"})
    assert again.context["found"] == []
    assert "No partner not yet taking part" in again.content.decode() or "まだ参加していない" in (
        again.content.decode()
    )


def test_a_broad_word_shows_the_first_matches_and_says_there_are_more(persona_client, project):
    for n in range(15):
        PartnerFactory(name=f"町内会{n:02}", name_kana=f"チョウナイカイ{n:02}")
    page = persona_client("staff_a").get(_partners_url(project), {"partner_q": "町内会"})
    assert len(page.context["found"]) == 10 and page.context["more_found"]
    assert page.content.decode().count('name="partner" value=') >= 10


def test_a_bad_choice_is_answered_in_words(persona_client, project):
    client = persona_client("staff_a")
    response = client.post(_partners_url(project), {"partner": "not-a-uuid", "role": "x"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Participation.objects.filter(project=project).count() == 1  # the fixture's own


@pytest.mark.parametrize("persona", ["staff_b", "partner_member", "evaluator"])
def test_only_those_who_manage_participants_get_the_search(persona_client, project, persona):
    response = persona_client(persona).get(_partners_url(project), {"partner_q": "会"})
    if response.status_code == 200:
        assert "found" not in response.context or not response.context.get("lookup")
        assert 'name="partner_q"' not in response.content.decode()
    else:
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("persona", ["outsider", "anonymous"])
def test_outsiders_and_anonymous_never_see_the_workspace(persona_client, project, persona):
    response = persona_client(persona).get(_partners_url(project), {"partner_q": "会"})
    assert response.status_code in (302, 404)


def test_partner_search_queries_are_pinned(persona_client, project, django_assert_num_queries):
    client = persona_client("staff_a")
    counts = []
    client.get(_partners_url(project))  # the city is read once, then kept (kyodo.core.city)
    for size in (3, 30):
        for n in range(size):
            PartnerFactory(name=f"防災会{size}-{n}")
        with django_assert_num_queries(25):  # the page and the search
            client.get(_partners_url(project), {"partner_q": "防災"})
        counts.append(size)
    assert counts == [3, 30]


def test_the_staff_home_shows_the_newest_projects_and_links_to_all(
    persona_client, department_a, django_assert_num_queries
):
    client = persona_client("staff_a")
    make_projects(3, department_a, title="少し")
    html = client.get(reverse("accounts:staff_home")).content.decode()
    assert rows(html) == 3 and "?department=" not in html
    make_projects(30, department_a, title="多く")
    with django_assert_num_queries(9):  # as with 3 (pinned in test_views; voices' panel)
        response = client.get(reverse("accounts:staff_home"))
    html = response.content.decode()
    assert rows(html) == panels.HOME_PROJECTS
    assert f"?department={department_a.pk}" in html
    # The newest first: the last made are shown.
    assert "多く29" in html and "少し0" not in html
