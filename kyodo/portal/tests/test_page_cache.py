"""Whole public pages served from the cache (kyodo/core/cache_versions.py): a hit costs no
query, a logged-in visitor never gets nor fills an anonymous page, and publishing, editing or
withdrawing anything public changes every page showing it at once (no stale page).

These tests run on whichever cache the settings give: LocMemCache by default, Redis when CI
sets REDIS_URL (.ci/run).
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyodo.calls import services as call_services
from kyodo.calls.tests.factories import forming_project, make_call
from kyodo.core import cache_versions
from kyodo.core.demo import seed as seed_municipality
from kyodo.core.services import municipality_configure
from kyodo.engagement import services as engagement_services
from kyodo.engagement.tests.factories import agreement
from kyodo.partners import services as partner_services
from kyodo.portal import services as portal_services
from kyodo.portal.tests.test_public_projects_partners import _partner, _project
from kyodo.projects import services as project_services

pytestmark = pytest.mark.django_db


def _event(title="流氷ウォーク", **fields):
    day = timezone.localdate() + timedelta(days=5)
    values = {
        "title": title,
        "title_kana": "リュウヒョウ",
        "start_date": day,
        "end_date": day,
        "place_name": "網走港",
        "organiser": "網走市",
        "description": "流氷を見に行きます",
        "publish_on": timezone.localdate(),
        **fields,
    }
    return portal_services.event_create(actor=None, **values)


def _news(title="流氷の便り"):
    return portal_services.news_create(
        actor=None, title=title, body="流氷が来ました", publish_on=timezone.localdate()
    )


def _html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def site(db):
    seed_municipality()
    project = _project("流氷の学習会")
    partner = _partner("流氷の会")
    return {"project": project, "partner": partner, "event": _event(), "news": _news()}


def _public_urls(site) -> list[str]:
    return [
        reverse("core:home"),
        reverse("portal:event_list"),
        reverse("portal:event_detail", args=[site["event"].pk]),
        reverse("portal:event_calendar"),
        reverse("portal:news_list"),
        reverse("portal:news_detail", args=[site["news"].pk]),
        reverse("portal:news_feed"),
        reverse("portal:project_list"),
        reverse("portal:project_detail", args=[site["project"].pk]),
        reverse("portal:partner_list"),
        reverse("portal:partner_detail", args=[site["partner"].pk]),
        reverse("portal:search") + "?q=流氷",
        reverse("portal:opendata"),
        reverse("portal:events_ics"),
        reverse("portal:engagement"),
        reverse("portal:agreement_list"),
        reverse("calls:public_list"),
        reverse("portal:guideline"),
    ]


def test_a_hit_costs_no_query_and_is_the_same_page(site, django_assert_num_queries):
    client = Client()
    for url in _public_urls(site):
        first = client.get(url)
        assert first.status_code == 200, url
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.status_code == 200
        # The same page but for the CSRF token of the language switch, which is the visitor's.
        strip = cache_versions.CSRF_INPUT.sub(b"", first.content)
        assert cache_versions.CSRF_INPUT.sub(b"", again.content) == strip, url
        assert again.get("ETag") == first.get("ETag")


def test_a_hit_answers_a_conditional_get_with_304(site, django_assert_num_queries):
    client = Client()
    url = reverse("portal:event_list")
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A miss asked conditionally still stores the whole page, then answers 304.
    _event("追加の行事")
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
    new_etag = client.get(url)["ETag"]
    cache_versions.bump("events")
    assert client.get(url, HTTP_IF_NONE_MATCH=new_etag).status_code == 304
    with django_assert_num_queries(0):
        assert "追加の行事" in _html(Client(), url)


def test_a_miss_renders_without_the_version_query_and_tags_the_content(site, settings):
    """On a miss an anonymous page costs one query less than a logged-in visitor's (whose
    ETag comes from the data's versions), and its ETag is the hash of what it shows: a browser
    asking again after the kept copy expired gets a 304 if nothing it shows has changed."""
    url = reverse("portal:project_list")
    Client().get(url)  # first-use lookups of the process
    cache.clear()
    anonymous = _queries(Client(), url)
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    rendered = _queries(Client(), url)
    assert anonymous == rendered - 1
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    response = Client().get(url)
    assert response["ETag"] == cache_versions.content_etag(response)
    cache.clear()  # the kept copy is gone (expired, another process): rendered again
    assert Client().get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    project_services.project_update(actor=None, project=site["project"], title="流氷の自然学校")
    again = Client().get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 200 and "流氷の自然学校" in again.content.decode()


def test_the_query_string_and_the_language_are_part_of_the_key(site):
    client = Client()
    url = reverse("portal:search")
    assert "流氷ウォーク" in _html(client, url + "?q=流氷")
    assert "流氷ウォーク" not in _html(client, url + "?q=除雪")
    english = Client()
    english.cookies["django_language"] = "en"
    assert 'lang="en"' in _html(english, reverse("core:home"))
    assert 'lang="ja"' in _html(client, reverse("core:home"))


def test_each_visitor_gets_their_own_csrf_token_and_can_switch_language(site):
    url = reverse("core:home")
    Client().get(url)  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    html = _html(visitor, url)
    token = cache_versions.CSRF_INPUT.search(html.encode())
    assert token and b"__KYODO_CSRF__" not in token.group(0)
    assert "csrftoken" in visitor.cookies
    value = token.group(0).split(b'value="')[1].rstrip(b'"').decode()
    response = visitor.post(
        reverse("set_language"), {"language": "en", "next": url, "csrfmiddlewaretoken": value}
    )
    assert response.status_code == 302


def test_a_logged_in_visitor_neither_gets_nor_fills_the_anonymous_page(
    site, persona_client, staff_a, django_assert_max_num_queries
):
    url = reverse("portal:project_list")
    anonymous = Client()
    anonymous_html = _html(anonymous, url)
    assert "Log out" not in anonymous_html and "ログアウト" not in anonymous_html
    staff = persona_client("staff_a")
    staff_html = _html(staff, url)
    assert "ログアウト" in staff_html and str(staff_a) in staff_html
    assert _html(staff, url).count("ログアウト") == 1
    # The staff member's page was not stored for others: a new anonymous visitor gets a page
    # with no name and no logout button.
    cache.clear()
    _html(staff, url)
    html = _html(Client(), url)
    assert "ログアウト" not in html and str(staff_a) not in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_visitor_with_a_session_is_rendered_for(site):
    client = Client()
    url = reverse("portal:news_list")
    client.get(url)
    assert _queries(client, url) == 0
    client.cookies["sessionid"] = "no-such-session"
    assert _queries(client, url) > 0


def test_events_published_edited_and_withdrawn_show_at_once(site):
    client = Client()
    urls = [
        reverse("core:home"),
        reverse("portal:event_list"),
        reverse("portal:event_calendar"),
        reverse("portal:search") + "?q=流氷",
    ]
    for url in urls:
        assert "流氷カーニバル" not in _html(client, url)
    event = _event("流氷カーニバル")
    for url in urls:
        assert "流氷カーニバル" in _html(client, url), url
    detail = reverse("portal:event_detail", args=[event.pk])
    assert "流氷カーニバル" in _html(client, detail)
    portal_services.event_update(actor=None, event=event, title="流氷まつり")
    for url in [*urls, detail]:
        html = _html(client, url)
        assert "流氷まつり" in html and "流氷カーニバル" not in html, url
    portal_services.event_withdraw(actor=None, event=event, reason="中止")
    for url in urls:
        assert "流氷まつり" not in _html(client, url), url
    assert client.get(detail).status_code == 404


def test_news_published_edited_and_withdrawn_show_at_once(site):
    client = Client()
    urls = [reverse("core:home"), reverse("portal:news_list"), reverse("portal:news_feed")]
    for url in urls:
        assert "砕氷船の運航" not in _html(client, url)
    news = _news("砕氷船の運航")
    for url in urls:
        assert "砕氷船の運航" in _html(client, url), url
    portal_services.news_update(actor=None, news=news, title="砕氷船の運休")
    for url in urls:
        html = _html(client, url)
        assert "砕氷船の運休" in html and "砕氷船の運航" not in html, url
    portal_services.news_withdraw(actor=None, news=news, reason="誤り")
    for url in urls:
        assert "砕氷船の運休" not in _html(client, url), url


def test_projects_edited_and_their_partners_show_at_once(site):
    client = Client()
    project, partner = site["project"], site["partner"]
    detail = reverse("portal:project_detail", args=[project.pk])
    urls = [reverse("portal:project_list"), detail, reverse("portal:search") + "?q=流氷"]
    for url in urls:
        assert "流氷の学習会" in _html(client, url)
    project_services.project_update(actor=None, project=project, title="流氷の自然学校")
    for url in urls:
        html = _html(client, url)
        assert "流氷の自然学校" in html and "流氷の学習会" not in html, url
    assert "流氷の会" not in _html(client, detail)
    participation = project_services.participation_add(actor=None, project=project, partner=partner)
    assert "流氷の会" in _html(client, detail)
    project_services.participation_remove(actor=None, participation=participation)
    assert "流氷の会" not in _html(client, detail)


def test_partners_listed_edited_and_unlisted_show_at_once(site):
    client = Client()
    partner = site["partner"]
    urls = [reverse("portal:partner_list"), reverse("portal:search") + "?q=流氷"]
    detail = reverse("portal:partner_detail", args=[partner.pk])
    for url in urls:
        assert "流氷の会" in _html(client, url)
    partner_services.partner_update(actor=None, partner=partner, data={"name": "流氷守りの会"})
    for url in [*urls, detail]:
        html = _html(client, url)
        assert "流氷守りの会" in html, url
    partner_services.partner_update(actor=None, partner=partner, data={"listed_publicly": False})
    for url in urls:
        assert "流氷守りの会" not in _html(client, url), url
    assert client.get(detail).status_code == 404
    partner_services.partner_update(actor=None, partner=partner, data={"listed_publicly": True})
    assert "流氷守りの会" in _html(client, urls[0])


def test_calls_opened_edited_and_closed_show_at_once(site):
    client = Client()
    urls = [reverse("calls:public_list"), reverse("core:home")]
    for url in urls:
        assert "流氷ガイドの募集" not in _html(client, url)
    call = make_call(forming_project(), title="流氷ガイドの募集", open_=False)
    for url in urls:
        assert "流氷ガイドの募集" not in _html(client, url)
    call = call_services.call_open(actor=None, call=call)
    for url in urls:
        assert "流氷ガイドの募集" in _html(client, url), url
    detail = reverse("calls:public_detail", args=[call.pk])
    assert "流氷ガイドの募集" in _html(client, detail)
    # The deadline passes with no write: the entry lives no longer than until then.
    call.deadline = timezone.now() + timedelta(seconds=30)
    type(call).objects.filter(pk=call.pk).update(deadline=call.deadline)
    assert cache_versions._timeout(object(), lambda: call.deadline) <= 31


@pytest.mark.parametrize("page", ["core:home", "calls:public_list", "calls:public_detail"])
def test_pages_of_an_open_call_live_no_longer_than_its_deadline(site, page):
    call = make_call(forming_project(), title="流氷ガイドの募集", open_=False)
    call = call_services.call_open(actor=None, call=call)
    deadline = timezone.now() + timedelta(seconds=30)
    type(call).objects.filter(pk=call.pk).update(deadline=deadline)
    cache.clear()
    url = reverse(page, args=[call.pk] if page == "calls:public_detail" else [])
    response = Client().get(url)
    assert "流氷ガイドの募集" in response.content.decode()
    # Read from the calls the page shows, without another query.
    assert response.cache_until == deadline
    assert cache_versions._timeout(response, None) <= 31
    # The deadline passes with no write and the entry has expired: a browser asking again with
    # its copy's ETag gets the new page, not a 304 for the old one.
    type(call).objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    cache.clear()
    again = Client().get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 200
    if page == "calls:public_detail":
        assert again.cache_until is None  # no longer accepting: nothing ends by the clock
    else:
        assert again.cache_until is None and "流氷ガイドの募集" not in again.content.decode()


def test_engagement_agreements_created_and_edited_show_at_once(site, department_a):
    client = Client()
    url = reverse("portal:agreement_list")
    assert "流氷の保全協定" not in _html(client, url)
    made = agreement(department_a, title="流氷の保全協定")
    assert "流氷の保全協定" in _html(client, url)
    engagement_services.agreement_update(actor=None, agreement=made, title="海岸の保全協定")
    html = _html(client, url)
    assert "海岸の保全協定" in html and "流氷の保全協定" not in html


def test_the_municipality_changes_every_page(site):
    client = Client()
    urls = [reverse("core:home"), reverse("portal:guideline"), reverse("portal:event_list")]
    for url in urls:
        assert "網走市" in _html(client, url)
    municipality_configure(
        actor=None, name="斜里町", code="016926", prefecture="北海道", is_demo=True
    )
    for url in urls:
        assert "斜里町" in _html(client, url), url


def test_a_version_moves_again_when_the_transaction_commits(db, django_capture_on_commit_callbacks):
    before = cache_versions.versions(["events"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        cache_versions.bump("events")
    during = cache_versions.versions(["events"])
    assert during != before
    for callback in callbacks:
        callback()
    assert cache_versions.versions(["events"]) not in (before, during)


def test_a_lost_version_is_made_again_not_shared(db):
    first = cache_versions.versions(["news", "calls"])
    assert cache_versions.versions(["news", "calls"]) == first
    cache_versions.version_store().delete(cache_versions.PREFIX + "news")
    again = cache_versions.versions(["news", "calls"])
    assert again[0] != first[0] and again[1] == first[1]


def test_no_cache_when_turned_off(site, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client = Client()
    url = reverse("portal:project_list")
    client.get(url)
    assert _queries(client, url) > 0


def test_every_public_page_says_what_it_shows():
    """A new public page must declare its kinds (and its services bump them) to be cached;
    one that does not is caught here rather than left uncached or stale."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def patterns(resolver, prefix=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from patterns(entry, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern), entry.callback

    public = [
        (route, view)
        for route, view in patterns(get_resolver())
        if route == ""
        or (route.startswith("portal/") and "manage/" not in route)
        or (route.startswith("calls/") and view.__module__.startswith("kyodo.portal"))
    ]
    assert len(public) >= 25
    missing = [route for route, view in public if not getattr(view, "public_page_kinds", None)]
    assert not missing, missing


