"""Every persona against every partner page and permission."""

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.partners.models import Partner
from kyodo.partners.selectors import public_partners, public_representation
from kyodo.partners.tests.factories import PartnerFactory, membership

pytestmark = pytest.mark.django_db

CITY_SIDE = {"coordinator", "staff_a", "staff_b"}


@pytest.fixture
def own(partner_member):
    partner = PartnerFactory(name="桂ボランティアの会", contact_phone="0152-43-0000")
    membership(partner, partner_member)
    return partner


@pytest.fixture
def other(db):
    return PartnerFactory(name="潮見町内会", contact_email="shiomi-secret@example.jp")


def refused(response, persona):
    if persona == "anonymous":
        return response.status_code == 302 and "/accounts/login/" in response["Location"]
    return response.status_code in (403, 404)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "url_name", ["partners:list", "partners:create", "partners:match", "partners:export"]
)
def test_city_side_pages(persona_client, persona, url_name, other):
    response = persona_client(persona).get(reverse(url_name))
    if persona in CITY_SIDE:
        assert response.status_code == 200
    else:
        assert refused(response, persona)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", ["partners:import", "partners:taxonomy"])
def test_coordinator_pages(persona_client, persona, url_name):
    response = persona_client(persona).get(reverse(url_name))
    if persona == "coordinator":
        assert response.status_code == 200
    else:
        assert refused(response, persona)


@pytest.mark.parametrize("persona", PERSONAS)
def test_detail_and_edit_of_an_organisation(persona_client, persona, own, other):
    client = persona_client(persona)
    for partner in (own, other):
        allowed = persona in CITY_SIDE or (persona == "partner_member" and partner == own)
        for name in ("partners:detail", "partners:edit", "partners:attachment_add"):
            response = client.get(reverse(name, args=[partner.pk]))
            if allowed:
                assert response.status_code == 200, (name, partner)
            else:
                assert refused(response, persona), (name, partner)


def test_private_fields_are_shown_only_to_those_allowed(persona_client, own, other):
    client = persona_client("partner_member")
    html = client.get(reverse("partners:detail", args=[own.pk])).content.decode()
    assert "0152-43-0000" in html
    assert client.get(reverse("partners:detail", args=[other.pk])).status_code == 404
    html = persona_client("staff_b").get(reverse("partners:detail", args=[other.pk])).content
    assert "shiomi-secret@example.jp" in html.decode()


def test_partner_member_saves_own_profile_and_it_is_in_history(persona_client, own):
    client = persona_client("partner_member")
    response = client.post(
        reverse("partners:edit", args=[own.pk]),
        {
            "partner_type": own.partner_type.pk,
            "name": own.name,
            "name_kana": "かつらぼらんてぃあのかい",
            "representative": own.representative,
            "postal_code": "０９３－８５５５",
            "contact_phone": "０１５２－４４－６１１１",
            "activity": "高齢者の見守りと冬の除雪",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name_kana == "カツラボランティアノカイ"
    assert own.postal_code == "093-8555"
    assert own.contact_phone == "0152-44-6111"
    latest = own.history.first()
    assert latest.history_user.username == "p_partner"
    html = client.get(reverse("partners:detail", args=[own.pk])).content.decode()
    assert "履歴" in html and "活動内容" in html


def test_partner_member_cannot_post_to_another_organisation(persona_client, other):
    client = persona_client("partner_member")
    response = client.post(reverse("partners:edit", args=[other.pk]), {"name": "乗っ取り"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.name == "潮見町内会"


def test_my_organisation_redirects_a_member(persona_client, own):
    response = persona_client("partner_member").get(reverse("partners:mine"))
    assert response["Location"] == reverse("partners:detail", args=[own.pk])


def test_public_selector_and_representation(own, other):
    own.listed_publicly = True
    own.save()
    assert list(public_partners()) == [own]
    data = public_representation(public_partners().get())
    assert data["name"] == "桂ボランティアの会"
    for private in ("contact_name", "contact_phone", "contact_email", "address", "postal_code"):
        assert private not in data
    assert "0152-43-0000" not in str(data)


def test_nav_item_only_for_the_city_side(persona_client):
    assert "/partners/" in persona_client("staff_a").get("/").content.decode()
    assert 'href="/partners/"' not in persona_client("evaluator").get("/").content.decode()


def test_partner_home_panel(persona_client, own):
    html = persona_client("partner_member").get(reverse("accounts:partner_home")).content
    html = html.decode()
    assert "桂ボランティアの会" in html
    assert reverse("partners:edit", args=[own.pk]) in html


def test_rules_directly(partner_member, staff_a, evaluator, own, other):
    assert partner_member.has_perm("partners.change_partner", own)
    assert not partner_member.has_perm("partners.change_partner", other)
    assert not partner_member.has_perm("partners.view_partner_list")
    assert staff_a.has_perm("partners.view_private_fields", other)
    assert not evaluator.has_perm("partners.view_partner", own)
    assert Partner.objects.count() == 2
