"""Pages built from the city's data: the revision comparison, the answers' wording, the portal."""

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.guideline.selectors import compare_versions, current_version, guideline_section
from kyodo.guideline.tests.city_files import ABASHIRI, EXAMPLE, load
from kyodo.projects import services as project_services
from kyodo.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

OLD = "市が責任を持って対応すべき事業ではないか。"
NEW = "市が法令上の責任で行うべき事業ではないか。"


def revise_suitability():
    """The sample city revises one question, drops one and adds one."""
    text = ABASHIRI.replace(OLD, NEW).replace(
        '[[checklists.questions]]\nkey = "group-strengths"\n'
        'text = "市民団体の特性の発揮が期待できる事業か。"\nfavours = "yes"\n',
        '[[checklists.questions]]\nkey = "citizens-voice"\ntext = "市民の声から生まれた事業か。"\n',
    )
    assert "citizens-voice" in text
    load(text)


def test_the_comparison_matches_questions_by_key():
    revise_suitability()
    rows = compare_versions(
        current_version("suitability").checklist.versions.get(number=1),
        current_version("suitability"),
    )
    status = {(r.old or r.new).key: r.status for r in rows}
    assert status == {
        "shared-purpose": "same",
        "shared-method": "same",
        "city-duty": "changed",
        "public-interest": "same",
        "synergy": "same",
        "citizens-voice": "added",
        "group-strengths": "removed",
    }


def test_the_coordinator_sees_old_and_new_side_by_side(persona_client):
    revise_suitability()
    html = persona_client("coordinator").get(reverse("guideline:compare", args=["suitability"]))
    html = html.content.decode()
    row = html.split(OLD)[1].split("</tr>")[0]
    assert NEW in row  # the old and the new wording in one row
    assert (
        "市民の声から生まれた事業か。" in html
        and "市民団体の特性の発揮が期待できる事業か。" in html
    )
    listing = persona_client("coordinator").get(reverse("guideline:list")).content.decode()
    assert reverse("guideline:compare", args=["suitability"]) in listing
    assert reverse("guideline:compare", args=["strengths"]) not in listing


def test_a_chosen_pair_of_versions_and_bad_numbers(persona_client):
    revise_suitability()
    client = persona_client("coordinator")
    url = reverse("guideline:compare", args=["suitability"])
    assert client.get(url, {"from": "2", "to": "2"}).content.decode().count("変更なし") >= 6
    assert client.get(url, {"from": "x", "to": "９９"}).status_code == 200
    assert client.get(reverse("guideline:compare", args=["no-such"])).status_code == 404


COMPARE = {"coordinator": 200, "staff_a": 403, "staff_b": 403}


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_compare(persona_client, persona):
    revise_suitability()
    response = persona_client(persona).get(reverse("guideline:compare", args=["suitability"]))
    if persona == "anonymous":
        assert response.status_code == 302
    else:
        # Who may not read the checklists at all is told nothing exists (404).
        assert response.status_code == COMPARE.get(persona, 404)


def test_a_projects_answers_keep_the_wording_they_answered(persona_client, department_a):
    project = ProjectFactory(department=department_a)
    version = current_version("suitability")
    project_services.suitability_check_save(
        actor=None, project=project, answers={q.pk: ("yes", "") for q in version.questions.all()}
    )
    revise_suitability()
    assert current_version("suitability").number == 2
    html = persona_client("coordinator").get(reverse("projects:check", args=[project.pk]))
    html = html.content.decode()
    assert OLD in html and NEW not in html
    fresh = ProjectFactory(department=department_a)
    html = persona_client("coordinator").get(reverse("projects:check", args=[fresh.pk]))
    assert NEW in html.content.decode()


def test_a_checklist_quotes_its_section_of_the_guideline(persona_client):
    blocks = guideline_section("§3-(1)-①")
    assert blocks[0].kind == "h4" and blocks[0].parts[0][0] == "①協働のポイント"
    html = persona_client("staff_a").get(reverse("guideline:detail", args=["suitability"]))
    assert "①協働のポイント" in html.content.decode()


def test_revising_on_the_page_keeps_keys_and_favours(persona_client):
    client = persona_client("coordinator")
    url = reverse("guideline:revise", args=["suitability"])
    page = client.get(url).content.decode()
    assert 'value="city-duty"' in page
    questions = current_version("suitability").questions.order_by("order")
    data = {"note": "文言の修正", "q-TOTAL_FORMS": "6", "q-INITIAL_FORMS": "6"}
    for i, q in enumerate(questions):
        data |= {f"q-{i}-text": q.text + "（改）", f"q-{i}-key": q.key, f"q-{i}-favours": q.favours}
    assert client.post(url, data).status_code == 302
    favours = {q.key: q.favours for q in current_version("suitability").questions.all()}
    assert favours["city-duty"] == "no" and favours["shared-purpose"] == "yes"


def test_the_portal_shows_the_loaded_citys_pages(client):
    load(EXAMPLE)
    guideline = client.get(reverse("portal:guideline")).content.decode()
    assert "<h1>（例）みなと市 協働推進ガイドライン</h1>" in guideline
    assert '<a href="#s1">1. 協働の考え方</a>' in guideline
    charter = client.get(reverse("portal:charter")).content.decode()
    assert "<ruby>みなと市<rp>（</rp><rt>みなとし</rt>" in charter
    assert "海と港を大切にし" in charter and "はまなす（例）" in charter
    policy = client.get(reverse("portal:accessibility")).content.decode()
    assert "（例）みなと市 市民協働課の協働ポータル" in policy
    assert "kyodo@example.org" in policy
    css = client.get(reverse("core:brand_css"))
    assert b"--color-primitive-green-800" in css.content
    assert css["Content-Type"].startswith("text/css")


def test_a_changed_city_is_shown_at_once_on_cached_public_pages(client):
    load(ABASHIRI)
    assert "網走市" in client.get("/").content.decode()  # now cached whole
    load(EXAMPLE)
    html = client.get("/").content.decode()
    assert "（例）みなと市" in html and "網走市" not in html
