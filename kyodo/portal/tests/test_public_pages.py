import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kyodo.core.demo import seed as seed_municipality
from kyodo.guideline.tests.city_files import ABASHIRI, load
from kyodo.portal.tests.factories import EventFactory, NewsFactory, PublicProjectFactory
from kyodo.projects.models import ProjectStatus

pytestmark = pytest.mark.django_db

STATIC_PAGES = ["portal:guideline", "portal:charter", "portal:accessibility", "portal:opendata"]
LIST_PAGES = ["portal:event_list", "portal:event_calendar", "portal:news_list"]


@pytest.fixture
def sample(db):
    seed_municipality()
    project = PublicProjectFactory()
    event = EventFactory(project=project, title="網走川クリーン作戦")
    news = NewsFactory(project=project, title="参加者募集", body="## 見出し\n\n**強調**")
    return {"event": event, "news": news, "project": project}


def public_urls(sample):
    return [
        *(reverse(name) for name in STATIC_PAGES + LIST_PAGES),
        reverse("portal:event_list") + "?period=past",
        reverse("portal:event_detail", args=[sample["event"].pk]),
        reverse("portal:news_detail", args=[sample["news"].pk]),
    ]


def test_every_public_page_has_title_h1_lang_og_and_canonical(client, sample):
    for url in public_urls(sample):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="ja">' in html
        assert html.count("<h1") == 1, url
        title = re.search(r"<title>(.+?)</title>", html, re.S).group(1)
        assert "協働ポータル" in title and not title.startswith(" |"), url
        assert f'<link rel="canonical" href="http://testserver{url.split("?")[0]}' in html, url
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert f'property="{prop}"' in html, (url, prop)
        assert response.has_header("ETag"), url


@pytest.mark.usefixtures("no_page_cache")
def test_conditional_get_gives_304_and_changes_with_data(client, sample):
    url = reverse("portal:event_list")
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    EventFactory()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_event_detail_shows_dates_times_and_public_fields(client, sample):
    event = sample["event"]
    event.fee, event.capacity = 1500, 30
    event.save()
    html = client.get(reverse("portal:event_detail", args=[event.pk])).content.decode()
    d = event.start_date
    weekday = "月火水木金土日"[d.weekday()]
    assert f"{d.year}年（令和{d.year - 2018}年）{d.month}月{d.day}日（{weekday}）" in html
    assert "10:00" in html and "12:00" in html
    assert "1,500円" in html and "30人" in html
    assert sample["project"].title in html


def test_non_public_project_title_is_not_shown(client, sample):
    project = PublicProjectFactory(status=ProjectStatus.IDEA, title="構想段階の事業")
    event = EventFactory(project=project)
    html = client.get(reverse("portal:event_detail", args=[event.pk])).content.decode()
    assert "構想段階の事業" not in html


@pytest.mark.parametrize(
    "make",
    [
        lambda: EventFactory(withdrawn_at=timezone.now()),
        lambda: EventFactory(publish_on=None),
        lambda: EventFactory(publish_on=timezone.localdate() + timedelta(days=2)),
    ],
)
def test_withdrawn_and_unpublished_events_are_404(client, make):
    event = make()
    response = client.get(reverse("portal:event_detail", args=[event.pk]))
    assert response.status_code == 404
    assert "ページが見つかりません" in response.content.decode()


