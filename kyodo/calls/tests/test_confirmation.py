"""「入力内容の確認」 before an application is submitted (issue 17.6): input → the answers read-only
→ 「この内容で提出する」 or 「修正する」. A submission is made only from that page, and only of the
version of the draft the page showed."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.calls import services
from kyodo.calls.models import Application, ApplicationStatus
from kyodo.calls.tests.factories import applicant, codes, make_call
from kyodo.core.tests.helpers import sample_pdf

pytestmark = pytest.mark.django_db

CHANGED = "確認ページを開いた後に"


@pytest.fixture
def draft(partner_member, settings, tmp_path):
    """The persona partner member's draft to an open call, with one attachment."""
    settings.MEDIA_ROOT = tmp_path
    call = make_call(budget_ceiling=300_000)
    draft = services.application_save_draft(
        actor=partner_member,
        call=call,
        partner=applicant("網走の海を守る会", member=partner_member),
        proposal="海岸を月に一度清掃します。\n道具は会で用意します。",
        plan="4月から翌年3月まで",
        budget_amount=250_000,
    )
    pdf = SimpleUploadedFile("企画書.pdf", sample_pdf(), content_type="application/pdf")
    services.attachment_add(actor=partner_member, application=draft, upload=pdf)
    draft.refresh_from_db()
    return draft


def shown_version(response) -> str:
    assert response.status_code == 200
    return re.search(r'name="confirmed_version" value="(\d+)"', response.content.decode())[1]


def status_of(application) -> str:
    return Application.objects.get(pk=application.pk).status


# --- The service -----------------------------------------------------------------------------


def test_a_person_cannot_submit_without_confirming(draft, partner_member):
    with pytest.raises(ValidationError) as excinfo:
        services.application_submit(actor=partner_member, application=draft)
    assert codes(excinfo) == {"not_confirmed"}
    assert "確認" in excinfo.value.messages[0]
    assert status_of(draft) == ApplicationStatus.DRAFT


def test_a_draft_changed_since_it_was_confirmed_is_not_submitted(draft, partner_member):
    confirmed = draft.lock_version
    services.application_save_draft(
        actor=partner_member,
        call=draft.call,
        partner=draft.partner,
        lock_version=confirmed,
        proposal="別の窓で書き直した提案",
    )
    with pytest.raises(services.EditConflict) as excinfo:
        services.application_submit(
            actor=partner_member, application=draft, confirmed_version=confirmed
        )
    assert CHANGED in excinfo.value.messages[0]
    assert status_of(draft) == ApplicationStatus.DRAFT
    submitted = services.application_submit(
        actor=partner_member, application=draft, confirmed_version=confirmed + 1
    )
    assert submitted.status == ApplicationStatus.SUBMITTED
    assert submitted.proposal == "別の窓で書き直した提案"


def test_an_attachment_added_after_confirming_is_a_change(draft, partner_member):
    confirmed = draft.lock_version
    png = SimpleUploadedFile("追加.pdf", sample_pdf(), content_type="application/pdf")
    services.attachment_add(actor=partner_member, application=draft, upload=png)
    with pytest.raises(services.EditConflict):
        services.application_submit(
            actor=partner_member, application=draft, confirmed_version=confirmed
        )


def test_saving_over_another_windows_save_is_refused(draft, partner_member):
    opened = draft.lock_version
    services.application_save_draft(
        actor=partner_member, call=draft.call, partner=draft.partner, lock_version=opened, plan="A"
    )
    with pytest.raises(services.EditConflict) as excinfo:
        services.application_save_draft(
            actor=partner_member,
            call=draft.call,
            partner=draft.partner,
            lock_version=opened,
            plan="B",
        )
    assert "計画" in excinfo.value.messages[-1]  # what the other window changed
    assert Application.objects.get(pk=draft.pk).plan == "A"


# --- Who sees the confirmation page and who may submit from it -------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organisations_member_confirms_and_submits(draft, persona, persona_client):
    client = persona_client(persona)
    url = reverse("calls:application_confirm", args=[draft.pk])
    page = client.get(url)
    posted = client.post(url, {"confirmed_version": draft.lock_version})
    if persona == "partner_member":
        assert page.status_code == 200
        assert "海岸を月に一度清掃します。" in page.content.decode()
        assert posted.status_code == 302
        assert status_of(draft) == ApplicationStatus.SUBMITTED
        return
    if persona == "anonymous":
        assert page.status_code == 302 and posted.status_code == 302
        assert page["Location"].startswith(reverse("accounts:login"))
    else:
        # A draft is its organisation's own: to everyone else it does not exist.
        assert (page.status_code, posted.status_code) == (404, 404)
    assert status_of(draft) == ApplicationStatus.DRAFT


def test_a_member_of_another_organisation_sees_nothing(draft, client):
    from kyodo.accounts.roles import Role
    from kyodo.accounts.tests.factories import UserFactory

    other = UserFactory(roles=[Role.PARTNER_MEMBER])
    applicant("別の会", member=other)
    client.force_login(other)
    url = reverse("calls:application_confirm", args=[draft.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"confirmed_version": draft.lock_version}).status_code == 404
    assert status_of(draft) == ApplicationStatus.DRAFT


# --- The pages -------------------------------------------------------------------------------


