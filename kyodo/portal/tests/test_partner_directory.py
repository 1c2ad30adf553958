"""The public partner directory: filters by type, field and area, and furigana (issue 17-10)."""

import pytest
from django.urls import reverse

from kyodo.partners.tests.factories import PartnerFactory, activity_field, partner_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return {
        "shiomi": PartnerFactory(
            name="潮見防災の会",
            name_kana="シオミボウサイノカイ",
            partner_type=partner_type("ボランティア団体"),
            fields=["防災"],
            area_served="潮見地区",
            address="網走市字秘密町1-2",
            listed_publicly=True,
        ),
        "katsura": PartnerFactory(
            name="桂子ども食堂",
            name_kana="カツラコドモショクドウ",
            partner_type=partner_type("NPO法人"),
            fields=["子育て"],
            area_served="桂町",
            listed_publicly=True,
        ),
        "hidden": PartnerFactory(
            name="非公開防災の会", fields=["防災"], area_served="潮見地区", listed_publicly=False
        ),
    }


def names(client, **params) -> list[str]:
    response = client.get(reverse("portal:partner_list"), params)
    assert response.status_code == 200
    return [partner.name for partner in response.context["page_obj"].object_list]


def test_filters_by_type_field_and_area(client, directory):
    assert names(client) == ["桂子ども食堂", "潮見防災の会"]  # in kana order
    assert names(client, type=directory["katsura"].partner_type_id) == ["桂子ども食堂"]
    assert names(client, field=activity_field("防災").pk) == ["潮見防災の会"]
    assert names(client, area="潮見") == ["潮見防災の会"]
    assert names(client, area="　潮見　") == ["潮見防災の会"]  # full-width spaces
    # The address is private: an area word found only there finds nothing.
    assert names(client, area="秘密町") == []
    html = client.get(reverse("portal:partner_list"), {"area": "秘密町"}).content.decode()
    assert "条件に合う団体はありません" in html and 'value="秘密町"' in html


def test_the_directory_shows_furigana_and_keeps_filters_across_pages(client, directory):
    html = client.get(reverse("portal:partner_list")).content.decode()
    assert "シオミボウサイノカイ" in html and "非公開防災の会" not in html
    assert '<label for="partner-type">種別</label>' in html


@pytest.mark.parametrize("bad", [{"type": "nonsense"}, {"field": "0"}])
def test_a_bad_filter_is_a_clear_400(client, directory, bad):
    response = client.get(reverse("portal:partner_list"), bad)
    assert response.status_code == 400
    assert "の値が正しくありません" in response.content.decode()


@pytest.mark.parametrize("size", [2, 15])
def test_directory_queries_do_not_grow(client, django_assert_num_queries, settings, size):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    for _n in range(size):
        PartnerFactory(fields=["防災"], area_served="潮見地区", listed_publicly=True)
    field = activity_field("防災")
    # city, etag stamp, types, fields, the page, its fields
    with django_assert_num_queries(6):
        response = client.get(reverse("portal:partner_list"), {"field": field.pk, "area": "潮見"})
    assert len(response.context["page_obj"].object_list) == size
