"""Every persona on every project page, bad input on the forms, and the pinned query counts."""

from datetime import date
from urllib.parse import quote

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.projects import services
from kyodo.projects.models import Project, ProjectStatus

pytestmark = pytest.mark.django_db

WORKSPACE_PAGES = [
    "overview",
    "history",
    "check",
    "form",
    "partners",
    "roles",
    "consultations",
    "agreement",
]
# Every persona, and a member of an organisation that does not take part.
ALL = [*PERSONAS, "other_partner_member"]
# The city side reads every project; a member of a participating organisation reads its own;
# everyone else gets a 404, as if the project did not exist.
VIEW = {"coordinator": 200, "staff_a": 200, "staff_b": 200, "partner_member": 200}
EDIT = {"coordinator": 200, "staff_a": 200, "staff_b": 403, "partner_member": 200}


def _expected(table, persona):
    if persona == "anonymous":
        return 302
    return table.get(persona, 404)


@pytest.mark.parametrize("page", WORKSPACE_PAGES)
@pytest.mark.parametrize("persona", ALL)
def test_workspace_pages_per_persona(persona_client, project, page, persona):
    response = persona_client(persona).get(reverse(f"projects:{page}", args=[project.pk]))
    assert response.status_code == _expected(VIEW, persona)


@pytest.mark.parametrize("persona", ALL)
def test_edit_page_per_persona(persona_client, project, persona):
    response = persona_client(persona).get(reverse("projects:edit", args=[project.pk]))
    assert response.status_code == _expected(EDIT, persona)


LIST = {"coordinator": 200, "staff_a": 200, "staff_b": 200}


@pytest.mark.parametrize("url_name", ["projects:list", "projects:create"])
@pytest.mark.parametrize("persona", ALL)
def test_list_and_create_per_persona(persona_client, project, url_name, persona):
    response = persona_client(persona).get(reverse(url_name))
    expected = 302 if persona == "anonymous" else LIST.get(persona, 403)
    assert response.status_code == expected


def test_partner_member_does_not_see_other_projects_in_their_panel(
    persona_client, project, department_a
):
    Project.objects.create(title="他の事業", department=department_a)
    response = persona_client("partner_member").get(reverse("accounts:partner_home"))
    assert project.title in response.content.decode()
    assert "他の事業" not in response.content.decode()


def test_staff_home_lists_my_projects_with_the_next_step(persona_client, project):
    response = persona_client("staff_a").get(reverse("accounts:staff_home"))
    content = response.content.decode()
    assert project.title in content
    assert "協働の適否をチェックする" in content


@pytest.mark.parametrize("persona", ["staff_b", "partner_member"])
def test_decisions_are_refused_to_others(persona_client, project, persona):
    response = persona_client(persona).post(
        reverse("projects:transition", args=[project.pk]), {"to": "assessing"}
    )
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.status == ProjectStatus.IDEA


def test_refused_transition_shows_the_reason(persona_client, project):
    client = persona_client("staff_a")
    client.post(reverse("projects:transition", args=[project.pk]), {"to": "assessing"})
    response = client.post(
        reverse("projects:transition", args=[project.pk]), {"to": "forming"}, follow=True
    )
    assert "適合性チェックが完了していません" in response.content.decode()
    project.refresh_from_db()
    assert project.status == ProjectStatus.ASSESSING


def test_staff_creates_a_project_with_full_width_input(persona_client, department_a):
    response = persona_client("staff_a").post(
        reverse("projects:create"),
        {
            "title": "花いっぱい運動",
            "local_issue": "花壇が荒れている",
            "department": department_a.pk,
            "fiscal_year_from": "２０２６",
            "budget": "１２０，０００円",
        },
    )
    project = Project.objects.get(title="花いっぱい運動")
    assert response.status_code == 302
    assert (project.budget, project.fiscal_year_from) == (120000, 2026)