def test_a_public_council_meeting_shows_on_the_home_and_calendar_at_once(site, department_a):
    import datetime

    from django.utils import timezone

    from kyodo.councils.tests.factories import make_council, make_meeting

    client = Client()
    home, calendar = reverse("core:home"), reverse("portal:event_calendar")
    _html(client, home), _html(client, calendar)  # cached
    council = make_council(department_a, name="流氷観光審議会")
    make_meeting(council, day=timezone.localdate() + datetime.timedelta(days=3))
    assert "流氷観光審議会" in _html(client, home)
    assert "流氷観光審議会" in _html(client, calendar)


def test_a_published_opinion_shows_in_the_search_at_once(site, department_a):
    from kyodo.voices import services as voices_services
    from kyodo.voices.tests.factories import replied

    client = Client()
    url = reverse("portal:search") + "?q=流氷観光船"
    assert "流氷観光船の案内" not in _html(client, url)
    opinion = replied(department_a)
    voices_services.opinion_prepare_publication(
        actor=None, opinion=opinion, public_title="流氷観光船の案内", summary="案内を増やしてほしい"
    )
    voices_services.opinion_publish(actor=None, opinion=opinion)
    assert "流氷観光船の案内" in _html(client, url)


def test_the_results_of_words_asked_before_are_kept_per_language(site):
    """Another address with the same words (a logged-in visitor, a page whose kept copy has
    gone) reads neither the index nor the objects found; a change is found at once, and the
    English page keeps its own labels."""
    url = reverse("portal:search") + "?q=流氷"
    assert "流氷の学習会" in _html(Client(), url)
    with CaptureQueriesContext(connection) as again:
        assert "流氷の学習会" in _html(Client(), url + "&utm_source=mail")
    assert not [q for q in again.captured_queries if "search" in q["sql"]], again.captured_queries
    assert len(again) <= 1  # the city's row
    reader = Client()
    reader.cookies["django_language"] = "en"
    english = _html(reader, url + "&lang=en")
    assert "Collaborative projects" in english and "流氷の学習会" in english
    assert "協働事業" in _html(Client(), url + "&ja=1")
    project_services.project_update(actor=None, project=site["project"], title="流氷の自然学校")
    assert "流氷の自然学校" in _html(Client(), url + "&after=1")
