"""One next step, worded as a task and linked to where it is done (issue 17-2): the same on
the project's page, the staff home and the partner home."""

import pytest
from django.urls import reverse

from kyodo.projects import services
from kyodo.projects.next_step import next_step
from kyodo.projects.selectors import projects_of_department
from kyodo.projects.tests.conftest import answer_all
from kyodo.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def listed(project):
    """The project as the home pages' lists read it (annotations, prefetch)."""
    return projects_of_department(project.department).get(pk=project.pk)


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
