import datetime
import re

import pytest
from django.urls import reverse

from kyodo.core.tests.helpers import sample_jpeg, sample_png
from kyodo.cycles import services
from kyodo.cycles.models import Cycle, Evaluation, Incident, Side, Verification
from kyodo.cycles.tests.factories import all_answers, cycle_in
from kyodo.guideline.selectors import current_version

# The first bytes of real files: their content is read when they are uploaded.
PNG = sample_png()
JPEG = sample_jpeg()

# Who sees a project's cycle pages: its city side, other city staff (read only), its partner.
VIEWERS = {"coordinator", "staff_a", "staff_b", "partner_member"}
NOBODY = ["administrator", "evaluator", "outsider"]


def _pages(cycle):
    project = cycle.project_id
    return {
        "project": reverse("cycles:project", args=[project]),
        "troubles": reverse("cycles:troubles", args=[project]),
        "project_history": reverse("cycles:project_history", args=[project]),
        "detail": reverse("cycles:detail", args=[cycle.pk]),
        "records": reverse("cycles:records", args=[cycle.pk]),
        "comparison": reverse("cycles:comparison", args=[cycle.pk]),
        "evaluation": reverse("cycles:evaluation", args=[cycle.pk]),
        "history": reverse("cycles:history", args=[cycle.pk]),
    }


@pytest.mark.parametrize("persona", [*sorted(VIEWERS), *NOBODY, "anonymous"])
def test_who_sees_the_cycle_pages(persona_client, project, persona):
    cycle = cycle_in(project, "do")
    client = persona_client(persona)
    for name, url in _pages(cycle).items():
        response = client.get(url)
        if persona == "anonymous":
            assert response.status_code == 302, name
            assert "/accounts/login/" in response["Location"]
        elif persona in VIEWERS:
            assert response.status_code == 200, (name, persona)
        else:
            assert response.status_code == 404, (name, persona)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("staff_a", 200),
        ("coordinator", 200),
        ("partner_member", 200),
        ("staff_b", 403),
        ("evaluator", 404),
        ("outsider", 404),
    ],
)
def test_who_records_actuals(persona_client, project, persona, status):
    cycle = cycle_in(project, "do")
    response = persona_client(persona).get(reverse("cycles:actuals", args=[cycle.pk]))
    assert response.status_code == status


def test_partner_of_another_organisation_sees_nothing(client, department_a, partner_member):
    from kyodo.accounts.roles import Role
    from kyodo.accounts.tests.factories import UserFactory
    from kyodo.cycles.tests.factories import make_project

    project = make_project(department_a, member=partner_member)
    cycle = cycle_in(project, "do")
    stranger = UserFactory(roles=[Role.PARTNER_MEMBER])
    make_project(department_a, title="別の団体の事業", member=stranger)
    client.force_login(stranger)
    for url in _pages(cycle).values():
        assert client.get(url).status_code == 404


# --- the blind rule --------------------------------------------------------------------------


@pytest.fixture
def city_submitted(project, staff_a, verification_questions):
    cycle = cycle_in(project, "check")
    answers = all_answers(verification_questions, 2, "市の秘密のコメント")
    v = services.verification_save(actor=staff_a, cycle=cycle, side="city", answers=answers)
    services.verification_submit(actor=staff_a, verification=v)
    return cycle


def _urls_showing_answers(cycle):
    return [
        reverse("cycles:verification", args=[cycle.pk, "city"]),
        reverse("cycles:comparison", args=[cycle.pk]),
        reverse("cycles:history", args=[cycle.pk]),
        reverse("cycles:detail", args=[cycle.pk]),
        reverse("accounts:partner_home"),
    ]


def test_partner_cannot_read_the_city_answers_before_submitting(
    persona_client, city_submitted, verification_questions
):
    client = persona_client("partner_member")
    for url in _urls_showing_answers(city_submitted):
        response = client.get(url)
        assert "市の秘密のコメント" not in response.content.decode(), url
    own = client.get(reverse("cycles:verification", args=[city_submitted.pk, "city"]))
    assert own.status_code == 404
    # Even with their own draft saved, not yet.
    client.post(
        reverse("cycles:verification", args=[city_submitted.pk, "partner"]),
        {f"rating_{q.pk}": "3" for q in verification_questions} | {"action": "save"},
    )
    response = client.get(reverse("cycles:comparison", args=[city_submitted.pk]))
    assert "市の秘密のコメント" not in response.content.decode()
    # Once the partner submits, both sides see the comparison.
    response = client.post(
        reverse("cycles:verification", args=[city_submitted.pk, "partner"]),
        {f"rating_{q.pk}": "3" for q in verification_questions} | {"action": "submit"},
    )
    assert response.status_code == 302
    comparison = client.get(reverse("cycles:comparison", args=[city_submitted.pk]))
    assert "市の秘密のコメント" in comparison.content.decode()
    assert "comparison-table__differs" in comparison.content.decode()
    city = client.get(reverse("cycles:verification", args=[city_submitted.pk, "city"]))
    assert city.status_code == 200


