"""A member of two organisations applies to one call for either of them (issue 12.11)."""

import pytest
from django.urls import reverse

from kyodo.calls import services
from kyodo.calls.models import Application
from kyodo.calls.tests.factories import applicant, make_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organisations(partner_member):
    return applicant("網走の海を守る会", member=partner_member), applicant(
        "オホーツク子ども食堂", member=partner_member
    )


def test_the_member_chooses_the_organisation(two_organisations, partner_member, client):
    sea, kitchen = two_organisations
    call = make_call()
    services.application_save_draft(
        actor=partner_member, call=call, partner=sea, proposal="海の清掃"
    )
    client.force_login(partner_member)
    url = reverse("calls:application_new", args=[call.pk])
    response = client.get(url)
    assert response.status_code == 200  # no longer sent to the other organisation's draft
    form = response.context["form"]
    assert list(form.fields["partner"].queryset) == [kitchen]
    html = response.content.decode()
    sea_draft = Application.objects.get(call=call, partner=sea)
    assert reverse("calls:application_detail", args=[sea_draft.pk]) in html
    assert "すでに応募" in html
    response = client.post(
        url, {"partner": kitchen.pk, "proposal": "子ども食堂の提案", "action": "save"}
    )
    created = Application.objects.get(call=call, partner=kitchen)
    assert response.status_code == 302
    assert response["Location"] == reverse("calls:application_detail", args=[created.pk])
    assert created.proposal == "子ども食堂の提案"
    sea_draft.refresh_from_db()
    assert sea_draft.proposal == "海の清掃"  # the other organisation's draft is untouched
    # Posting for the organisation that applied already is refused, nothing is overwritten.
    refused = client.post(url, {"partner": sea.pk, "proposal": "上書き", "action": "save"})
    assert refused.status_code == 302  # both have applied: to the member's applications
    sea_draft.refresh_from_db()
    assert sea_draft.proposal == "海の清掃"


def test_a_member_of_two_chooses_before_either_applied(two_organisations, partner_member, client):
    sea, kitchen = two_organisations
    call = make_call()
    client.force_login(partner_member)
    response = client.get(reverse("calls:application_new", args=[call.pk]))
    assert response.status_code == 200
    assert set(response.context["form"].fields["partner"].queryset) == {sea, kitchen}


def test_with_every_organisation_applied_the_member_goes_to_the_application(partner_member, client):
    sea = applicant("網走の海を守る会", member=partner_member)
    call = make_call()
    draft = services.application_save_draft(actor=partner_member, call=call, partner=sea)
    client.force_login(partner_member)
    response = client.get(reverse("calls:application_new", args=[call.pk]))
    assert response["Location"] == reverse("calls:application_detail", args=[draft.pk])