def test_withdrawn_news_and_unknown_ids_are_404(client, sample):
    news = NewsFactory(withdrawn_at=timezone.now())
    assert client.get(reverse("portal:news_detail", args=[news.pk])).status_code == 404
    unknown = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/portal/events/{unknown}/").status_code == 404
    assert client.get(f"/portal/news/{unknown}/").status_code == 404
    assert client.get(f"/portal/projects/{unknown}/events.ics").status_code == 404
    assert client.get("/portal/events/not-a-uuid/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "/portal/events/calendar/?month=13",
        "/portal/events/calendar/?month=0",
        "/portal/events/calendar/?year=abc",
        "/portal/events/calendar/?year=99999999999999999999",
        "/portal/events/?page=abc",
        "/portal/events/?page=0",
        "/portal/events/?period=future",
        "/portal/news/?page=-1",
        "/portal/news/?page=1.5",
    ],
)
def test_malformed_parameters_give_400_in_japanese(client, query):
    response = client.get(query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "アドレスに誤りがあります" in html
    assert "を指定してください" in html or "正しくありません" in html


def test_page_past_the_end_is_404(client, sample):
    assert client.get("/portal/events/?page=99").status_code == 404


def test_upcoming_and_past_lists(client, sample):
    today = timezone.localdate()
    past = EventFactory(title="昨年の催し", start_date=today - timedelta(days=30))
    upcoming = client.get(reverse("portal:event_list")).content.decode()
    assert sample["event"].title in upcoming and past.title not in upcoming
    html = client.get(reverse("portal:event_list") + "?period=past").content.decode()
    assert past.title in html and sample["event"].title not in html


def test_calendar_month_with_prev_next_and_multi_day_events(client, sample):
    EventFactory(
        title="三日間の展示",
        start_date=timezone.localdate().replace(year=2030, month=1, day=30),
        end_date=timezone.localdate().replace(year=2030, month=2, day=1),
    )
    html = client.get("/portal/events/calendar/?year=2030&month=1").content.decode()
    assert "2030年1月" in html
    assert "?year=2029&amp;month=12" in html and "?year=2030&amp;month=2" in html
    assert "三日間の展示" in html and 'id="day-2030-01-31"' in html
    february = client.get("/portal/events/calendar/?year=2030&month=2").content.decode()
    assert 'id="day-2030-02-01"' in february and "三日間の展示" in february
    assert "2月2日" not in february.split("portal-calendar")[0]


def _day_section(html: str, day: str) -> str:
    return html.split(f'id="day-{day}"')[1].split("</section>")[0]


def test_calendar_shows_ten_per_day_with_exact_counts_and_a_link_to_the_day(client, sample):
    day = date(2031, 3, 10)
    for n in range(12):
        EventFactory(title=f"催しA{n:02d}", start_date=day)
    # Starts on the busy day and runs into the next: last of its day by title, so it is not
    # among the day's first ten, but it is the first event of the following day.
    EventFactory(title="催しZ", start_date=day, end_date=day + timedelta(days=1))
    EventFactory(title="終日の催し", start_date=day + timedelta(days=1), start_time=None)
    html = client.get("/portal/events/calendar/?year=2031&month=3").content.decode()
    busy = _day_section(html, "2031-03-10")
    assert len(re.findall(r'<li><a href="/portal/events/[0-9a-f-]{36}/"', busy)) == 10
    assert "催しA09" in busy and "催しA10" not in busy and "催しZ" not in busy
    assert "/portal/events/?date=2031-03-10" in busy and "13件" in busy and "ほか3件" in busy
    following = _day_section(html, "2031-03-11")
    assert "催しZ" in following and "終日の催し" in following and "?date=" not in following
    grid = html.split("</table>")[0]
    assert "13件" in grid and "2件" in grid


def test_event_list_of_one_day(client, sample):
    day = date(2031, 3, 10)
    EventFactory(title="当日の催し", start_date=day)
    EventFactory(title="前日からの催し", start_date=day - timedelta(days=1), end_date=day)
    EventFactory(title="翌日の催し", start_date=day + timedelta(days=1))
    response = client.get(reverse("portal:event_list") + "?date=2031-03-10")
    html = response.content.decode()
    assert response.status_code == 200
    assert "当日の催し" in html and "前日からの催し" in html and "翌日の催し" not in html
    assert "2031年（令和13年）3月10日（月）" in html
    assert 'rel="canonical" href="http://testserver/portal/events/?date=2031-03-10"' in html
    assert (
        'href="?date=2031-03-09" rel="prev"' in html
        and 'href="?date=2031-03-11" rel="next"' in html
    )
    assert "/portal/events/calendar/?year=2031&amp;month=3#day-2031-03-10" in html
    # Full-width digits and stray spaces are read as the same date.
    wide = client.get(reverse("portal:event_list"), {"date": " ２０３１-０３-１０ "})
    assert "当日の催し" in wide.content.decode()


@pytest.mark.parametrize("value", ["2031-02-30", "昨日", "1999-12-31", "2031/3/10", "9" * 50])
def test_event_list_with_a_bad_date_is_a_400_in_japanese(client, sample, value):
    response = client.get(reverse("portal:event_list"), {"date": value})
    assert response.status_code == 400
    assert "2026-12-05" in response.content.decode()


def test_news_markdown_is_rendered_safely(client, sample):
    news = NewsFactory(body="# 大見出し\n\n<script>alert(1)</script>[x](javascript:alert(1))")
    html = client.get(reverse("portal:news_detail", args=[news.pk])).content.decode()
    assert "<h2>大見出し</h2>" in html
    assert "<script>alert" not in html and 'href="javascript' not in html


def test_guideline_page_has_headings_lists_and_table(client):
    html = client.get(reverse("portal:guideline")).content.decode()
    assert "<h1>網走市職員 地域協働の指針</h1>" in html
    assert '<h2 id="s1">1. 各種計画と協働</h2>' in html
    assert "<h3" in html and "(3) 協働の形態" in html
    assert "<li>市の課題と市民団体の活動で共通な目的があるか。</li>" in html
    assert '<th scope="row">目的設定の妥当性</th>' in html
    assert "<strong>協働の推進には" in html
    assert "**" not in html and "&lt;ul" not in html
    assert "網走市民憲章" not in html.split("portal-links")[0]


def test_charter_page_uses_ruby(client):
    # The charter is the city's data, from its city file (kyodo/guideline/cities/).
    load(ABASHIRI)
    html = client.get(reverse("portal:charter")).content.decode()
    assert "<ruby>網走市<rp>（</rp><rt>あばしりし</rt>" in html
    assert html.count("<li>") >= 5 and "新しいオホーツク文化のまち" in html


def test_accessibility_page_states_target_scope_and_tests(client):
    html = client.get(reverse("portal:accessibility")).content.decode()
    for text in ("JIS X 8341-3:2016", "適合レベルAA", "対象範囲", "axe-core", "キーボード"):
        assert text in html


@pytest.mark.usefixtures("no_page_cache")
def test_accessibility_page_gives_the_office_phone_and_a_form(client):
    """Issue 17-10: the city's own contact (its data, not typed in the page) and a form."""
    from kyodo.core.models import Municipality

    seed_municipality()
    city = Municipality.objects.current()
    city.contact = "協働推進課\n電話 0000-00-1234（平日8時30分〜17時15分）"
    city.save()
    html = client.get(reverse("portal:accessibility")).content.decode()
    assert "電話 0000-00-1234" in html
    assert f'<a href="{reverse("voices:opinion_new")}">' in html


@pytest.mark.usefixtures("no_page_cache")
# News: ETag (one index lookup), one page of items with their projects, the municipality.
# Events: the same plus, after any record's change, the longest event span (cached until the
# next change, keyed by the records' version: no query to know it) that bounds the
# upcoming-events index scan.
@pytest.mark.parametrize(("name", "queries"), [("portal:event_list", 4), ("portal:news_list", 3)])
def test_list_query_count_does_not_grow(client, django_assert_num_queries, name, queries):
    seed_municipality()
    project = PublicProjectFactory()
    EventFactory.create_batch(2, project=project)
    NewsFactory.create_batch(2, project=project)
    url = reverse(name)
    with django_assert_num_queries(queries):
        client.get(url)
    EventFactory.create_batch(25, project=PublicProjectFactory())
    NewsFactory.create_batch(25, project=PublicProjectFactory())
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert "?page=2" in response.content.decode()


def _home_data(count):
    for _ in range(count):
        project = PublicProjectFactory()
        EventFactory(project=project)
        NewsFactory(project=project)


@pytest.mark.usefixtures("no_page_cache")
def test_home_query_count_does_not_grow(client, django_assert_num_queries):
    """Issue 19: the home on a miss. The ETag (newest event, news item and project, newest
    change and count of open calls and council meetings: one UNION ALL), the open calls, the
    longest event span (computed once per change of any record, whose version costs no query:
    +1 on the first request after a change), upcoming events, news, running projects (their
    cards name no partner), the council meetings, the municipality. The cached page's expiry is
    the first open call's deadline, read from the calls shown (no query of its own)."""
    seed_municipality()
    _home_data(3)
    with django_assert_num_queries(8):
        client.get("/")
    with django_assert_num_queries(7):
        first = client.get("/").content.decode()
    _home_data(27)
    with django_assert_num_queries(8):
        client.get("/")
    with django_assert_num_queries(7):
        html = client.get("/").content.decode()
    # What the queries are for: every event, news item and project at 3, five of each at 30.
    assert first.count('class="card portal-item"') == 9
    assert html.count('class="card portal-item"') == 15


@pytest.mark.usefixtures("no_page_cache")
def test_calendar_query_count_does_not_grow(client, django_assert_num_queries):
    seed_municipality()
    EventFactory.create_batch(2, project=PublicProjectFactory())
    # ETag, the longest event span (cached until any record changes, computed on the first
    # request: 5), per-day counts, each day's first events, municipality; and the public
    # council meetings: their ETag part and the month's meetings (+2).
    with django_assert_num_queries(7):
        client.get(reverse("portal:event_calendar"))
    with django_assert_num_queries(6):
        client.get(reverse("portal:event_calendar") + "?month=1")
    EventFactory.create_batch(15, project=PublicProjectFactory())
    client.get(reverse("portal:event_calendar") + "?month=2")
    with django_assert_num_queries(6):
        client.get(reverse("portal:event_calendar"))


def test_nav_links_to_portal_for_everyone(client):
    html = client.get("/").content.decode()
    assert reverse("portal:event_list") in html and reverse("portal:news_list") in html
    assert reverse("portal:manage_home") not in html


def test_busy_day_lists_ten_and_says_how_many_more(client):
    day = timezone.localdate().replace(year=2031, month=3, day=3)
    EventFactory.create_batch(13, start_date=day, end_date=day)
    html = client.get("/portal/events/calendar/?year=2031&month=3").content.decode()
    section = html.split('id="day-2031-03-03"')[1]
    assert section.count("/portal/events/") >= 10 and "ほか3件" in section
    assert "13件" in html