def test_the_confirmation_page_shows_every_answer_with_the_forms_labels(draft, persona_client):
    client = persona_client("partner_member")
    html = client.get(reverse("calls:application_confirm", args=[draft.pk])).content.decode()
    assert "入力内容の確認" in html
    for label, value in [
        ("応募団体", "網走の海を守る会"),
        ("提案内容", "海岸を月に一度清掃します。<br>道具は会で用意します。"),
        ("事業計画", "4月から翌年3月まで"),
        ("予算額（円）", "250,000円"),
        ("添付ファイル", "企画書.pdf"),
    ]:
        assert re.search(
            rf"<dt>{re.escape(label)}</dt>\s*<dd>[^<]*(<ul><li>)?{re.escape(value)}", html
        ), label
    assert "（未入力）" in html  # the budget breakdown was left empty
    assert "この内容で提出する" in html
    assert reverse("calls:application_detail", args=[draft.pk]) in html  # 「修正する」
    assert "<textarea" not in html and 'type="file"' not in html  # read-only


def test_the_form_never_submits_and_leads_to_the_confirmation(draft, persona_client):
    client = persona_client("partner_member")
    url = reverse("calls:application_detail", args=[draft.pk])
    form = {"proposal": "提案", "plan": "計画", "lock_version": draft.lock_version}
    # The old 「提出する」 button's POST, and one with a made-up action: neither submits.
    for action in ("submit", "anything"):
        response = client.post(url, {**form, "action": action})
        assert response.status_code == 302
        assert response["Location"] == reverse("calls:application_confirm", args=[draft.pk])
        assert status_of(draft) == ApplicationStatus.DRAFT
        form["lock_version"] += 1
    saved = client.post(url, {**form, "action": "save"})
    assert saved["Location"] == url


def test_a_post_to_the_confirmation_without_its_version_does_not_submit(draft, persona_client):
    client = persona_client("partner_member")
    url = reverse("calls:application_confirm", args=[draft.pk])
    for data in ({}, {"confirmed_version": "x"}, {"confirmed_version": "999"}):
        response = client.post(url, data)
        assert response.status_code == 200
        assert "提出されていません" in response.content.decode()
        assert status_of(draft) == ApplicationStatus.DRAFT
    full_width = str(draft.lock_version).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    )
    assert client.post(url, {"confirmed_version": full_width}).status_code == 302
    assert status_of(draft) == ApplicationStatus.SUBMITTED


def test_two_windows_the_confirmed_version_is_what_is_submitted(draft, partner_member):
    first, second = Client(), Client()
    first.force_login(partner_member)
    second.force_login(partner_member)
    confirm = reverse("calls:application_confirm", args=[draft.pk])
    form = reverse("calls:application_detail", args=[draft.pk])
    confirmed = shown_version(first.get(confirm))
    opened = re.search(r'name="lock_version" value="(\d+)"', second.get(form).content.decode())[1]
    second.post(
        form,
        {"proposal": "二つ目の窓の提案", "plan": "計画", "lock_version": opened, "action": "save"},
    )
    refused = first.post(confirm, {"confirmed_version": confirmed})
    html = refused.content.decode()
    assert CHANGED in html
    assert "二つ目の窓の提案" in html  # the page now shows what would be submitted
    assert status_of(draft) == ApplicationStatus.DRAFT
    assert first.post(confirm, {"confirmed_version": shown_version(refused)}).status_code == 302
    application = Application.objects.get(pk=draft.pk)
    assert (application.status, application.proposal) == ("submitted", "二つ目の窓の提案")


def test_an_edit_from_a_stale_form_keeps_what_was_typed(draft, partner_member, client):
    client.force_login(partner_member)
    url = reverse("calls:application_detail", args=[draft.pk])
    stale = draft.lock_version
    services.application_save_draft(
        actor=partner_member, call=draft.call, partner=draft.partner, plan="他の人の計画"
    )
    response = client.post(
        url,
        {"proposal": "私の提案", "plan": "私の計画", "lock_version": stale, "action": "confirm"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "他の人が保存しました" in html and "私の提案" in html
    assert Application.objects.get(pk=draft.pk).plan == "他の人の計画"


def test_bad_input_stays_on_the_form_and_does_not_reach_the_confirmation(
    draft, client, partner_member
):
    client.force_login(partner_member)
    url = reverse("calls:application_detail", args=[draft.pk])
    response = client.post(
        url,
        {
            "proposal": "書きかけの提案",
            "plan": "計画",
            "budget_amount": "２０万",
            "lock_version": draft.lock_version,
            "action": "confirm",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "書きかけの提案" in html and "予算" in html and "error-summary" in html
    assert Application.objects.get(pk=draft.pk).proposal != "書きかけの提案"


def test_what_blocks_a_submission_is_said_before_the_button(draft, partner_member, client):
    services.application_save_draft(
        actor=partner_member, call=draft.call, partner=draft.partner, plan="", budget_amount=400_000
    )
    client.force_login(partner_member)
    html = client.get(reverse("calls:application_confirm", args=[draft.pk])).content.decode()
    assert "事業計画" in html and "上限" in html
    assert "この内容で提出する</button>" not in html
    assert "修正する</a>" in html


def test_a_submitted_application_goes_back_to_its_page(draft, partner_member, client):
    services.application_submit(
        actor=partner_member, application=draft, confirmed_version=draft.lock_version
    )
    client.force_login(partner_member)
    response = client.get(reverse("calls:application_confirm", args=[draft.pk]))
    assert response["Location"] == reverse("calls:application_detail", args=[draft.pk])


def test_the_confirmation_page_costs_the_same_queries_with_more_files(
    draft, partner_member, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(partner_member)
    url = reverse("calls:application_confirm", args=[draft.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries()  # the city is read once, then kept (kyodo.core.city)
    one = queries()
    for number in range(4):
        pdf = SimpleUploadedFile(f"資料{number}.pdf", sample_pdf(), content_type="application/pdf")
        services.attachment_add(actor=partner_member, application=draft, upload=pdf)
    queries()  # the person's roles are read again after a change (User.role_names), once
    assert queries() == one
