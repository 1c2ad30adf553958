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
from kyodo.councils import services as council_services
from kyodo.councils.models import Council
from kyodo.councils.selectors import public_councils
from kyodo.councils.tests.factories import appoint, make_council, make_meeting
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


# --- Councils (issue 13): a member's phone and address, a closed meeting's minutes ----------


@pytest.fixture
def council_planted(department_a):
    council = make_council(department_a, name="公開審議会みなと")
    appoint(
        council,
        "公開委員みなと",
        phone="0152-99-7311",
        address=f"網走市 {sentinel('memberaddress')}",
    )
    closed = make_meeting(council, is_public=False, closed_reason="個人情報を扱うため")
    council_services.minutes_save(
        actor=None, meeting=closed, text=f"非公開 {sentinel('closedminutes')}"
    )
    council_services.minutes_approve(actor=None, meeting=closed)
    return council, closed


COUNCIL_WORDS = [sentinel("memberaddress"), sentinel("closedminutes"), "0152-99-7311"]


@pytest.mark.parametrize("word", COUNCIL_WORDS)
def test_the_portal_finds_no_private_word_of_a_council(client, council_planted, word):
    council, _closed = council_planted
    response = client.get(reverse("portal:search"), {"q": word})
    assert response.status_code == 200
    assert council.name not in response.content.decode()
    assert search(public_councils(), word) == []
    for url in (
        reverse("councils:public_list"),
        reverse("councils:public_detail", args=[council.pk]),
        reverse("portal:event_calendar"),
        reverse("portal:events_ics"),
    ):
        assert word not in client.get(url).content.decode()


def test_the_city_search_still_reads_a_closed_meetings_minutes(council_planted):
    council, _closed = council_planted
    hits = search(Council.objects.all(), sentinel("closedminutes"), audience=STAFF)
    assert [hit.object_id for hit in hits] == [council.pk]


def test_the_public_search_finds_a_council_by_its_public_words(council_planted):
    council, _closed = council_planted
    found = search(public_councils(), "公開委員みなと")
    assert [hit.object_id for hit in found] == [council.pk]
