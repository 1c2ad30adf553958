"""Every engagement page for every persona, and forms with bad input."""

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.engagement.models import DialogueIssue, IssueStatus, StaffActivity
from kyodo.engagement.tests import factories
from kyodo.partners.tests.factories import PartnerFactory, membership
from kyodo.projects.models import Participation

pytestmark = pytest.mark.django_db

# What each persona gets on the list pages (staff_a is the department running everything).
LISTS = {
    "engagement:hub": {"coordinator": 200, "staff_a": 200, "staff_b": 200, "partner_member": 200},
    "engagement:figures": {"coordinator": 200, "staff_a": 200, "staff_b": 200},
    "engagement:my_activities": {"staff_a": 200, "staff_b": 200},
    "engagement:all_activities": {"coordinator": 200},
    "engagement:dialogue_list": {"coordinator": 200, "staff_a": 200, "staff_b": 200},
    "engagement:training_list": {"coordinator": 200, "staff_a": 200, "staff_b": 200},
    "engagement:agreement_list": {"coordinator": 200, "staff_a": 200, "staff_b": 200},
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(LISTS))
def test_list_pages_by_persona(persona_client, persona, url_name):
    response = persona_client(persona).get(reverse(url_name))
    if persona == "anonymous":
        assert response.status_code == 302 and "/login" in response["Location"]
    else:
        assert response.status_code == LISTS[url_name].get(persona, 403)