def test_other_city_staff_do_not_see_a_side_before_both_submitted(persona_client, city_submitted):
    client = persona_client("staff_b")
    url = reverse("cycles:verification", args=[city_submitted.pk, "city"])
    assert client.get(url).status_code == 404
    for url in _urls_showing_answers(city_submitted)[1:4]:
        assert "市の秘密のコメント" not in client.get(url).content.decode()


def test_the_city_cannot_read_a_partner_draft(persona_client, project, verification_questions):
    cycle = cycle_in(project, "check")
    services.verification_save(
        actor=None,
        cycle=cycle,
        side="partner",
        answers=all_answers(verification_questions, 1, "団体の下書き"),
    )
    client = persona_client("staff_a")
    assert client.get(reverse("cycles:verification", args=[cycle.pk, "partner"])).status_code == 404
    assert (
        "団体の下書き"
        not in client.get(reverse("cycles:history", args=[cycle.pk])).content.decode()
    )


def test_submitted_verification_page_is_read_only_with_a_correction(persona_client, city_submitted):
    client = persona_client("staff_a")
    url = reverse("cycles:verification", args=[city_submitted.pk, "city"])
    page = client.get(url).content.decode()
    assert 'name="action" value="submit"' not in page
    assert "市の秘密のコメント" in page
    refused = client.post(
        reverse("cycles:verification_correct", args=[city_submitted.pk, "city"]), {"reason": ""}
    )
    assert refused.status_code == 302
    assert Verification.objects.filter(cycle=city_submitted).count() == 1
    client.post(
        reverse("cycles:verification_correct", args=[city_submitted.pk, "city"]),
        {"reason": "評価を見直す"},
    )
    assert Verification.objects.filter(cycle=city_submitted).count() == 2
    assert 'value="submit"' in client.get(url).content.decode()


