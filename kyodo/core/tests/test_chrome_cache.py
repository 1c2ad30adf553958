"""The menu and the footer of every page are kept in the cache (base.html, `{% cache %}` keyed
by context_processors.site): never another page's, language's, city's or reader's.

A kept copy must not outlive what it shows: the current page in the menu (aria-current), the
language, the city (the footer) and a logged-in person's roles (their menu). And while it is
kept, the menu's items are not worked out again (that is what keeping it saves).
"""

import pytest
from django.test import Client
from django.urls import reverse

from kyodo.accounts.roles import Role
from kyodo.accounts.services import user_set_roles
from kyodo.core import context_processors
from kyodo.core.demo import seed as seed_municipality
from kyodo.core.models import Municipality

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index("site-nav"))]


def _footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


@pytest.fixture
def city(db):
    seed_municipality()
    return Municipality.objects.current()


def test_each_page_marks_itself_in_the_kept_menu(city):
    client = Client()
    events, news = reverse("portal:event_list"), reverse("portal:news_list")
    for _round in range(2):  # the second round is served from the kept menus
        nav = _nav(client.get(events).content.decode())
        assert f'<a href="{events}" aria-current="page">' in nav
        nav = _nav(client.get(news).content.decode())
        assert f'<a href="{news}" aria-current="page">' in nav
        assert f'<a href="{events}" aria-current' not in nav


def test_each_language_keeps_its_own_menu(city):
    client = Client()
    url = reverse("portal:event_list")
    assert "ホーム" in _nav(client.get(url).content.decode())
    client.post(reverse("set_language"), {"language": "en", "next": url})
    english = _nav(client.get(url).content.decode())
    assert "Home" in english and "ホーム" not in english
    client.post(reverse("set_language"), {"language": "ja", "next": url})
    assert "ホーム" in _nav(client.get(url).content.decode())


def test_a_new_city_name_shows_in_the_footer_at_once(city, staff_a, client):
    client.force_login(staff_a)
    url = reverse("portal:accessibility")
    assert city.name in _footer(Client().get(url).content.decode())
    assert city.name in _footer(client.get(url).content.decode())
    city.name = "オホーツク市"
    city.save()  # any save of the city moves the "site" version
    assert "オホーツク市" in _footer(Client().get(url).content.decode())
    assert "オホーツク市" in _footer(client.get(url).content.decode())


def test_a_new_role_changes_the_menu_at_once(city, administrator, outsider, client):
    client.force_login(outsider)
    url = reverse("portal:accessibility")
    projects = f'href="{reverse("projects:list")}"'
    assert projects not in _nav(client.get(url).content.decode())
    user_set_roles(actor=administrator, user=outsider, roles=[Role.COORDINATOR])
    assert projects in _nav(client.get(url).content.decode())


def test_readers_never_get_each_others_menu(city, coordinator, outsider):
    url = reverse("portal:accessibility")
    projects = f'href="{reverse("projects:list")}"'
    working, visiting, anonymous = Client(), Client(), Client()
    working.force_login(coordinator)
    visiting.force_login(outsider)
    assert projects in _nav(working.get(url).content.decode())
    assert projects not in _nav(visiting.get(url).content.decode())
    assert projects not in _nav(anonymous.get(url).content.decode())


def test_a_kept_menu_is_not_worked_out_again(city, monkeypatch, settings):
    calls = []
    original = context_processors.nav_items_for

    def counted(user):
        calls.append(user)
        return original(user)

    monkeypatch.setattr(context_processors, "nav_items_for", counted)
    client = Client()
    url = reverse("portal:accessibility")
    for visit in range(3):
        assert client.get(url, {"visit": visit}).status_code == 200
    assert len(calls) == 1


def test_nothing_is_kept_when_pages_are_not_cached(city, monkeypatch, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    calls = []
    original = context_processors.nav_items_for
    monkeypatch.setattr(
        context_processors, "nav_items_for", lambda user: calls.append(user) or original(user)
    )
    client = Client()
    for visit in range(2):
        client.get(reverse("portal:accessibility"), {"visit": visit})
    assert len(calls) == 2
