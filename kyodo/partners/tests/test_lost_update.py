"""Two people editing one partner profile: the second save is refused, nothing is lost (12.5)."""

import pytest
from django.test import Client
from django.urls import reverse

from kyodo.partners import services
from kyodo.partners.models import Partner
from kyodo.partners.tests.factories import PartnerFactory, membership, partner_type

pytestmark = pytest.mark.django_db


def posted(partner, **changes) -> dict:
    """What the edit form would post, unchanged but for `changes` (lock_version included)."""
    data = {
        "partner_type": str(partner.partner_type_id),
        "name": partner.name,
        "name_kana": partner.name_kana,
        "representative": partner.representative,
        "activity": partner.activity,
        "lock_version": str(partner.lock_version),
    }
    data.update(changes)
    return data


def test_a_stale_save_is_refused_with_what_changed_and_the_input_kept(coordinator, partner_member):
    partner = PartnerFactory(name="網走の海を守る会", partner_type=partner_type())
    membership(partner, partner_member)
    url = reverse("partners:edit", args=[partner.pk])
    city, member = Client(), Client()
    city.force_login(coordinator)
    member.force_login(partner_member)
    # Both open the form at the same version.
    assert city.get(url).status_code == 200
    assert member.get(url).status_code == 200
    opened = posted(partner)
    first = city.post(url, {**opened, "activity": "毎月の海岸清掃"})
    assert first.status_code == 302
    second = member.post(url, {**opened, "activity": "流氷の観察会"})
    assert second.status_code == 200
    html = second.content.decode()
    assert "編集している間に、他の人が保存しました" in html
    assert "活動内容" in html.split("編集している間に、他の人が保存しました", 1)[1]  # what changed
    assert "流氷の観察会" in html  # what the member typed is kept
    partner.refresh_from_db()
    assert partner.activity == "毎月の海岸清掃"  # the first save stands
    assert partner.lock_version == 2
    # The form is now based on the current version: saving again is a deliberate choice.
    again = member.post(url, {**opened, "activity": "流氷の観察会", "lock_version": "2"})
    assert again.status_code == 302
    partner.refresh_from_db()
    assert partner.activity == "流氷の観察会"


def test_the_service_refuses_an_older_version(coordinator):
    partner = PartnerFactory()
    services.partner_update(actor=coordinator, partner=partner, data={"activity": "一"})
    stale = Partner.objects.get(pk=partner.pk)
    services.partner_update(
        actor=coordinator, partner=partner, data={"activity": "二"}, lock_version=2
    )
    with pytest.raises(services.EditConflict):
        services.partner_update(
            actor=coordinator, partner=stale, data={"activity": "三"}, lock_version=2
        )
    partner.refresh_from_db()
    assert partner.activity == "二"
