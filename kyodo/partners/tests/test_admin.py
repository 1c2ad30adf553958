"""The admin site shows the members of a partner but cannot change them behind the services."""

import pytest
from django.urls import reverse

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.core.tests.helpers import admin_form_data
from kyodo.partners.models import PartnerMembership
from kyodo.partners.tests.factories import PartnerFactory, membership

pytestmark = pytest.mark.django_db


def test_the_membership_inline_is_read_only(client, partner_member):
    # The partner rules decide "partners.change_partner" for superusers too, so the admin's
    # partner pages need a superuser who is also on the city side.
    superuser = UserFactory(
        roles=[Role.ADMINISTRATOR, Role.COORDINATOR], is_staff=True, is_superuser=True
    )
    partner = PartnerFactory(name="桂ボランティアの会")
    kept = membership(partner, partner_member)
    stranger = UserFactory(username="stranger")
    client.force_login(superuser)
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    response = client.get(url)
    html = response.content.decode()
    assert reverse("partners:members", args=[partner.pk]) in html
    data = admin_form_data(response)
    prefix = "memberships"
    assert data[f"{prefix}-TOTAL_FORMS"] == "1"
    # A superuser posting a new row, and the deletion of the existing one.
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": "2",
            f"{prefix}-0-id": str(kept.pk),
            f"{prefix}-0-DELETE": "on",
            f"{prefix}-1-user": str(stranger.pk),
            f"{prefix}-1-partner": str(partner.pk),
        }
    )
    data["name"] = "桂ボランティアの会（改）"
    response = client.post(url, data)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.name == "桂ボランティアの会（改）"
    assert list(PartnerMembership.objects.values_list("user__username", flat=True)) == ["p_partner"]


@pytest.mark.parametrize(
    "model", ["partnertype", "activityfield", "partnerattachment"], ids=lambda m: m
)
def test_taxonomy_and_attachments_cannot_be_changed_behind_the_services(client, model):
    """Types and fields are kept on the taxonomy page (duplicate check, history), documents
    through the service that checks their content: the admin only shows them."""
    from kyodo.partners.models import PartnerType

    superuser = UserFactory(roles=[Role.ADMINISTRATOR], is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert client.get(reverse(f"admin:partners_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:partners_{model}_add")).status_code == 403
    if model == "partnertype":
        kind = PartnerType.objects.create(name="ＮＰＯ法人")
        response = client.post(
            reverse("admin:partners_partnertype_change", args=[kind.pk]),
            {"name": "書き換え", "sort_order": "1"},
        )
        assert response.status_code == 403
        kind.refresh_from_db()
        assert kind.name == "ＮＰＯ法人"
        response = client.post(
            reverse("admin:partners_partnertype_delete", args=[kind.pk]), {"post": "yes"}
        )
        assert response.status_code == 403
        assert PartnerType.objects.filter(pk=kind.pk).exists()
