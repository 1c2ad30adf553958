"""Another city loaded, nothing of the sample city shows: every public page and every role's
pages crawled, and the city's name and code where the city is named (issue 18)."""

import csv
import io
import re
from collections import deque
from datetime import timedelta

import pytest
from django.utils import timezone

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.councils.tests.factories import make_council, make_meeting
from kyodo.guideline.tests.city_files import EXAMPLE, load
from kyodo.partners.tests.factories import PartnerFactory, membership
from kyodo.portal.tests.factories import EventFactory, NewsFactory, PublicProjectFactory
from kyodo.projects.models import Participation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

NAME, CODE = "（例）みなと市", "999997"
SAMPLE_CITY = ("網走", "あばしり", "アバシリ", "Abashiri", "012114")
HREF = re.compile(r'href="(/[^"#]*)"')
# Not pages: files, the admin site, leaving, and the other language (the same pages again).
SKIP = ("/static/", "/media/", "/django-admin/", "/accounts/logout", "/i18n/")
TEXT_TYPES = ("text/", "application/json", "application/atom", "application/rss", "xml")
PAGES_PER_PERSONA = 150


@pytest.fixture
def city(department_a, partner_member):
    """The example city with a little of everything, none of it naming a place."""
    load(EXAMPLE)
    project = PublicProjectFactory(title="港の清掃", department=department_a)
    partner = PartnerFactory(name="みなと海の会", representative="港 太郎")
    membership(partner, partner_member)
    Participation.objects.create(project=project, partner=partner)
    EventFactory(
        title="港の清掃の日",
        place_name="みなと会館",
        address="（例）うみべ県みなと市1-1",
        organiser=NAME,
        project=project,
    )
    NewsFactory(title="清掃のお知らせ")
    council = make_council(
        name="みなと市民協議会",
        name_kana="ミナトシミンキョウギカイ",
        legal_basis="（例）協議会設置要綱 第2条",
        department=department_a,
    )
    make_meeting(council, day=timezone.localdate() + timedelta(days=10), place="みなと会館")
    return project


def _text(response) -> str | None:
    kind = response.get("Content-Type", "")
    if response.status_code != 200 or not any(t in kind for t in TEXT_TYPES):
        return None
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig", errors="replace")


def crawl(client, start: list[str]) -> dict[str, str]:
    """Every page reachable from `start` by links (GET only), at most PAGES_PER_PERSONA."""
    seen, pages, queue = set(start), {}, deque(start)
    per_path: dict[str, int] = {}
    while queue and len(pages) < PAGES_PER_PERSONA:
        url = queue.popleft()
        text = _text(client.get(url))
        if text is None:
            continue
        pages[url] = text
        for link in HREF.findall(text):
            link = link.replace("&amp;", "&")
            path = link.split("?")[0]
            # A listing's filters and pages are the same page again: two of each are enough.
            if link in seen or link.startswith(SKIP) or per_path.get(path, 0) >= 2:
                continue
            per_path[path] = per_path.get(path, 0) + 1
            seen.add(link)
            queue.append(link)
    return pages


START = [
    "/",
    "/portal/guideline/",
    "/portal/charter/",
    "/portal/accessibility/",
    "/portal/opendata/",
    "/portal/events.ics",
    "/portal/opendata/events.csv",
    "/api/site/",
    "/api/openapi.json",
    "/accounts/home/",
]


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_names_the_sample_city(persona_client, persona, city):
    pages = crawl(persona_client(persona), START)
    assert len(pages) >= (15 if persona in ("anonymous", "outsider") else 40), len(pages)
    for url, text in pages.items():
        for word in SAMPLE_CITY:
            assert word not in text, f"{word} on {url}"
    home = pages["/"]
    header = home.split("<header")[1].split("</header>")[0]
    footer = home.split("<footer")[1]
    assert NAME in header and "みなと協働ひろば（例）" in header
    assert NAME in footer and CODE in footer
    assert "（例）みなと市 協働推進ガイドライン" in footer


def test_where_the_city_is_named(client, city):
    rows = list(csv.reader(io.StringIO(_text(client.get("/portal/opendata/events.csv")))))
    assert rows[1][0] == CODE and NAME in rows[1]
    calendar = _text(client.get("/portal/events.ics"))
    assert f"X-WR-CALNAME:{NAME}" in calendar.replace("\r\n ", "")
    project_calendar = _text(client.get(f"/portal/projects/{city.pk}/events.ics"))
    assert NAME in project_calendar.replace("\r\n ", "")
    site = client.get("/api/site/").json()
    assert (site["name"], site["code"], site["prefecture"]) == (NAME, CODE, "（例）うみべ県")
    assert "/api/site/" in client.get("/api/openapi.json").content.decode()
    home = _text(client.get("/"))
    assert "<title>" in home and f"| {NAME}</title>" in home
    assert "/brand.css?v=green-800" in home