@pytest.mark.parametrize(
    ("amount", "message"),
    [("-100", "0円以上"), ("1.5", "円単位の整数"), ("abc", "円単位の整数")],
)
def test_bad_amounts_are_refused_naming_the_field(persona_client, project, amount, message):
    response = persona_client("partner_member").post(
        reverse("projects:roles", args=[project.pk]),
        {"kind": "cost", "cost-item": "保険料", "cost-amount": amount, "cost-bearer": "partner"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert 'href="#id_cost-amount"' in content
    assert 'value="保険料"' in content  # the typed input is kept


def test_end_before_start_is_refused(persona_client, project):
    response = persona_client("staff_a").post(
        reverse("projects:agreement", args=[project.pk]),
        {
            "kind": "kyotei",
            "valid_from": "2026-05-01",
            "valid_until": "2026-04-01",
            "city_signatory": "網走市長",
            "partner_signatory": "会長",
        },
    )
    assert response.status_code == 200
    assert "有効期間の終わりは" in response.content.decode()


def test_missing_mandatory_clause_is_refused_naming_the_field(persona_client, forming_project):
    services.project_choose_form(actor=None, project=forming_project, form="itaku")
    response = persona_client("staff_a").post(
        reverse("projects:agreement", args=[forming_project.pk]),
        {
            "kind": "kyotei",
            "valid_from": "2026-05-01",
            "valid_until": "2027-03-31",
            "city_signatory": "網走市長",
            "partner_signatory": "会長",
        },
    )
    content = response.content.decode()
    assert 'href="#id_confidentiality"' in content
    assert 'href="#id_personal_data"' in content


def test_concurrent_edit_is_refused_and_the_input_kept(persona_client, project):
    client = persona_client("staff_a")
    opened = project.lock_version
    services.project_update(actor=None, project=project, purpose="先に保存された目的")
    response = client.post(
        reverse("projects:edit", args=[project.pk]),
        {
            "title": project.title,
            "local_issue": project.local_issue,
            "purpose": "後から保存しようとした目的",
            "department": project.department_id,
            "lock_version": opened,
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "他の人が保存しました" in content
    assert "後から保存しようとした目的" in content
    project.refresh_from_db()
    assert project.purpose == "先に保存された目的"
    # Saving again after seeing the message is deliberate, and goes through.
    assert f'name="lock_version" value="{project.lock_version}"' in content
    response = client.post(
        reverse("projects:edit", args=[project.pk]),
        {
            "title": project.title,
            "local_issue": project.local_issue,
            "purpose": "後から保存しようとした目的",
            "department": project.department_id,
            "lock_version": project.lock_version,
        },
    )
    assert response.status_code == 302


def test_partner_confirms_a_point_through_the_page(persona_client, project):
    point = services.agreed_point_add(actor=None, project=project, text="雨天は順延")
    client = persona_client("partner_member")
    response = client.post(
        reverse("projects:point_confirm", args=[project.pk, point.pk]), {"side": "partner"}
    )
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.partner_confirmed_at is not None
    response = client.post(
        reverse("projects:point_confirm", args=[project.pk, point.pk]), {"side": "city"}
    )
    assert response.status_code == 403


def test_documents_are_downloaded_only_by_those_who_see_the_project(persona_client, project):
    agreement = services.agreement_save(
        actor=None,
        project=project,
        valid_from=date(2026, 5, 1),
        valid_until=date(2027, 3, 31),
        city_signatory="網走市長",
        partner_signatory="会長",
    )
    services.agreement_generate(actor=None, agreement=agreement)
    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
        url = reverse("projects:agreement_download", args=[project.pk, 1, fmt])
        response = persona_client("partner_member").get(url)
        assert response.status_code == 200
        assert response.content.startswith(magic)
        # Named as the office files it (issue 17-3), with an ASCII name for old clients.
        disposition = response["Content-Disposition"]
        name = f"{agreement.get_kind_display()}_{project.title}_第1版.{fmt}"
        assert f'filename="agreement_v1.{fmt}"' in disposition
        assert f"filename*=UTF-8''{quote(name.replace(' ', '_'))}" in disposition
        assert persona_client("other_partner_member").get(url).status_code == 404


# --- query counts ---------------------------------------------------------------------------


def _grow(project, n):
    """Add n of everything a page lists."""
    from kyodo.partners.tests.factories import PartnerFactory

    for i in range(n):
        partner = PartnerFactory()
        services.participation_add(actor=None, project=project, partner=partner, role=f"役割{i}")
        services.role_line_add(actor=None, project=project, task=f"作業{i}")
        services.cost_line_add(
            actor=None, project=project, item=f"費目{i}", amount=1000 * i, bearer="city"
        )
        consultation = services.consultation_add(
            actor=None,
            project=project,
            held_on=date(2026, 4, 1 + i),
            city_attendees="課長",
            partner_attendees="代表",
            agenda=f"議題{i}",
            points=[f"合意{i}"],
        )
        assert consultation.points.count() == 1


# Queries per page for staff of the department in charge, whatever the amount of data.
PINNED = {
    "overview": 10,  # one: the dialogue issue it came from (engagement/sections.py)
    "history": 7,
    "check": 13,
    "form": 7,
    "partners": 21,  # matching: one index lookup per content word of the project text
    "roles": 9,  # the partners (one column each), lines, their parts, costs
    "consultations": 9,
    "agreement": 15,  # the model clauses of the form, and the partners (a signatory each)
    "edit": 7,
}


@pytest.mark.parametrize("page", list(PINNED))
def test_workspace_page_queries_are_pinned(
    persona_client, project, page, django_assert_num_queries
):
    client = persona_client("staff_a")
    url = reverse(f"projects:{page}", args=[project.pk])
    agreement = services.agreement_save(
        actor=None,
        project=project,
        valid_from=date(2026, 5, 1),
        valid_until=date(2027, 3, 31),
        city_signatory="網走市長",
        partner_signatory="会長",
    )
    client.get(url)  # the city is read once, then kept (kyodo.core.city)
    for size in (3, 30):
        services.agreement_generate(actor=None, agreement=agreement)
        _grow(project, size)
        with django_assert_num_queries(PINNED[page]):
            assert client.get(url).status_code == 200


def test_list_and_home_queries_are_pinned(
    persona_client, project, department_a, django_assert_num_queries
):
    staff = persona_client("staff_a")
    staff.get(reverse("projects:list"))  # the city is read once, then kept (kyodo.core.city)
    for size in (3, 30):
        for i in range(size):
            other = Project.objects.create(title=f"事業{size}-{i}", department=department_a)
            _grow(other, 2)
        # Just after a change: the roles, the filter's departments and the rows' departments
        # are read again (each kept until a record changes), the count, rows and partners.
        with django_assert_num_queries(8):
            staff.get(reverse("projects:list"))
        # panels of projects (the rows' department is the reader's: not read again), cycles
        # (their rows and reminders from one reading, the verifications as columns) and voices;
        # the roles, the person's row and the departments (the header names the reader's)
        # were read again by the list just before.
        with django_assert_num_queries(6):
            staff.get(reverse("accounts:staff_home"))
    assert Project.objects.filter(status=ProjectStatus.IDEA).count() == 3 + 30 + 1


def test_partner_pages_queries_are_pinned(persona_client, project, django_assert_num_queries):
    client = persona_client("partner_member")
    client.get(reverse("accounts:partner_home"))  # the city is read once, then kept
    for size in (3, 30):
        _grow(project, size)
        with django_assert_num_queries(12):  # the roles read again after the change
            client.get(reverse("projects:overview", args=[project.pk]))
        # panels of partners, projects, cycles, calls (the person and roles read just before)
        with django_assert_num_queries(9):
            client.get(reverse("accounts:partner_home"))


def test_an_old_answer_set_still_renders_after_the_checklist_is_revised(
    persona_client, project, coordinator
):
    from kyodo.guideline.models import Checklist
    from kyodo.guideline.services import checklist_revise
    from kyodo.projects.tests.conftest import answer_all

    answered = answer_all(project)
    checklist_revise(
        actor=coordinator,
        checklist=Checklist.objects.get(key="suitability"),
        questions=[{"text": "改訂後の新しい問い"}],
    )
    content = persona_client("staff_a").get(reverse("projects:check", args=[answered.pk]))
    content = content.content.decode()
    assert "市の課題と市民団体の活動で共通な目的があるか。" in content
    assert "改訂後の新しい問い" not in content
    fresh = Project.objects.create(title="新しい事業", department=answered.department)
    content = persona_client("staff_a").get(reverse("projects:check", args=[fresh.pk]))
    assert "改訂後の新しい問い" in content.content.decode()


def test_the_suitability_form_saves_and_declines_with_a_reason(persona_client, project):
    from kyodo.guideline.selectors import current_version

    client = persona_client("staff_a")
    url = reverse("projects:check", args=[project.pk])
    questions = list(current_version("suitability").questions.all())
    data = {f"answer_{q.pk}": "no" for q in questions}
    response = client.post(url, {**data, "decision": "decline", "reason": ""})
    assert response.status_code == 200
    assert 'href="#id_reason"' in response.content.decode()
    response = client.post(url, {**data, "decision": "decline", "reason": "市が担うべき業務のため"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == ProjectStatus.DECLINED


def test_choosing_the_form_shows_the_explanations_and_checkpoints(persona_client, forming_project):
    client = persona_client("staff_a")
    url = reverse("projects:form", args=[forming_project.pk])
    page = client.get(url).content.decode()
    assert "市が行う事務や事業を他の主体に委ねる活動のこと。" in page
    assert client.post(url, {"form": "itaku"}).status_code == 302
    forming_project.refresh_from_db()
    question = forming_project.form_version.questions.first()
    checkpoints = reverse("projects:checkpoints", args=[forming_project.pk])
    response = client.post(checkpoints, {f"state_{question.pk}": "not_applicable"})
    assert response.status_code == 200  # not applicable needs a reason; the choice is kept
    html = response.content.decode()
    assert "このポイントが該当しない理由を入力してください。" in html
    assert f'value="not_applicable" id="id_state_{question.pk}_1" checked' in html
    assert not forming_project.checkpoints.exists()
    assert client.post(checkpoints, {f"state_{question.pk}": "confirmed"}).status_code == 302
    assert forming_project.checkpoints.get().state == "confirmed"


def test_list_filters_and_search(persona_client, project, department_b, partner):
    abc = services.project_create(actor=None, title="ＡＢＣ講座", department=department_b)
    Project.objects.filter(pk=abc.pk).update(status="assessing")
    client = persona_client("coordinator")
    url = reverse("projects:list")
    content = client.get(url, {"q": "abc"}).content.decode()
    assert "ＡＢＣ講座" in content and project.title not in content
    content = client.get(url, {"status": "assessing"}).content.decode()
    assert "ＡＢＣ講座" in content and project.title not in content
    content = client.get(url, {"partner": partner.pk}).content.decode()
    assert project.title in content and "ＡＢＣ講座" not in content
    content = client.get(url, {"department": department_b.pk}).content.decode()
    assert "ＡＢＣ講座" in content and project.title not in content
    content = client.get(url, {"fiscal_year": "2099年"}).content.decode()
    assert client.get(url, {"fiscal_year": "2099年"}).status_code == 200


def test_partners_page_suggests_fitting_partners_and_adds_one(persona_client, project):
    from kyodo.partners import services as partner_services
    from kyodo.partners.tests.factories import PartnerFactory

    fitting = partner_services.partner_create(
        actor=None,
        data={
            "partner_type": PartnerFactory().partner_type,
            "name": "海岸清掃の会",
            "activity": "海岸の漂着ごみを拾い、環境学習を開いている",
        },
    )
    unrelated = partner_services.partner_create(
        actor=None,
        data={
            "partner_type": fitting.partner_type,
            "name": "将棋同好会",
            "activity": "将棋の対局",
        },
    )
    client = persona_client("staff_a")
    url = reverse("projects:partners", args=[project.pk])
    response = client.get(url)
    suggested = [match.partner for match in response.context["suggestions"]]
    assert fitting in suggested
    assert unrelated not in suggested
    # Partners already taking part are not suggested again.
    assert not set(suggested) & {p.partner for p in project.participations.all()}
    html = response.content.decode()
    assert "海岸清掃の会" in html
    assert "漂着" in html  # the matched words are the reason given
    assert f'name="partner" value="{fitting.pk}"' in html

    response = client.post(url, {"partner": fitting.pk, "role": "清掃の指導"})
    assert response.status_code == 302
    assert project.participations.filter(partner=fitting, role="清掃の指導").exists()
    response = client.get(url)
    assert fitting not in [match.partner for match in response.context["suggestions"]]


def test_partners_page_has_no_suggestions_for_readers(persona_client, project):
    response = persona_client("staff_b").get(reverse("projects:partners", args=[project.pk]))
    assert response.context["suggestions"] == []


def test_workspace_links_to_the_cycles(persona_client, project):
    client = persona_client("staff_a")
    overview = client.get(reverse("projects:overview", args=[project.pk])).content.decode()
    assert reverse("cycles:project", args=[project.pk]) in overview
    assert reverse("cycles:troubles", args=[project.pk]) in overview
    history = client.get(reverse("projects:history", args=[project.pk])).content.decode()
    assert reverse("cycles:project_history", args=[project.pk]) in history


def test_another_departments_staff_read_the_workspace_marked_read_only(persona_client, project):
    """Decided (issue 12): the city hall shares its work, so staff of another department read a
    project's workspace, but never change it, and the page says so."""
    url = reverse("projects:overview", args=[project.pk])
    html = persona_client("staff_b").get(url).content.decode()
    assert "閲覧のみ" in html
    assert reverse("projects:edit", args=[project.pk]) not in html
    assert "閲覧のみ" not in persona_client("staff_a").get(url).content.decode()
