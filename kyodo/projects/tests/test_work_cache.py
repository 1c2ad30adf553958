"""The bodies of the staff lists and the staff home kept for their reader (core.work_cache):
read once, served again without their queries, never stale after any change, never another
person's, per language, and rendered every time when turned off."""

import re

import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.accounts.tests.factories import UserFactory
from kyodo.core import cache_versions
from kyodo.partners.services import partner_update
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.projects.services import project_update
from kyodo.projects.tests.test_list_pages import make_projects

pytestmark = pytest.mark.django_db

PAGES = [
    (reverse("projects:list"), "coordinator"),
    (reverse("partners:list"), "coordinator"),
    (reverse("partners:list") + "?q=%E9%98%B2%E7%81%BD", "staff_a"),
    (reverse("accounts:staff_home"), "staff_a"),
]


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    # Each response has a CSRF token of its own (the language switch's form).
    html = re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", response.content.decode())
    return html, len(queries)


@pytest.mark.parametrize(("url", "persona"), PAGES)
def test_a_page_read_again_costs_only_the_person(persona_client, department_a, url, persona):
    make_projects(3, department_a, title="防災訓練")
    PartnerFactory(name="防災の会")
    client = persona_client(persona)
    first, first_queries = _get(client, url)
    again, again_queries = _get(client, url)
    assert again == first
    # The session only (the city is kept, kyodo.core.city; the person's row and roles too
    # while no record changes, accounts.backends.KeptUserBackend and User.role_names): the
    # body's own queries are not run.
    assert again_queries == 1 < first_queries


def test_any_change_shows_at_once(persona_client, department_a, coordinator):
    project = make_projects(1, department_a, title="古い事業名")[0]
    partner = PartnerFactory(name="古い会の名")
    client = persona_client("coordinator")
    assert "古い事業名" in _get(client, reverse("projects:list"))[0]
    assert "古い会の名" in _get(client, reverse("partners:list"))[0]
    project_update(actor=coordinator, project=project, title="新しい事業名")
    partner_update(actor=coordinator, partner=partner, data={"name": "新しい会の名"})
    assert "新しい事業名" in _get(client, reverse("projects:list"))[0]
    assert "新しい会の名" in _get(client, reverse("partners:list"))[0]
    # A change elsewhere (a record the list does not show) also makes it read again: simple.
    make_projects(1, department_a, title="追加の事業")
    assert "追加の事業" in _get(client, reverse("projects:list"))[0]


def test_a_body_is_never_another_persons(persona_client, department_a, department_b):
    make_projects(2, department_a, title="甲課の事業")
    staff_a = persona_client("staff_a")
    a_html = _get(staff_a, reverse("accounts:staff_home"))[0]
    assert "甲課の事業" in a_html
    b_html = _get(persona_client("staff_b"), reverse("accounts:staff_home"))[0]
    assert "甲課の事業" not in b_html  # staff_b's own home, not staff_a's kept one


def test_each_language_has_its_own_body(persona_client, department_a):
    make_projects(1, department_a)
    client = persona_client("coordinator")
    japanese = _get(client, reverse("projects:list"))[0]
    client.cookies["django_language"] = "en"
    english = _get(client, reverse("projects:list"))[0]
    assert "件" in japanese and "Filter" in english and "Filter the projects" in english


def test_turned_off_every_request_renders(persona_client, department_a, settings):
    settings.WORK_CACHE_SECONDS = 0
    make_projects(2, department_a)
    client = persona_client("coordinator")
    _get(client, reverse("projects:list"))  # the city is read once, then kept
    first = _get(client, reverse("projects:list"))[1]
    assert _get(client, reverse("projects:list"))[1] == first


def test_the_kept_body_gets_this_requests_csrf_token_and_anonymous_is_never_kept(rf_session):
    template = engines["django"].from_string(
        '{% load work_cache %}{% work_cache "test:form" %}<form method="post">{% csrf_token %}'
        "{{ counter.next }}</form>{% end_work_cache %}"
    )
    calls = iter(range(100))

    class Counter:
        def next(self):
            return next(calls)

    user = UserFactory()
    tokens, bodies = set(), set()
    for _ in range(2):
        request = rf_session(user)
        html = template.render({"counter": Counter()}, request)
        token = html.split('value="')[1].split('"')[0]
        tokens.add(token)
        bodies.add(html.replace(token, ""))
        assert cache_versions.CSRF_MARK.decode() not in html and len(token) == 64
    assert bodies == {
        '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="">0</form>'
    }  # rendered once (counter 0)
    assert len(tokens) == 2  # each request's own token

    anonymous = rf_session(None)
    first = template.render({"counter": Counter()}, anonymous)
    second = template.render({"counter": Counter()}, anonymous)
    assert first != second  # rendered each time: nothing kept for an anonymous visitor


@pytest.fixture
def rf_session():
    from django.contrib.auth.models import AnonymousUser
    from django.middleware.csrf import CsrfViewMiddleware

    def make(user):
        request = RequestFactory().get("/a/page/")
        request.user = user or AnonymousUser()
        CsrfViewMiddleware(lambda r: None).process_request(request)
        return request

    return make
