"""One next step, worded as a task and linked to where it is done (issue 17-2): the same on
the project's page, the staff home and the partner home."""

import pytest
from django.urls import reverse

from kyodo.projects import services
from kyodo.projects.next_step import next_step
from kyodo.projects.selectors import newest_of_department
from kyodo.projects.tests.conftest import answer_all
from kyodo.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def listed(project):
    """The project as the home pages' lists read it (annotations, partners' names)."""
    rows, _more = newest_of_department(project.department, 50)
    return next(row for row in rows if row.pk == project.pk)


def test_an_idea_starts_with_the_suitability_check(project):
    step = next_step(project)
    assert step.text == "協働の適否をチェックする"
    assert step.url == reverse("projects:check", args=[project.pk])


def test_a_form_with_open_checkpoints_asks_for_them_before_the_agreement(forming_project):
    """The 委託 sample showed 「協定書を作成する」 with none of its 11 checkpoints confirmed."""
    project = services.project_choose_form(actor=None, project=forming_project, form="itaku")
    for read in (project, listed(project)):
        step = next_step(read)
        assert step.text == "協働の形態のチェック項目を確認する"
        assert step.url == reverse("projects:form", args=[project.pk])
    assert listed(project).checkpoints_open == project.form_version.questions.count() > 0

    for question in project.form_version.questions.all():
        services.checkpoint_set(actor=None, project=project, question=question, state="confirmed")
    for read in (project, listed(project)):
        assert next_step(read).text == "協定書を作成する"
        assert next_step(read).url == reverse("projects:agreement", args=[project.pk])


def test_without_a_partner_the_step_is_to_register_one(department_a):
    project = answer_all(ProjectFactory(department=department_a))
    project = services.project_choose_form(actor=None, project=project, form="koen")
    for question in project.form_version.questions.all():
        services.checkpoint_set(actor=None, project=project, question=question, state="confirmed")
    assert next_step(listed(project)).text == "参加する団体を登録する"


def test_the_homes_and_the_page_show_the_same_linked_step(persona_client, forming_project):
    project = services.project_choose_form(actor=None, project=forming_project, form="itaku")
    url = reverse("projects:form", args=[project.pk])
    link = f'<a href="{url}">協働の形態のチェック項目を確認する</a>'
    for persona, page in (
        ("staff_a", reverse("accounts:staff_home")),
        ("partner_member", reverse("accounts:partner_home")),
        ("staff_a", reverse("projects:overview", args=[project.pk])),
    ):
        assert link in persona_client(persona).get(page).content.decode(), (persona, page)


def test_a_closed_project_has_no_next_step(project):
    project.status = "closed"
    assert next_step(project) is None


def test_all_checkpoints_are_confirmed_in_one_form(persona_client, forming_project):
    """Issue 17-1: one form with every checkpoint, not eleven buttons; a not-applicable one
    needs its reason, and what was chosen is kept when the form comes back."""
    project = services.project_choose_form(actor=None, project=forming_project, form="itaku")
    questions = list(project.form_version.questions.order_by("order"))
    client = persona_client("staff_a")
    page = reverse("projects:form", args=[project.pk])
    html = client.get(page).content.decode()
    assert html.count('action="' + reverse("projects:checkpoints", args=[project.pk])) == 1
    assert len(questions) >= 10  # 委託 has eleven
    url = reverse("projects:checkpoints", args=[project.pk])
    data = {f"state_{q.pk}": "confirmed" for q in questions}
    data[f"state_{questions[0].pk}"] = "not_applicable"
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "このポイントが該当しない理由を入力してください。" in html
    assert not project.checkpoints.exists()  # nothing recorded while one is wrong
    assert "協働の形態を選択してください" not in html  # the choice of form was not posted
    start = html.index(f'name="state_{questions[1].pk}" value="confirmed"')
    assert "checked" in html[start : html.index(">", start)]  # kept

    data[f"reason_{questions[0].pk}"] = "再委託は行わない事業のため"
    assert client.post(url, data).status_code == 302
    assert project.checkpoints.count() == len(questions)
    assert next_step(listed(project)).text != "協働の形態のチェック項目を確認する"


def test_a_partner_member_cannot_record_checkpoints(persona_client, forming_project):
    project = services.project_choose_form(actor=None, project=forming_project, form="itaku")
    question = project.form_version.questions.first()
    response = persona_client("partner_member").post(
        reverse("projects:checkpoints", args=[project.pk]), {f"state_{question.pk}": "confirmed"}
    )
    assert response.status_code in (403, 404)
    assert not project.checkpoints.exists()
