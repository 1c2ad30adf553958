"""The public search is no oracle: a word from a private field finds nothing on the portal.

A sentinel word goes into every private field of every searchable type (a listed partner's
contacts and capability profile, the title of a project that is not public yet, an event's and
a news item's internal note and withdrawal reason). The portal's search page and the public
`search()` must find none of them, while the city's own search still finds the partner by
its private profile (so that the sentinels are really in the index it keeps for staff).
"""

import pytest
from django.urls import reverse

from kyodo.core.search.index import index_update, search
from kyodo.core.search.registry import STAFF
from kyodo.partners import services as partner_services
from kyodo.partners.models import Partner
from kyodo.partners.selectors import public_partners
from kyodo.partners.tests.factories import PartnerFactory
from kyodo.portal import selectors as portal_selectors
from kyodo.portal.tests.factories import EventFactory, NewsFactory
from kyodo.projects import services as project_services
from kyodo.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

# (The postal code and phone number hold digits only; they are in no document at all.)
PARTNER_PRIVATE = [
    "address",
    "contact_name",
    "capacity",
    "planning",
    "organisation",
    "revenue_sources",
    "similar_work",
    "qualifications",
    "trainings",
    "instructors",
    "officers",
]
ITEM_PRIVATE = ["internal_note", "withdrawal_reason"]
# The staff index holds the capability profile (for the city's search and matching).
STAFF_INDEXED = ["capacity", "planning", "similar_work", "qualifications", "trainings"]


def sentinel(name: str) -> str:
    # Letters only: one word for the tokenizer, found in no real text.
    return "zq" + name.replace("_", "") + "sentinel"


@pytest.fixture
def planted(department_a):
    partner = PartnerFactory(name="公開団体みなと", listed_publicly=True)
    partner_services.partner_update(
        actor=None,
        partner=partner,
        data={
            **{field: f"表の文 {sentinel(field)}" for field in PARTNER_PRIVATE},
            "contact_email": f"{sentinel('contactemail')}@example.jp",
        },
    )
    hidden = ProjectFactory(
        title=f"非公開の事業 {sentinel('projecttitle')}", department=department_a
    )
    project_services.participation_add(actor=None, project=hidden, partner=partner)
    items = []
    for factory in (EventFactory, NewsFactory):
        item = factory(**{field: f"内部 {sentinel(field)}" for field in ITEM_PRIVATE})
        index_update(item)  # as the portal services do
        items.append(item)
    return partner, items


WORDS = [
    sentinel(field) for field in [*PARTNER_PRIVATE, *ITEM_PRIVATE, "projecttitle", "contactemail"]
]


@pytest.mark.parametrize("word", WORDS)
def test_the_portal_search_finds_no_private_word(client, planted, word):
    partner, items = planted
    assert partner in public_partners()  # the partner itself is public
    response = client.get(reverse("portal:search"), {"q": word})
    assert response.status_code == 200
    html = response.content.decode()
    assert partner.name not in html
    for item in items:
        assert item.title not in html
    assert search(public_partners(), word) == []
    assert search(portal_selectors.public_events(), word) == []
    assert search(portal_selectors.public_news(), word) == []


@pytest.mark.parametrize("field", STAFF_INDEXED)
def test_the_city_search_still_reads_the_private_profile(planted, field):
    partner, _items = planted
    hits = search(Partner.objects.all(), sentinel(field), audience=STAFF)
    assert [hit.object_id for hit in hits] == [partner.pk]


def test_the_public_search_still_finds_what_the_public_page_shows(planted):
    partner, _items = planted
    assert [hit.object_id for hit in search(public_partners(), "公開団体みなと")] == [partner.pk]


# --- Promotion measures (kyodo.engagement) --------------------------------------------------
ENGAGEMENT_PAGES = [
    "portal:engagement",
    "portal:staff_activity_list",
    "portal:dialogue_list",
    "portal:training_list",
    "portal:agreement_list",
]
ENGAGEMENT_API = [
    "/api/engagement/staff-activities",
    "/api/engagement/dialogue-sessions",
    "/api/engagement/trainings",
    "/api/engagement/partnership-agreements",
]


@pytest.fixture
def engagement_planted(department_a, staff_a):
    from kyodo.engagement.tests import factories as engagement

    staff_a.display_name = f"職員 {sentinel('staffname')}"
    staff_a.save()
    engagement.activity(staff_a, description=f"非公開 {sentinel('unpublishedactivity')}")
    engagement.activity(
        staff_a, description="公開された清掃活動", is_published=True, show_name=False
    )
    session = engagement.session(
        department_a, internal_note=f"参加者メモ {sentinel('participantnote')}"
    )
    engagement.issue(session, text="公開される課題")
    engagement.training(
        department_a,
        lecturer_kind="citizen",
        lecturer_name=f"講師 {sentinel('lecturername')}",
        lecturer_name_public=False,
    )
    return session


ENGAGEMENT_WORDS = [
    sentinel(name)
    for name in ("staffname", "unpublishedactivity", "participantnote", "lecturername")
]


@pytest.mark.parametrize("word", ENGAGEMENT_WORDS)
def test_no_engagement_secret_reaches_a_public_page_search_or_the_api(
    client, engagement_planted, word
):
    from kyodo.engagement import selectors as engagement_selectors

    session = engagement_planted
    pages = [reverse(name) for name in ENGAGEMENT_PAGES]
    pages += [reverse("portal:dialogue_detail", args=[session.pk]), *ENGAGEMENT_API]
    pages += [f"/api/engagement/dialogue-sessions/{session.pk}"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert word not in response.content.decode(), url
    assert client.get(reverse("portal:search"), {"q": word}).context["total"] == 0
    for queryset in (
        engagement_selectors.public_activities(),
        engagement_selectors.public_dialogue_sessions(),
        engagement_selectors.public_trainings(),
    ):
        assert search(queryset, word) == []


def test_the_published_engagement_records_are_there(client, engagement_planted):
    """The pages above do show what is public, so the check of absence means something."""
    text = client.get(reverse("portal:staff_activity_list")).content.decode()
    assert "公開された清掃活動" in text
    detail = reverse("portal:dialogue_detail", args=[engagement_planted.pk])
    assert "公開される課題" in client.get(detail).content.decode()