def test_incomplete_submission_shows_an_error_and_keeps_the_input(
    persona_client, project, verification_questions
):
    cycle = cycle_in(project, "check")
    first = verification_questions[0]
    response = persona_client("staff_a").post(
        reverse("cycles:verification", args=[cycle.pk, "city"]),
        {f"rating_{first.pk}": "4", f"comment_{first.pk}": "入力を残す", "action": "submit"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "error-summary" in page and "入力を残す" in page
    assert not Verification.objects.filter(submitted_at__isnull=False).exists()


# --- forms with bad input ----------------------------------------------------------------------


def test_actuals_accept_full_width_and_refuse_non_numbers(persona_client, project):
    cycle = cycle_in(project, "do")
    indicator = cycle.indicators.get()
    line = cycle.budget_lines.first()
    url = reverse("cycles:actuals", args=[cycle.pk])
    client = persona_client("partner_member")
    bad = client.post(url, {f"actual_{indicator.pk}": "約80", f"budget_{line.pk}": "１万"})
    assert bad.status_code == 200
    page = bad.content.decode()
    assert f'href="#id_actual_{indicator.pk}"' in page and f'href="#id_budget_{line.pk}"' in page
    ok = client.post(
        url, {f"actual_{indicator.pk}": "８５．５", f"budget_{line.pk}": "４０，０００円"}
    )
    assert ok.status_code == 302
    indicator.refresh_from_db()
    line.refresh_from_db()
    assert (str(indicator.actual), line.actual) == ("85.50", 40000)


def test_indicator_and_budget_forms(persona_client, project):
    cycle = cycle_in(project, "plan")
    client = persona_client("staff_a")
    url = reverse("cycles:detail", args=[cycle.pk])
    bad = client.post(url, {"kind": "budget", "budget-item": "印刷", "budget-planned": "-100"})
    assert bad.status_code == 200 and 'href="#id_budget-planned"' in bad.content.decode()
    ok = client.post(
        url,
        {
            "kind": "budget",
            "budget-item": "印刷",
            "budget-bearer": "partner",
            "budget-planned": "５，０００",
        },
    )
    assert ok.status_code == 302
    assert cycle.budget_lines.filter(item="印刷", planned=5000).exists()


def test_staff_walk_the_cycle_through_the_pages(persona_client, project, verification_questions):
    client = persona_client("staff_a")
    response = client.post(
        reverse("cycles:project", args=[project.pk]),
        {"period_start": "2026-04-01", "period_end": "2027-03-31", "goals": "清掃"},
    )
    cycle = Cycle.objects.get()
    assert response["Location"] == reverse("cycles:detail", args=[cycle.pk])
    detail = reverse("cycles:detail", args=[cycle.pk])
    client.post(detail, {"kind": "indicator", "indicator-name": "人数", "indicator-target": "１０"})
    for step in ("do", "check"):
        client.post(reverse("cycles:transition", args=[cycle.pk]), {"to": step})
    refused = client.post(reverse("cycles:transition", args=[cycle.pk]), {"to": "act"}, follow=True)
    assert "検証" in refused.content.decode()
    assert Cycle.objects.get().status == "check"


def test_evaluation_and_next_cycle_through_the_pages(persona_client, project):
    cycle = cycle_in(project, "act")
    client = persona_client("staff_a")
    response = client.post(
        reverse("cycles:evaluation", args=[cycle.pk]),
        {
            "reviewed_on": "2027-04-10",
            "attendees": "両者",
            "worked_well": "よかった",
            "to_improve": "",
            "decision": "change",
        },
    )
    assert response.status_code == 200 and 'href="#id_to_improve"' in response.content.decode()
    client.post(
        reverse("cycles:evaluation", args=[cycle.pk]),
        {
            "reviewed_on": "2027-04-10",
            "attendees": "両者",
            "worked_well": "よかった",
            "to_improve": "広報を早める",
            "decision": "change",
        },
    )
    assert Evaluation.objects.filter(cycle=cycle).exists()
    partner = persona_client("partner_member")
    assert partner.post(reverse("cycles:conclude", args=[cycle.pk])).status_code == 403
    client = persona_client("staff_a")
    response = client.post(reverse("cycles:conclude", args=[cycle.pk]), {"action": "next"})
    following = Cycle.objects.get(number=2)
    assert response["Location"] == reverse("cycles:detail", args=[following.pk])
    assert "広報を早める" in client.get(response["Location"]).content.decode()


def test_trouble_form_says_it_is_about_causes_and_needs_a_countermeasure(persona_client, project):
    client = persona_client("partner_member")
    url = reverse("cycles:troubles", args=[project.pk])
    page = client.get(url).content.decode()
    assert "責める" in page
    response = client.post(
        url,
        {"occurred_on": "2026-06-01", "what_happened": "連絡が届かなかった", "status": "closed"},
    )
    assert response.status_code == 200 and 'href="#id_countermeasure"' in response.content.decode()
    client.post(
        url, {"occurred_on": "2026-06-01", "what_happened": "連絡が届かなかった", "status": "open"}
    )
    incident = Incident.objects.get()
    assert incident.recorded_by.username == "p_partner"
    edit = reverse("cycles:trouble_edit", args=[project.pk, incident.pk])
    assert persona_client("staff_b").get(edit).status_code == 403


def test_history_shows_who_changed_what(persona_client, project, partner_member):
    cycle = cycle_in(project, "plan")
    client = persona_client("partner_member")
    before = client.get(reverse("cycles:history", args=[cycle.pk])).context["entries"]
    response = client.post(
        reverse("cycles:detail", args=[cycle.pk]),
        {"kind": "schedule", "schedule-planned_on": "2026-06-01", "schedule-activity": "清掃"},
    )
    assert response.status_code == 302
    history = client.get(reverse("cycles:history", args=[cycle.pk]))
    page = history.content.decode()
    assert "テスト 利用者" in page or "p_partner" in page
    assert "予定" in page
    # The row the POST added, with the person who made it (their name is also in the header).
    added = [e for e in history.context["entries"] if e not in before]
    assert [(e.who, e.action) for e in added] == [(partner_member, "created")]


# --- query counts --------------------------------------------------------------------------


def _grow(cycle, n):
    for i in range(n):
        services.activity_record_add(
            actor=None,
            cycle=cycle,
            held_on=datetime.date(2026, 5, 1 + i),
            description=f"活動{i}",
            participants=i,
            files=[(f"写真{i}.jpg", JPEG)],
        )
    Incident.objects.bulk_create(
        Incident(project=cycle.project, occurred_on=datetime.date(2026, 5, 1), what_happened="x")
        for _ in range(n)
    )


# A cycle page from the check phase on: +2 to learn which verification tabs to offer (whether
# both sides have submitted, and whether the person is of the partner's side).
PAGE_QUERIES = {
    "project": 5,
    "troubles": 5,
    "detail": 11,
    "records": 9,
    "comparison": 10,
    "evaluation": 7,  # was 6 before the evaluation was read with the cycle, 5 after
    "history": 15,
    "project_history": 14,
}


@pytest.mark.parametrize("page", list(PAGE_QUERIES))
def test_query_count_does_not_grow(persona_client, project, django_assert_num_queries, page):
    cycle = cycle_in(project, "check")
    client = persona_client("staff_a")
    url = _pages(cycle)[page]
    client.get(url)  # the city is read once, then kept (kyodo.core.city)
    grown = 0
    for size in (3, 30):
        _grow(cycle, size - grown)
        grown = size
        with django_assert_num_queries(PAGE_QUERIES[page]):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("persona", "url", "queries"),
    # The staff home reads its cycles once for the rows and the reminders (cycles/panels.py);
    # whether each side has verified is a column of that query (cycles.selectors.current_cycles).
    [("staff_a", "accounts:staff_home", 9), ("partner_member", "accounts:partner_home", 11)],
)
def test_home_panels_query_count_does_not_grow(
    persona_client, department_a, partner_member, django_assert_num_queries, persona, url, queries
):
    """Counts include the projects app's own panel on the same page."""
    from kyodo.cycles.tests.factories import make_project

    client = persona_client(persona)
    client.get(reverse(url))  # the city is read once, then kept (kyodo.core.city)
    for size in (3, 30):
        while Cycle.objects.count() < size:
            project = make_project(
                department_a, title=f"事業{Cycle.objects.count()}", member=partner_member
            )
            cycle_in(project, "check")
        with django_assert_num_queries(queries):
            page = client.get(reverse(url)).content.decode()
        assert page.count("/cycles/") >= size


def test_project_section_include_lists_the_cycles(project, django_assert_num_queries):
    from django.template.loader import render_to_string

    cycle_in(project, "do")
    with django_assert_num_queries(1):
        html = render_to_string("cycles/_project_section.html", {"project": project})
    assert "第1サイクル" in html and reverse("cycles:project", args=[project.pk]) in html


@pytest.mark.parametrize("persona", ["staff_a", "partner_member", "coordinator", "staff_b"])
def test_every_cycle_tab_offered_opens(persona_client, project, persona):
    """Issue 17-2: a tab a person may not open is not shown (a partner member was offered
    「市の検証」 and got a 404); once both sides have submitted, both are offered to both."""
    cycle = cycle_in(project, "check")
    client = persona_client(persona)
    detail = reverse("cycles:detail", args=[cycle.pk])

    def offered():
        html = client.get(detail).content.decode()
        nav = html.split('class="tabs cycle-tabs"', 1)[1].split("</nav>", 1)[0]
        return re.findall(r'href="([^"]+)"', nav)

    links = offered()
    for url in links:
        assert client.get(url).status_code == 200, url
    own = {"staff_a": "city", "coordinator": "city", "partner_member": "partner"}.get(persona)
    for side in ("city", "partner"):
        shown = reverse("cycles:verification", args=[cycle.pk, side]) in links
        assert shown == (side == own), (persona, side)


def test_when_both_have_submitted_the_comparison_is_offered_at_once(persona_client, project):
    cycle = cycle_in(project, "check")
    questions = list(current_version("verification").questions.all())
    for side in (Side.CITY, Side.PARTNER):
        verification = services.verification_save(
            actor=None, cycle=cycle, side=side, answers=all_answers(questions)
        )
        services.verification_submit(actor=None, verification=verification)
    client = persona_client("partner_member")
    html = client.get(reverse("cycles:detail", args=[cycle.pk])).content.decode()
    assert "比較できます" in html and "Neither" not in html
    assert reverse("cycles:comparison", args=[cycle.pk]) in html
    assert reverse("cycles:verification", args=[cycle.pk, "city"]) in html
    assert client.get(reverse("cycles:verification", args=[cycle.pk, "city"])).status_code == 200
