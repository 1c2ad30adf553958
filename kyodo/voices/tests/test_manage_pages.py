"""The city's pages for opinions, role by role: staff see their department's opinions and the
sender's identity; coordinators everything; partner members, evaluators, outsiders nothing."""

import pytest
from django.core import mail
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.voices.models import Opinion, OpinionStatus, Reply
from kyodo.voices.tests.factories import SENDER_EMAIL, SENDER_NAME, assigned, replied, send

pytestmark = pytest.mark.django_db

# Who may open the list, and who sees an opinion assigned to department A (with its sender).
LIST = {"coordinator": 200, "staff_a": 200, "staff_b": 200}
DETAIL = {"coordinator": 200, "staff_a": 200}


def expected(table: dict, persona: str, default: int) -> int:
    if persona == "anonymous":
        return 302  # sent to log in, before anything is read
    return table.get(persona, default)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_list_is_for_the_city_only(persona_client, persona, department_a):
    assigned(department_a)
    response = persona_client(persona).get(reverse("voices:manage_opinions"))
    assert response.status_code == expected(LIST, persona, 403)
    if persona == "staff_b":
        assert SENDER_NAME not in response.content.decode()
        assert "V2026-00001" not in response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_opinion_and_its_sender_only_for_its_handlers(persona_client, persona, department_a):
    opinion = assigned(department_a)
    response = persona_client(persona).get(reverse("voices:manage_opinion", args=[opinion.pk]))
    assert response.status_code == expected(DETAIL, persona, 404)
    if response.status_code == 200:
        html = response.content.decode()
        assert SENDER_NAME in html and SENDER_EMAIL in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_a_coordinator_assigns(persona_client, persona, department_a, department_b):
    opinion = send()
    response = persona_client(persona).post(
        reverse("voices:opinion_assign", args=[opinion.pk]), {"department": department_b.pk}
    )
    status = {"coordinator": 302}.get(persona, 302 if persona == "anonymous" else 404)
    assert response.status_code == status
    opinion.refresh_from_db()
    assert (opinion.department == department_b) == (persona == "coordinator")


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_handlers_draft_a_reply(persona_client, persona, department_a):
    opinion = assigned(department_a)
    client = persona_client(persona)
    response = client.post(
        reverse("voices:reply_edit", args=[opinion.pk]),
        {"body": "回答します", "reflection": "future", "reflection_reason": ""},
    )
    allowed = persona in ("coordinator", "staff_a")
    assert response.status_code == (302 if allowed or persona == "anonymous" else 404)
    assert Reply.objects.exists() == allowed


def test_the_whole_handling_by_staff_and_coordinator(
    client, staff_a, coordinator, department_a, django_capture_on_commit_callbacks
):
    first, second = assigned(department_a), assigned(department_a)
    client.force_login(staff_a)
    page = client.get(reverse("voices:reply_edit", args=[first.pk]))
    assert second.receipt_number in page.content.decode()  # offered for a joint reply
    response = client.post(
        reverse("voices:reply_edit", args=[first.pk]),
        {"body": "清掃を増やします。", "reflection": "partly", "also": [second.pk]},
    )
    assert response.status_code == 302
    reply = Reply.objects.get()
    assert set(reply.opinions.all()) == {first, second}
    assert client.post(reverse("voices:reply_approve", args=[reply.pk])).status_code == 403
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("voices:reply_approve", args=[reply.pk]))
    assert set(Opinion.objects.values_list("status", flat=True)) == {OpinionStatus.REPLIED}
    assert len([m for m in mail.outbox if "回答" in m.subject]) == 2
    client.post(
        reverse("voices:opinion_publication", args=[first.pk]),
        {"public_title": "海岸清掃", "summary": "連絡は0152-44-6111まで", "withheld_reason": ""},
    )
    detail = client.get(reverse("voices:manage_opinion", args=[first.pk])).content.decode()
    assert "0152-44-6111" in detail and "個人情報" in detail  # the check lists it
    client.post(reverse("voices:opinion_publish", args=[first.pk]))
    assert Opinion.objects.get(pk=first.pk).status == OpinionStatus.REPLIED
    client.post(
        reverse("voices:opinion_publication", args=[first.pk]),
        {
            "public_title": "海岸清掃",
            "summary": "清掃回数の増加を求める意見",
            "withheld_reason": "",
        },
    )
    client.post(reverse("voices:opinion_publish", args=[first.pk]))
    assert Opinion.objects.get(pk=first.pk).status == OpinionStatus.PUBLISHED


