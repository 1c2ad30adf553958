"""Application attachments leave storage only through the permission-checked view (issue 12.3):
as a download (`Content-Disposition: attachment`, `nosniff`), under a random name that does not
depend on any address staying secret, never at a /media/ address, a draft's to its own
organisation only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.calls import services
from kyodo.calls.tests.factories import applicant
from kyodo.core.tests.helpers import sample_pdf

PDF = sample_pdf("添付書類")


@pytest.fixture
def draft_attachment(world, partner_member):
    """An attachment of a draft of the persona partner member's organisation (open call)."""
    own = world["own_app"].partner
    draft = services.application_save_draft(
        actor=partner_member, call=world["open"], partner=own, proposal="下書き"
    )
    upload = SimpleUploadedFile("下書きの企画書.pdf", PDF, content_type="application/pdf")
    return services.attachment_add(actor=partner_member, application=draft, upload=upload)


def test_an_attachment_is_served_as_a_download(world, persona_client):
    attachment = world["attachment"]
    response = persona_client("coordinator").get(
        reverse("calls:attachment_download", args=[attachment.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in response["Content-Disposition"]  # the Japanese name kept
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_stored_name_says_nothing_about_the_call_or_the_file(world, draft_attachment):
    for attachment in (world["attachment"], draft_attachment):
        name = attachment.file.name
        application = attachment.application
        assert str(application.call_id) not in name and str(application.pk) not in name
        assert attachment.original_name not in name
        assert name.startswith("calls/attachments/") and name.endswith(".pdf")
    assert world["attachment"].file.name != draft_attachment.file.name


def test_no_attachment_at_a_media_address(world, draft_attachment, client, settings, debug_urls):
    for attachment in (world["attachment"], draft_attachment):
        name = attachment.file.name
        for url in (
            f"{settings.MEDIA_URL}{name}",
            f"/media/{name}",
            f"/media/calls/{attachment.application.call_id}/{attachment.application_id}/"
            f"{attachment.original_name}",
        ):
            response = client.get(url)
            assert response.status_code == 404, url
            assert PDF not in b"".join(getattr(response, "streaming_content", [response.content]))


@pytest.mark.parametrize(
    "persona",
    ["coordinator", "administrator", "staff_a", "evaluator", "conflicted_evaluator", "outsider"],
)
def test_a_drafts_attachment_is_refused_to_others(draft_attachment, persona_client, persona):
    url = reverse("calls:attachment_download", args=[draft_attachment.pk])
    assert persona_client(persona).get(url).status_code == 404


def test_a_drafts_attachment_is_its_organisations_alone(draft_attachment, persona_client, client):
    url = reverse("calls:attachment_download", args=[draft_attachment.pk])
    assert persona_client("partner_member").get(url).status_code == 200
    stranger = UserFactory(roles=[Role.PARTNER_MEMBER])
    applicant("別の団体", member=stranger)
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