# Object pages: who may see each (others: 404, so the record might as well not exist), and
# who may act (others who see it: 403).
DETAILS = {
    "activity_edit": ({"coordinator", "staff_a"}, {"coordinator", "staff_a"}),
    "dialogue_detail": ({"coordinator", "staff_a", "staff_b"}, None),
    "dialogue_edit": ({"coordinator", "staff_a", "staff_b"}, {"coordinator", "staff_a"}),
    "training_detail": ({"coordinator", "staff_a", "staff_b"}, None),
    "training_edit": ({"coordinator", "staff_a", "staff_b"}, {"coordinator", "staff_a"}),
    "agreement_detail": ({"coordinator", "staff_a", "staff_b"}, None),
    "agreement_edit": ({"coordinator", "staff_a", "staff_b"}, {"coordinator", "staff_a"}),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", sorted(DETAILS))
def test_object_pages_by_persona(
    persona_client, persona, page, own_activity, session_a, training_a, agreement_a
):
    objects = {
        "activity": own_activity,
        "dialogue": session_a,
        "training": training_a,
        "agreement": agreement_a,
    }
    obj = objects[page.split("_")[0]]
    response = persona_client(persona).get(reverse(f"engagement:{page}", args=[obj.pk]))
    see, act = DETAILS[page]
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona not in see:
        assert response.status_code == 404
    elif act is not None and persona not in act:
        assert response.status_code == 403
    else:
        assert response.status_code == 200


def test_the_internal_note_is_for_the_city_only(persona_client, session_a):
    assert (
        "山田さん"
        in persona_client("staff_b")
        .get(reverse("engagement:dialogue_detail", args=[session_a.pk]))
        .content.decode()
    )
    for persona in ("partner_member", "evaluator", "outsider"):
        response = persona_client(persona).get(
            reverse("engagement:dialogue_detail", args=[session_a.pk])
        )
        assert response.status_code == 404


def test_a_partner_member_sees_their_lecture_agreement_and_issue(
    persona_client, partner_member, department_a, session_a, staff_a
):
    partner = PartnerFactory(name="講師の団体")
    membership(partner, partner_member)
    training = factories.training(department_a, lecturer_kind="partner", lecturer_partner=partner)
    agreement = factories.agreement(department_a, partner=partner, title="団体との協定")
    issue = factories.issue(session_a, text="団体の事業になった課題")
    client = persona_client("staff_a")
    client.post(reverse("engagement:issue_project", args=[issue.pk]), {"title": "事業"})
    issue.refresh_from_db()
    Participation.objects.create(project=issue.project, partner=partner)
    client = persona_client("partner_member")
    hub = client.get(reverse("engagement:hub")).content.decode()
    assert training.title in hub and "団体との協定" in hub and "団体の事業になった課題" in hub
    for name, obj in (
        ("training_detail", training),
        ("agreement_detail", agreement),
        ("issue_detail", issue),
    ):
        assert client.get(reverse(f"engagement:{name}", args=[obj.pk])).status_code == 200
    other = factories.issue(session_a, text="関係のない課題")
    assert client.get(reverse("engagement:issue_detail", args=[other.pk])).status_code == 404


def test_logging_with_full_width_hours_and_a_wareki_date(persona_client, staff_a):
    response = persona_client("staff_a").post(
        reverse("engagement:activity_new"),
        {
            "date": "令和８年４月２９日",
            "kind": "neighbourhood",
            "hours": "２．５時間",
            "organisation": "潮見町内会",
            "description": "　お祭りの設営　",
        },
    )
    assert response.status_code == 302
    entry = StaffActivity.objects.get()
    assert (str(entry.date), str(entry.hours), entry.organisation_name) == (
        "2026-04-29",
        "2.5",
        "潮見町内会",
    )


@pytest.mark.parametrize(
    "hours, date, field",
    [
        ("-1", "2026-04-01", "hours"),
        ("25", "2026-04-01", "hours"),
        ("abc", "2026-04-01", "hours"),
        ("2", "2100-01-01", "date"),
        ("2", "令和8年2月30日", "date"),
    ],
)
def test_bad_input_keeps_what_was_typed(persona_client, staff_a, hours, date, field):
    typed = "町内会の清掃<script>x</script>"
    response = persona_client("staff_a").post(
        reverse("engagement:activity_new"),
        {"date": date, "kind": "local", "hours": hours, "description": typed},
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    text = response.content.decode()
    assert "町内会の清掃&lt;script&gt;" in text and hours in text
    assert not StaffActivity.objects.exists()


def test_an_issue_becomes_a_project_through_the_page(persona_client, session_a):
    issue = factories.issue(session_a, text="空き家が増えている。")
    client = persona_client("staff_a")
    response = client.post(reverse("engagement:issue_project", args=[issue.pk]), {"title": " "})
    assert response.status_code == 200 and "title" in response.context["form"].errors
    response = client.post(
        reverse("engagement:issue_project", args=[issue.pk]), {"title": "空き家対策"}
    )
    issue.refresh_from_db()
    assert issue.status == IssueStatus.PROJECT
    assert response["Location"] == reverse("projects:overview", args=[issue.project.pk])
    # The other department reads the session but may not turn its issues into projects.
    other = factories.issue(session_a)
    response = persona_client("staff_b").post(
        reverse("engagement:issue_project", args=[other.pk]), {"title": "x"}
    )
    assert response.status_code == 403
    assert DialogueIssue.objects.get(pk=other.pk).project is None


def test_attendance_twice_and_feedback_without_attending(persona_client, training_a, staff_b):
    client = persona_client("staff_a")
    url = reverse("engagement:attendance_add", args=[training_a.pk])
    client.post(url, {"attendees": [staff_b.pk]})
    response = client.post(url, {"attendees": [staff_b.pk]}, follow=True)
    assert training_a.attendance.count() == 1
    assert response.status_code == 200
    response = persona_client("staff_a").get(reverse("engagement:feedback", args=[training_a.pk]))
    assert response.status_code == 403  # staff_a runs it but did not attend
    client = persona_client("staff_b")
    response = client.post(
        reverse("engagement:feedback", args=[training_a.pk]),
        {"understanding": "5", "usefulness": "4", "comment": "よかった"},
    )
    assert response.status_code == 302
    assert training_a.feedback.get().attendee == staff_b


def test_an_agreement_ending_before_it_starts_keeps_the_form(persona_client, staff_a):
    partner = PartnerFactory(name="オホーツク大学")
    response = persona_client("staff_a").post(
        reverse("engagement:agreement_new"),
        {
            "partner_name": "オホーツク大学",
            "title": "包括連携協定",
            "signed_on": "R7.4.1",
            "starts_on": "2025/04/01",
            "ends_on": "2024-03-31",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "ends_on" in response.context["form"].errors
    assert "包括連携協定" in response.content.decode()
    assert not partner.partnership_agreements.exists()


def test_the_document_is_served_only_after_the_rule(persona_client, agreement_a, staff_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kyodo.core.tests.helpers import sample_pdf
    from kyodo.engagement import services

    services.agreement_update(
        actor=staff_a,
        agreement=agreement_a,
        document=SimpleUploadedFile("協定書.pdf", sample_pdf()),
    )
    url = reverse("engagement:agreement_document", args=[agreement_a.pk])
    response = persona_client("staff_b").get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    for persona in ("partner_member", "evaluator", "outsider"):
        assert persona_client(persona).get(url).status_code == 404
