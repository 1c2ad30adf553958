"""The recommending organisation (推薦団体) typed by name with suggestions, not a <select> of
every partner: bounded suggestions, checked on the server, bad names kept with a message."""

import re

import pytest
from django.urls import reverse

from kyodo.councils.models import Category
from kyodo.councils.tests.test_views import member_post
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db
SUGGESTIONS = 30  # NamedChoiceField's default limit


def _partner_input(html: str) -> str:
    return re.search(r'<input[^>]*name="partner"[^>]*>', html).group(0)


def test_the_form_has_no_select_of_every_partner(client, staff_a, world):
    for n in range(SUGGESTIONS + 10):
        PartnerFactory(name=f"見守りの会{n}", name_kana=f"ミマモリノカイ{n}")
    client.force_login(staff_a)
    html = client.get(reverse("councils:member_add", args=[world["council"].pk])).content.decode()
    assert '<select name="partner"' not in html
    assert 'list="id_partner_list"' in _partner_input(html)
    # Suggested before anything is typed: the organisations that already recommend a member.
    datalist = re.search(r'<datalist id="id_partner_list">(.*?)</datalist>', html).group(1)
    assert datalist.count("<option") == 1 and world["partner"].name in datalist
    assert "見守りの会" not in datalist


def test_a_typed_part_suggests_at_most_a_few(client, staff_a, world):
    for n in range(SUGGESTIONS + 10):
        PartnerFactory(name=f"見守りの会{n}", name_kana=f"ミマモリノカイ{n}")
    client.force_login(staff_a)
    data = member_post(partner="みまもり")  # a reading in hiragana finds the katakana
    response = client.post(reverse("councils:member_add", args=[world["council"].pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "「みまもり」という名前の団体は登録されていません" in html
    assert 'value="みまもり"' in _partner_input(html)
    datalist = re.search(r'<datalist id="id_partner_list">(.*?)</datalist>', html).group(1)
    assert datalist.count("<option") == SUGGESTIONS


def test_a_member_is_recommended_by_an_organisation_typed_in_full_width(client, staff_a, world):
    partner = PartnerFactory(name="NPO法人オホーツク")
    client.force_login(staff_a)
    council = world["council"]
    data = member_post(category=Category.ORGANISATION, partner=" ＮＰＯ法人オホーツク ")
    response = client.post(reverse("councils:member_add", args=[council.pk]), data)
    assert response.status_code == 302
    assert council.terms.get(person__name="新委員").partner == partner


def test_two_organisations_of_one_name_are_not_guessed(client, staff_a, world):
    PartnerFactory(name="同名の会"), PartnerFactory(name="同名の会")
    client.force_login(staff_a)
    council = world["council"]
    data = member_post(category=Category.ORGANISATION, partner="同名の会")
    response = client.post(reverse("councils:member_add", args=[council.pk]), data)
    assert response.status_code == 200
    assert "「同名の会」という名前の団体が複数あります" in response.content.decode()
    assert not council.terms.filter(person__name="新委員").exists()


def test_the_term_form_shows_the_organisation_by_name_and_can_clear_it(client, staff_a, world):
    term = world["term"]
    client.force_login(staff_a)
    url = reverse("councils:term_edit", args=[term.pk])
    assert f'value="{world["partner"].name}"' in _partner_input(client.get(url).content.decode())
    data = {
        "category": "public",
        "partner": "",
        "position": term.position,
        "starts_on": term.starts_on.isoformat(),
        "ends_on": term.ends_on.isoformat(),
    }
    assert client.post(url, data).status_code == 302
    term.refresh_from_db()
    assert term.partner is None
