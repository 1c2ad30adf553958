"""Every service and transition, allowed and refused."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kyodo.guideline.models import CollaborationForm
from kyodo.guideline.selectors import current_version
from kyodo.projects import services
from kyodo.projects.models import (
    AgreedPoint,
    Agreement,
    CheckpointState,
    Decision,
    Project,
    ProjectStatus,
    StatusChange,
)
from kyodo.projects.selectors import agreement_missing, cost_totals
from kyodo.projects.tests.conftest import answer_all

pytestmark = pytest.mark.django_db


def refresh(project):
    return Project.objects.get(pk=project.pk)


def test_staff_creates_a_project_from_a_local_issue(staff_a, department_a):
    project = services.project_create(
        actor=staff_a,
        title="花いっぱい運動",
        department=department_a,
        local_issue="花壇が荒れている",
    )
    assert project.status == ProjectStatus.IDEA
    assert StatusChange.objects.filter(project=project, to_status="idea").exists()


@pytest.mark.parametrize("persona", ["administrator", "partner_member", "evaluator", "outsider"])
def test_others_cannot_create_projects(request, persona, department_a):
    with pytest.raises(PermissionDenied):
        services.project_create(
            actor=request.getfixturevalue(persona), title="x", department=department_a
        )


def test_plan_validation(staff_a, department_a):
    with pytest.raises(ValidationError) as error:
        services.project_create(
            actor=staff_a,
            title="x",
            department=department_a,
            fiscal_year_from=2027,
            fiscal_year_to=2026,
        )
    assert "fiscal_year_to" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.project_create(actor=staff_a, title="x", department=department_a, budget=-1)
    assert "budget" in error.value.message_dict


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("idea", "forming"),
        ("idea", "agreed"),
        ("idea", "declined"),
        ("assessing", "running"),
        ("declined", "forming"),
        ("agreed", "closed"),
        ("closed", "running"),
        ("running", "idea"),
    ],
)
def test_forbidden_transitions_are_refused_with_the_reason(coordinator, project, start, target):
    Project.objects.filter(pk=project.pk).update(status=start)
    with pytest.raises(services.TransitionRefused) as error:
        services.project_transition(actor=coordinator, project=project, to_status=target)
    assert error.value.messages


def test_forming_needs_a_completed_check_that_says_proceed(staff_a, project):
    services.project_transition(actor=staff_a, project=project, to_status="assessing")
    with pytest.raises(services.TransitionRefused) as error:
        services.project_transition(actor=staff_a, project=project, to_status="forming")
    assert error.value.code == "guard"


def test_the_check_message_is_in_japanese(staff_a, project, settings):
    from django.utils import translation

    services.project_transition(actor=staff_a, project=project, to_status="assessing")
    with translation.override("ja"), pytest.raises(services.TransitionRefused) as error:
        services.project_transition(actor=staff_a, project=project, to_status="forming")
    assert "適合性チェック" in error.value.messages[0]


def test_allowed_transitions_make_a_timeline(staff_a, project):
    services.project_transition(actor=staff_a, project=project, to_status="assessing")
    project = answer_all(project)
    assert project.status == ProjectStatus.FORMING
    steps = list(StatusChange.objects.filter(project=project).values_list("to_status", flat=True))
    assert steps == ["assessing", "forming"]


@pytest.mark.parametrize("persona", ["staff_b", "partner_member", "evaluator", "outsider"])
def test_only_the_city_side_in_charge_moves_the_status(request, project, persona):
    with pytest.raises(PermissionDenied):
        services.project_transition(
            actor=request.getfixturevalue(persona), project=project, to_status="assessing"
        )


def test_declining_needs_an_honest_reason(staff_a, project):
    with pytest.raises(ValidationError) as error:
        answer_all(project, Decision.DECLINE, reason=" ")
    assert "reason" in error.value.message_dict
    project = answer_all(project, Decision.DECLINE, reason="市が責任を持って対応すべき事業のため")
    assert project.status == ProjectStatus.DECLINED
    assert StatusChange.objects.get(project=project, to_status="declined").reason


def test_proceeding_needs_every_answer(staff_a, project):
    first = current_version("suitability").questions.first()
    with pytest.raises(ValidationError) as error:
        services.suitability_check_save(
            actor=staff_a, project=project, answers={first.pk: ("yes", "")}, decision="proceed"
        )
    assert "decision" in error.value.message_dict


def test_strengths_are_recorded(staff_a, project):
    strengths = list(current_version("strengths").questions.all()[:2])
    check = services.suitability_check_save(
        actor=staff_a, project=project, answers={}, strengths=[s.pk for s in strengths]
    )
    assert set(check.strengths.all()) == set(strengths)
    assert refresh(project).status == ProjectStatus.ASSESSING


def test_choosing_a_form_brings_its_checkpoints(staff_a, forming_project):
    project = services.project_choose_form(actor=staff_a, project=forming_project, form="itaku")
    assert project.form_version.checklist.key == "form-itaku"
    question = project.form_version.questions.first()
    with pytest.raises(ValidationError):
        services.checkpoint_set(
            actor=staff_a, project=project, question=question, state="not_applicable"
        )
    services.checkpoint_set(
        actor=staff_a, project=project, question=question, state="not_applicable", reason="小規模"
    )
    other = current_version("form-hojo").questions.first()
    with pytest.raises(ValidationError):
        services.checkpoint_set(actor=staff_a, project=project, question=other, state="confirmed")
    with pytest.raises(ValidationError):
        services.project_choose_form(actor=staff_a, project=project, form="nonsense")


def test_costs_refuse_negative_and_non_integer_amounts(partner_member, project):
    for amount in (-1, 1.5, "100", True):
        with pytest.raises(ValidationError) as error:
            services.cost_line_add(
                actor=partner_member, project=project, item="保険", amount=amount, bearer="city"
            )
        assert "amount" in error.value.message_dict
    services.cost_line_add(
        actor=partner_member, project=project, item="保険", amount=12600, bearer="partner"
    )
    services.cost_line_add(
        actor=partner_member, project=project, item="袋", amount=48000, bearer="city"
    )
    assert cost_totals(project) == {"city": 48000, "partner": 12600, "all": 60600}


def test_partner_member_is_an_equal_in_the_workspace(partner_member, project):
    line = services.role_line_add(
        actor=partner_member,
        project=project,
        task="受付",
        partner_parts={project.participations.get().pk: "当日の受付"},
    )
    assert [part.text for part in line.parts.all()] == ["当日の受付"]
    services.role_line_delete(actor=partner_member, line=line)
    services.consultation_add(
        actor=partner_member,
        project=project,
        held_on=date(2026, 4, 1),
        city_attendees="課長",
        partner_attendees="代表",
        agenda="役割",
        points=["雨天は順延", " "],
    )
    assert project.agreed_points.count() == 1


@pytest.mark.parametrize("persona", ["staff_b", "other_partner_member", "evaluator", "outsider"])
def test_outsiders_cannot_edit_the_workspace(request, project, persona):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.role_line_add(actor=actor, project=project, task="x")
    with pytest.raises(PermissionDenied):
        services.agreed_point_add(actor=actor, project=project, text="x")


def test_a_point_is_agreed_only_when_both_sides_confirmed(staff_a, partner_member, project):
    point = services.agreed_point_add(
        actor=staff_a, project=project, text="「清掃区域」は歩道を含む"
    )
    services.agreed_point_confirm(actor=staff_a, point=point, side="city")
    assert not point.is_agreed
    assert AgreedPoint.objects.unconfirmed().count() == 1
    with pytest.raises(PermissionDenied):
        services.agreed_point_confirm(actor=staff_a, point=point, side="partner")
    with pytest.raises(PermissionDenied):
        services.agreed_point_confirm(actor=partner_member, point=point, side="city")
    services.agreed_point_confirm(actor=partner_member, point=point, side="partner")
    assert point.is_agreed
    assert AgreedPoint.objects.unconfirmed().count() == 0


def test_two_people_editing_at_once_do_not_overwrite_each_other(staff_a, partner_member, project):
    opened = project.lock_version
    services.project_update(
        actor=staff_a, project=refresh(project), lock_version=opened, purpose="市の案"
    )
    with pytest.raises(services.EditConflict):
        services.project_update(
            actor=partner_member, project=refresh(project), lock_version=opened, purpose="団体の案"
        )
    assert refresh(project).purpose == "市の案"


def test_partner_cannot_move_the_project_to_another_department(
    partner_member, project, department_b
):
    with pytest.raises(PermissionDenied):
        services.project_update(actor=partner_member, project=project, department=department_b)


AGREEMENT = {
    "valid_from": date(2026, 5, 1),
    "valid_until": date(2027, 3, 31),
    "city_signatory": "網走市長",
    "partner_signatory": "会長 浜辺 守",
}


def test_agreement_validity_period_is_checked(staff_a, project):
    with pytest.raises(ValidationError) as error:
        services.agreement_save(
            actor=staff_a, project=project, **{**AGREEMENT, "valid_until": date(2026, 4, 1)}
        )
    assert "valid_until" in error.value.message_dict


def test_itaku_needs_confidentiality_and_personal_data(staff_a, forming_project):
    project = services.project_choose_form(actor=staff_a, project=forming_project, form="itaku")
    with pytest.raises(ValidationError) as error:
        services.agreement_save(actor=staff_a, project=project, **AGREEMENT)
    assert set(error.value.message_dict) == {"confidentiality", "personal_data"}


def test_hojo_needs_the_end_of_the_term(staff_a, forming_project):
    project = services.project_choose_form(actor=staff_a, project=forming_project, form="hojo")
    with pytest.raises(ValidationError) as error:
        services.agreement_save(actor=staff_a, project=project, **AGREEMENT)
    assert set(error.value.message_dict) == {"term_end"}
    services.agreement_save(actor=staff_a, project=project, term_end=date(2029, 3, 31), **AGREEMENT)


def _ready(staff_a, partner_member, project, form=CollaborationForm.ITAKU):
    project = services.project_choose_form(actor=staff_a, project=project, form=form)
    for question in project.form_version.questions.all():
        services.checkpoint_set(
            actor=staff_a, project=project, question=question, state=CheckpointState.CONFIRMED
        )
    point = services.agreed_point_add(actor=staff_a, project=project, text="雨天は順延")
    services.agreed_point_confirm(actor=staff_a, point=point, side="city")
    agreement = services.agreement_save(
        actor=partner_member,
        project=project,
        confidentiality="業務上知り得た秘密を漏らしてはならない。",
        personal_data="個人情報は網走市個人情報保護条例に従い適正に取り扱う。",
        **AGREEMENT,
    )
    return project, point, agreement


def test_the_agreement_is_finalised_only_when_everything_is_complete(
    staff_a, partner_member, forming_project
):
    project, point, agreement = _ready(staff_a, partner_member, forming_project)
    with pytest.raises(services.TransitionRefused) as error:
        services.agreement_finalise(actor=staff_a, agreement=agreement)
    assert len(error.value.messages) == 2  # the unconfirmed point, no documents yet
    services.agreed_point_confirm(actor=partner_member, point=point, side="partner")
    document = services.agreement_generate(actor=partner_member, agreement=agreement)
    assert document.number == 1
    assert services.agreement_generate(actor=staff_a, agreement=agreement).number == 2
    assert agreement_missing(project) == []
    with pytest.raises(PermissionDenied):
        services.agreement_finalise(actor=partner_member, agreement=agreement)
    services.agreement_finalise(actor=staff_a, agreement=agreement)
    assert refresh(project).status == ProjectStatus.AGREED
    with pytest.raises(services.TransitionRefused):
        services.agreement_save(actor=staff_a, project=project, **AGREEMENT)
    services.project_transition(actor=staff_a, project=project, to_status="running")
    services.project_transition(actor=staff_a, project=project, to_status="closed")
    assert refresh(project).status == ProjectStatus.CLOSED


def test_agreed_needs_a_final_agreement(coordinator, forming_project):
    with pytest.raises(services.TransitionRefused):
        services.project_transition(actor=coordinator, project=forming_project, to_status="agreed")


def test_agreement_edit_conflict(staff_a, partner_member, project):
    agreement = services.agreement_save(actor=staff_a, project=project, **AGREEMENT)
    opened = agreement.lock_version
    services.agreement_save(
        actor=staff_a, project=project, lock_version=opened, rights="共有", **AGREEMENT
    )
    with pytest.raises(services.EditConflict):
        services.agreement_save(
            actor=partner_member, project=project, lock_version=opened, rights="団体", **AGREEMENT
        )
    assert Agreement.objects.get(project=project).rights == "共有"


def test_participation_remove(staff_a, project):
    participation = project.participations.get()
    services.participation_remove(actor=staff_a, participation=participation)
    assert not project.participations.exists()
