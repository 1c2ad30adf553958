"""Nothing private leaks: unique sentinels in every private field, then read every public output.

Private here: withdrawn, draft and not-yet-published events and news (every field of them),
internal notes and withdrawal reasons of published items, who created an item, projects that
are not public yet, and the contact persons of partner organisations.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from kyodo.accounts.tests.factories import UserFactory
from kyodo.core.demo import seed as seed_municipality
from kyodo.portal.tests.factories import (
    EventFactory,
    NewsFactory,
    PartnerFactory,
    PublicProjectFactory,
)
from kyodo.projects.models import Participation, ProjectStatus

pytestmark = pytest.mark.django_db

EVENT_TEXT_FIELDS = [
    "title",
    "title_kana",
    "title_en",
    "place_name",
    "address",
    "fee_details",
    "organiser",
    "co_organisers",
    "application_method",
    "contact_name",
    "contact_phone",
    "description",
    "internal_note",
    "withdrawal_reason",
]


class Sentinels:
    def __init__(self):
        self.values = []

    def __call__(self, label: str) -> str:
        # At most 30 characters, the shortest private text field (contact_phone).
        value = f"SNTL{len(self.values):03d}{label}"[:30]
        self.values.append(value)
        return value


def private_event(s, label, **extra):
    values = {field: s(f"{label}-{field}") for field in EVENT_TEXT_FIELDS}
    values["url"] = f"https://example.jp/{s(label + '-url')}"
    return EventFactory(**{**values, **extra})


@pytest.fixture
def seeded(db):
    seed_municipality()
    s = Sentinels()
    now, today = timezone.now(), timezone.localdate()
    author = UserFactory(
        username=s("username").lower(), display_name=s("author"), email="s@example.jp"
    )
    hidden_project = PublicProjectFactory(status=ProjectStatus.IDEA, title=s("idea-project"))
    public_project = PublicProjectFactory(status=ProjectStatus.RUNNING, title="公開中の協働事業")
    partner = PartnerFactory(
        name=s("unlisted-partner"),
        contact_name=s("partner-contact"),
        contact_phone="0152-99-9999",
        contact_email=f"{s('partner-mail').lower()}@example.jp",
    )
    Participation.objects.create(project=public_project, partner=partner)

    # Published items: only their private fields carry sentinels.
    published = EventFactory(
        project=public_project,
        internal_note=s("event-note"),
        withdrawal_reason=s("event-reason"),
        created_by=author,
    )
    EventFactory(project=hidden_project, created_by=author)
    news = NewsFactory(
        project=hidden_project,
        internal_note=s("news-note"),
        withdrawal_reason=s("news-reason"),
        created_by=author,
    )
    # Items the public must not see at all.
    hidden = [
        private_event(s, "withdrawn", withdrawn_at=now, project=public_project),
        private_event(s, "draft", publish_on=None),
        private_event(s, "future", publish_on=today + timedelta(days=3)),
        NewsFactory(title=s("news-withdrawn"), body=s("nb1"), withdrawn_at=now),
        NewsFactory(title=s("news-draft"), body=s("nb2"), publish_on=None),
        NewsFactory(title=s("news-future"), body=s("nb3"), publish_on=today + timedelta(1)),
    ]
    return {
        "sentinels": s.values,
        "published": published,
        "news": news,
        "hidden": hidden,
        "public_project": public_project,
        "hidden_project": hidden_project,
    }


def public_urls(seeded):
    event, news = seeded["published"], seeded["news"]
    month = event.start_date
    urls = [
        "/",
        "/portal/events/",
        "/portal/events/?period=past",
        f"/portal/events/calendar/?year={month.year}&month={month.month}",
        f"/portal/events/{event.pk}/",
        "/portal/events.ics",
        f"/portal/projects/{seeded['public_project'].pk}/events.ics",
        f"/portal/projects/{seeded['hidden_project'].pk}/events.ics",
        "/portal/news/",
        f"/portal/news/{news.pk}/",
        "/portal/news/feed.atom",
        "/portal/guideline/",
        "/portal/charter/",
        "/portal/accessibility/",
        "/portal/opendata/",
        "/portal/opendata/events.csv",
        "/portal/opendata/events.json",
        "/api/events/",
        "/api/events/?per_page=100",
        f"/api/events/?project={seeded['hidden_project'].pk}",
        f"/api/events/{event.pk}",
        "/api/news/",
        f"/api/news/{news.pk}",
        "/api/openapi.json",
    ]
    for item in seeded["hidden"]:
        kind = "events" if hasattr(item, "start_date") else "news"
        urls += [f"/portal/{kind}/{item.pk}/", f"/api/{kind}/{item.pk}"]
        if kind == "events":
            start = item.start_date
            urls.append(f"/portal/events/calendar/?year={start.year}&month={start.month}")
    return urls


def test_no_sentinel_in_any_public_output(client, seeded):
    assert len(seeded["sentinels"]) > 50 and len(set(seeded["sentinels"])) == len(
        seeded["sentinels"]
    )
    for url in public_urls(seeded):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        content = response.getvalue().decode("utf-8-sig")
        leaked = [s for s in seeded["sentinels"] if s in content or s.lower() in content]
        assert not leaked, f"{url} shows {leaked}"


def test_published_items_are_really_served(client, seeded):
    """The privacy test is meaningful only if the public items themselves are there."""
    event, news = seeded["published"], seeded["news"]
    assert event.title in client.get("/portal/events/").content.decode()
    assert news.title in client.get("/api/news/").content.decode()
    assert event.title in client.get("/portal/opendata/events.csv").getvalue().decode("utf-8-sig")
