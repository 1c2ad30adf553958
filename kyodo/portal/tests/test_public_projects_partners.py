"""The portal home, public project and partner pages and the portal-wide search."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kyodo.calls.tests.factories import forming_project, make_call
from kyodo.core.demo import seed as seed_municipality
from kyodo.partners import services as partner_services
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.portal import services as portal_services
from kyodo.portal.search import reindex
from kyodo.portal.tests.factories import EventFactory, NewsFactory
from kyodo.projects import services as project_services
from kyodo.projects.models import Participation, ProjectStatus

pytestmark = pytest.mark.django_db


def _project(title="流氷の学習会", status=ProjectStatus.RUNNING, **fields):
    from kyodo.accounts.tests.factories import DepartmentFactory

    project = project_services.project_create(
        actor=None,
        title=title,
        department=DepartmentFactory(),
        local_issue=fields.pop("local_issue", "子どもが海を知らない"),
        purpose=fields.pop("purpose", "流氷を題材に環境学習を行う"),
        **fields,
    )
    type(project).objects.filter(pk=project.pk).update(status=status)
    project.refresh_from_db()
    return project


def _partner(name, listed=True, **data):
    partner_type = PartnerFactory().partner_type
    return partner_services.partner_create(
        actor=None,
        data={
            "partner_type": partner_type,
            "name": name,
            "listed_publicly": listed,
            "activity": data.pop("activity", "流氷の観察会"),
            **data,
        },
    )


@pytest.fixture
def sample(db):
    seed_municipality()
    project = _project()
    listed = _partner("流氷の会", contact_name="連絡太郎", contact_phone="0152-00-0000")
    hidden = _partner("非公開の会", listed=False)
    Participation.objects.create(project=project, partner=listed)
    Participation.objects.create(project=project, partner=hidden)
    idea = _project("構想中の流氷事業", status=ProjectStatus.IDEA)
    event = portal_services.event_create(
        actor=None,
        title="流氷ウォーク",
        title_kana="リュウヒョウウォーク",
        start_date=timezone.localdate() + timedelta(days=5),
        end_date=timezone.localdate() + timedelta(days=5),
        place_name="網走港",
        organiser="網走市",
        description="流氷を見に行きます",
        publish_on=timezone.localdate(),
        project=project,
    )
    news = portal_services.news_create(
        actor=None, title="流氷の便り", body="流氷が来ました", publish_on=timezone.localdate()
    )
    call = make_call(forming_project(), title="流氷ガイドの募集")
    return {
        "project": project,
        "listed": listed,
        "hidden": hidden,
        "idea": idea,
        "event": event,
        "news": news,
        "call": call,
    }


def page_urls(sample):
    return [
        reverse("core:home"),
        reverse("portal:project_list"),
        reverse("portal:project_list") + "?status=running",
        reverse("portal:project_detail", args=[sample["project"].pk]),
        reverse("portal:partner_list"),
        reverse("portal:partner_detail", args=[sample["listed"].pk]),
        reverse("portal:search") + "?q=流氷",
        reverse("portal:search"),
    ]


def test_every_new_page_has_title_h1_og_canonical_and_etag(client, sample):
    for url in page_urls(sample):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert html.count("<h1") == 1, url
        assert re.search(r"<title>.+?</title>", html, re.S), url
        assert f'<link rel="canonical" href="http://testserver{url.split("?")[0]}' in html, url
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert f'property="{prop}"' in html, (url, prop)
        if "search" not in url:
            assert response.has_header("ETag"), url


def test_home_shows_what_is_happening_now(client, sample):
    html = client.get(reverse("core:home")).content.decode()
    for text in ("流氷ウォーク", "流氷の便り", "流氷ガイドの募集", "流氷の学習会"):
        assert text in html
    assert "構想中の流氷事業" not in html


def test_home_etag_changes_with_a_project(client, sample):
    url = reverse("core:home")
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # The page's ETag is the hash of what it shows: a change it does not show keeps it.
    project_services.project_update(actor=None, project=sample["project"], purpose="変更")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    project_services.project_update(actor=None, project=sample["project"], title="流氷の学校")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.usefixtures("no_page_cache")
def test_home_query_count_is_constant(client, sample, django_assert_num_queries):
    url = reverse("core:home")
    for size in (1, 4):
        for i in range(size):
            project = _project(f"事業{size}-{i}")
            Participation.objects.create(project=project, partner=_partner(f"団体{size}-{i}"))
            EventFactory(project=project)
            NewsFactory(project=project)
        with django_assert_num_queries(HOME_QUERIES):
            assert client.get(url).status_code == 200


# ETag: one UNION ALL of the five lookups it made one by one before issue 19 (14 → 10 → 8);
# page: calls, events (+ the longest event span, computed again after any record's change),
# news, projects (their cards name no partner), the municipality, the upcoming public council
# meetings (審議会等の開催予定).
HOME_QUERIES = 8


@pytest.mark.usefixtures("no_page_cache")
def test_project_list_query_count_is_constant(client, sample, django_assert_num_queries):
    """The newest change (ETag), a page of projects with their departments, the city."""
    url = reverse("portal:project_list")
    for size in (1, 30):
        for i in range(size):
            project = _project(f"事業{size}-{i}")
            Participation.objects.create(project=project, partner=_partner(f"団体{size}-{i}"))
        with django_assert_num_queries(3):
            html = client.get(url).content.decode()
    assert html.count('class="card portal-item"') == 20 and "?page=2" in html


def test_project_detail_shows_public_fields_and_listed_partners_only(client, sample):
    html = client.get(reverse("portal:project_detail", args=[sample["project"].pk])).content
    html = html.decode()
    assert "流氷の学習会" in html and "流氷を題材に環境学習を行う" in html
    assert "流氷の会" in html
    assert "非公開の会" not in html
    assert "連絡太郎" not in html and "0152-00-0000" not in html


def test_unknown_or_non_public_items_give_a_japanese_404(client, sample):
    import uuid

    for url in (
        reverse("portal:project_detail", args=[sample["idea"].pk]),
        reverse("portal:project_detail", args=[uuid.uuid4()]),
        reverse("portal:partner_detail", args=[sample["hidden"].pk]),
        reverse("portal:partner_detail", args=[uuid.uuid4()]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "見つかりません" in response.content.decode(), url


def test_partner_pages_show_consenting_partners_without_contacts(client, sample):
    html = client.get(reverse("portal:partner_list")).content.decode()
    assert "流氷の会" in html and "非公開の会" not in html
    html = client.get(reverse("portal:partner_detail", args=[sample["listed"].pk])).content
    html = html.decode()
    assert "流氷の観察会" in html and "流氷の学習会" in html
    assert "連絡太郎" not in html and "0152-00-0000" not in html


def test_bad_parameters_give_400(client, sample):
    assert client.get(reverse("portal:project_list") + "?status=idea").status_code == 400
    assert client.get(reverse("portal:project_list") + "?page=x").status_code == 400
    assert client.get(reverse("portal:partner_list") + "?page=0").status_code == 400


def test_search_groups_results_by_type_and_keeps_private_items_out(client, sample):
    response = client.get(reverse("portal:search"), {"q": "流氷"})
    groups = {group.key: [e.pk for e in group.items] for group in response.context["groups"]}
    assert groups["projects"] == [sample["project"].pk]
    assert groups["events"] == [sample["event"].pk]
    assert groups["news"] == [sample["news"].pk]
    assert groups["calls"] == [sample["call"].pk]
    assert groups["partners"] == [sample["listed"].pk]
    html = response.content.decode()
    assert "構想中の流氷事業" not in html and "非公開の会" not in html


@pytest.mark.parametrize(
    "query", ["", "   ", "流氷" * 600, "!!!???＠＠＠", "ＲＹＵＨＹＯ 流氷ｳｫｰｸ abc", "<script>"]
)
def test_search_handles_odd_queries(client, sample, query):
    response = client.get(reverse("portal:search"), {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[-1]


def test_mixed_width_query_finds_the_event(client, sample):
    response = client.get(reverse("portal:search"), {"q": "流氷ｳｫｰｸ"})
    groups = {group.key: [e.pk for e in group.items] for group in response.context["groups"]}
    assert groups["events"] == [sample["event"].pk]


def test_search_shows_the_best_twenty_and_how_many_match_in_all(client, sample):
    for n in range(23):
        reindex(EventFactory(title=f"流氷観察会 第{n}回"))
    response = client.get(reverse("portal:search"), {"q": "流氷 観察"})
    events = next(group for group in response.context["groups"] if group.key == "events")
    assert len(events.items) == 20 and events.total == 23
    html = response.content.decode()
    assert "イベント（23）" in html and "23件のうち、よく一致する20件を表示しています。" in html