def test_a_reply_without_its_reason_keeps_what_was_typed(client, staff_a, department_a):
    opinion = assigned(department_a)
    client.force_login(staff_a)
    response = client.post(
        reverse("voices:reply_edit", args=[opinion.pk]),
        {"body": "<b>回答</b>", "reflection": "not_possible", "reflection_reason": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "反映できない理由を記入してください" in html
    assert "&lt;b&gt;回答&lt;/b&gt;" in html


def test_overdue_opinions_are_highlighted(client, coordinator, department_a):
    assigned(department_a)  # received 1 June 2026, due 15 June 2026: long past
    client.force_login(coordinator)
    html = client.get(reverse("voices:manage_opinions") + "?overdue=1").content.decode()
    assert "is-overdue" in html and "期限超過" in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_coordinators_name_approvers(persona_client, persona):
    response = persona_client(persona).get(reverse("voices:approvers"))
    assert response.status_code == expected({"coordinator": 200}, persona, 403)


def test_the_staff_home_lists_the_departments_opinions(client, staff_a, department_a):
    opinion = assigned(department_a)
    replied(department_a)
    client.force_login(staff_a)
    html = client.get(reverse("accounts:home"), follow=True).content.decode()
    assert opinion.receipt_number in html


def test_the_admin_site_shows_no_senders_identity(client, administrator, department_a):
    opinion = assigned(department_a)
    client.force_login(administrator)
    for url in (
        reverse("admin:voices_opinion_changelist"),
        reverse("admin:voices_opinion_change", args=[opinion.pk]),
        reverse("admin:voices_opinion_history", args=[opinion.pk]),
        reverse(
            "admin:voices_opinion_simple_history",
            args=[opinion.pk, opinion.history.first().history_id],
        ),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert SENDER_NAME not in html and SENDER_EMAIL not in html, url


def test_staff_find_an_opinion_by_its_receipt_number_in_any_width(client, staff_a, department_a):
    wanted = assigned(department_a, subject="街灯の故障")
    other = assigned(department_a)
    client.force_login(staff_a)
    typed = wanted.receipt_number.translate(
        str.maketrans("V0123456789-", "ｖ０１２３４５６７８９－")
    )
    html = client.get(reverse("voices:manage_opinions"), {"q": typed}).content.decode()
    assert wanted.receipt_number in html and other.receipt_number not in html
    html = client.get(reverse("voices:manage_opinions"), {"q": "街灯"}).content.decode()
    assert wanted.receipt_number in html and other.receipt_number not in html


def test_the_project_a_reply_led_to_is_typed_by_its_title(client, staff_a, department_a):
    """Not a <select> of every project: the title, with at most 30 suggestions (issue 19)."""
    from kyodo.projects.tests.factories import ProjectFactory
    from kyodo.voices.models import Reply

    for n in range(35):
        ProjectFactory(title=f"事業{n:02d}", department=department_a)
    wanted = ProjectFactory(title="花いっぱい運動", department=department_a)
    opinion = assigned(department_a)
    client.force_login(staff_a)
    url = reverse("voices:reply_edit", args=[opinion.pk])
    html = client.get(url).content.decode()
    assert '<select name="project"' not in html
    assert html.count('<option value="事業') + html.count('<option value="花') == 30
    form = {"body": "回答します", "reflection": "reflected", "project": "花いっぱい"}
    response = client.post(url, form)
    assert response.status_code == 400  # part of a title is not a choice; it is kept
    html = response.content.decode()
    assert "「花いっぱい」という事業名の協働事業はありません" in html
    assert 'value="花いっぱい"' in html and '<option value="花いっぱい運動">' in html
    client.post(url, form | {"project": "花いっぱい運動"})
    assert Reply.objects.get(opinions=opinion).project == wanted
    assert 'value="花いっぱい運動"' in client.get(url).content.decode()  # shown by its title
