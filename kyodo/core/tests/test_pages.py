import pytest
from django.urls import reverse

from kyodo.core.demo import seed as seed_municipality


@pytest.fixture
def city(db):
    seed_municipality()


def test_home_page_is_japanese_by_default(client, city):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ja">' in html
    assert "協働ポータル" in html
    assert "網走市" in html
    assert "本文へ移動" in html
    assert response["Content-Language"] == "ja"


def test_language_switch_gives_english_on_request(client, city):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Kyodo collaboration portal" in html
    client.post(reverse("set_language"), {"language": "ja", "next": "/"})
    assert "協働ポータル" in client.get("/").content.decode()


def test_unknown_language_cookie_falls_back_to_japanese(client, city):
    client.cookies["django_language"] = "xx"
    assert '<html lang="ja">' in client.get("/").content.decode()


def test_demo_banner_is_shown_for_sample_data(client, city):
    assert "サンプルデータ" in client.get("/").content.decode()


def test_404_page_is_japanese(client, city):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()


def test_500_page_is_static_japanese(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "エラーが発生しました" in html


def test_home_page_query_count_is_constant(client, city, django_assert_max_num_queries):
    # "/" is the portal home (kyodo/portal/public_views.py); its exact count is pinned with
    # two data sizes in kyodo/portal/tests/test_public_projects_partners.py.
    with django_assert_max_num_queries(14):  # +2: the councils' upcoming public meetings
        client.get("/")


def test_the_home_page_offers_login_only_to_those_not_logged_in(client, city, persona_client):
    """Issue 17-11: after login the front page points to one's own home instead."""
    login = reverse("accounts:login")
    assert f'href="{login}"' in client.get("/").content.decode()
    html = persona_client("staff_a").get("/").content.decode()
    assert f'href="{login}"' not in html
    assert f'href="{reverse("accounts:home")}"' in html
