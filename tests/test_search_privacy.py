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


# --- Citizens' voices (issue 15) --------------------------------------------------------------
# A published opinion's sender (name, e-mail, address) and own words, and the free text of an
# anonymous survey answer, reach no public page, feed, export, search or the API.

VOICES_PRIVATE = {
    "sender_name": "zqsendernamesentinel",
    "sender_email": "zqsenderemailsentinel@example.jp",
    "sender_address": "zqsenderaddresssentinel",
    "text": "zqrawtextsentinel",
    "answer": "zqanonymousanswersentinel",
}


@pytest.fixture
def voices_planted(department_a, coordinator):
    from kyodo.voices import services as voices_services
    from kyodo.voices.models import QuestionKind
    from kyodo.voices.services import Given
    from kyodo.voices.tests.factories import open_survey, question

    opinion, _secret = voices_services.opinion_send(
        actor=None,
        subject="公開される意見",
        text=f"本文 {VOICES_PRIVATE['text']}",
        sender_name=VOICES_PRIVATE["sender_name"],
        sender_email=VOICES_PRIVATE["sender_email"],
        sender_address=VOICES_PRIVATE["sender_address"],
    )
    voices_services.opinion_assign(actor=None, opinion=opinion, department=department_a)
    reply = voices_services.reply_draft(
        actor=None, opinions=[opinion], body="回答です", reflection="reflected"
    )
    voices_services.reply_approve(actor=None, reply=reply)
    voices_services.opinion_prepare_publication(
        actor=None, opinion=opinion, public_title="公開題名みなと", summary="要旨です"
    )
    voices_services.opinion_publish(actor=None, opinion=opinion)
    survey = open_survey(versions=[question("privacy-free", kind=QuestionKind.TEXT, choices=[])])
    item = survey.items.get()
    voices_services.response_submit(
        actor=None, survey=survey, given={item.pk: Given(text=VOICES_PRIVATE["answer"])}
    )
    voices_services.survey_close(actor=coordinator, survey=survey)
    return opinion, survey


def _public_voices_urls(opinion, survey) -> list[str]:
    return [
        reverse("voices:public_home"),
        reverse("voices:public_list"),
        reverse("voices:public_opinion", args=[opinion.pk]),
        reverse("voices:statistics"),
        reverse("voices:opinions_csv"),
        reverse("voices:survey_results", args=[survey.pk]),
        reverse("voices:survey_results_csv", args=[survey.pk]),
        reverse("portal:search") + "?q=公開題名みなと",
        reverse("portal:news_feed"),
        "/api/voices/opinions/",
        "/api/voices/surveys/",
        f"/api/voices/surveys/{survey.pk}/results",
    ]


@pytest.mark.parametrize("field", list(VOICES_PRIVATE))
def test_no_public_page_shows_a_senders_identity_or_an_anonymous_answer(
    client, voices_planted, field
):
    from kyodo.voices.models import Opinion

    opinion, survey = voices_planted
    word = VOICES_PRIVATE[field]
    for url in _public_voices_urls(opinion, survey):
        response = client.get(url)
        assert response.status_code == 200, url
        assert word not in response.getvalue().decode("utf-8-sig"), url
    found = client.get(reverse("portal:search"), {"q": word}).content.decode()
    assert "公開題名みなと" not in found
    assert search(Opinion.objects.all(), word) == []
    assert search(Opinion.objects.all(), word, audience=STAFF) == []


def test_the_portal_search_finds_a_published_opinion_by_its_summary(client, voices_planted):
    html = client.get(reverse("portal:search"), {"q": "公開題名みなと"}).content.decode()
    assert "公開題名みなと" in html


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
