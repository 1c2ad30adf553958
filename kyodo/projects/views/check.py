"""The suitability check (§4) and the form of collaboration with its checkpoints."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kyodo.core.forms import apply_service_error
from kyodo.guideline.models import Checklist, CollaborationForm
from kyodo.guideline.selectors import current_version
from kyodo.projects import services
from kyodo.projects.forms import CheckpointsForm, FormChoiceForm, SuitabilityForm
from kyodo.projects.models import CheckpointConfirmation, SuitabilityCheck
from kyodo.projects.suitability import verdict
from kyodo.projects.views.workspace import project_view, render_workspace


@project_view()
def check(request, project):
    existing = (
        SuitabilityCheck.objects.filter(project=project)
        .select_related("version", "strengths_version", "decided_by")
        .prefetch_related("answers", "strengths")
        .first()
    )
    # An answered check keeps the version it answered, even after the checklist was revised.
    version = existing.version if existing else current_version("suitability")
    strengths = existing.strengths_version if existing else current_version("strengths")
    form = SuitabilityForm(
        request.POST or None,
        questions=version.questions.order_by("order"),
        strengths=strengths.questions.order_by("order"),
        check=existing,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.suitability_check_save(
                actor=request.user,
                project=project,
                answers=form.answers(),
                strengths=[uuid.UUID(s) for s in form.cleaned_data["strengths"]],
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The suitability check has been saved."))
            return redirect("projects:check", pk=project.pk)
    given = {a.question_id: a for a in existing.answers.all()} if existing else {}
    questions = list(version.questions.order_by("order"))
    answer_rows = [(q, given.get(q.pk)) for q in questions]
    weighed = verdict(questions, {pk: answer.answer for pk, answer in given.items()})
    return render_workspace(
        request,
        project,
        "check",
        form=form,
        existing=existing,
        version=version,
        strengths_version=strengths,
        can_answer_check=request.user.has_perm("projects.answer_check", project),
        answer_rows=answer_rows,
        verdict=weighed if given else None,
    )


def _confirmations(project) -> dict:
    confirmed = CheckpointConfirmation.objects.filter(project=project).select_related(
        "confirmed_by"
    )
    return {confirmation.question_id: confirmation for confirmation in confirmed}


@project_view()
def form_choice(request, project):
    return _form_page(request, project)


def _form_page(request, project, checkpoints_form=None):
    # A checkpoints form coming back with its errors is not a choice of form.
    posted = request.POST if checkpoints_form is None else None
    form = FormChoiceForm(posted or None, initial={"form": project.form})
    if posted and form.is_valid():
        try:
            services.project_choose_form(
                actor=request.user, project=project, form=form.cleaned_data["form"]
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The form of collaboration has been chosen."))
            return redirect("projects:form", pk=project.pk)
    explanations = {
        c.key: c for c in Checklist.objects.filter(kind="form").only("key", "description")
    }
    choices = [
        (value, label, explanations.get(CollaborationForm.checklist_key(value)))
        for value, label in CollaborationForm.choices
    ]
    confirmations = _confirmations(project)
    questions = (
        list(project.form_version.questions.order_by("order")) if project.form_version_id else []
    )
    return render_workspace(
        request,
        project,
        "form",
        form=form,
        choices=choices,
        checkpoints=[(question, confirmations.get(question.pk)) for question in questions],
        checkpoints_form=checkpoints_form
        or (
            CheckpointsForm(questions=questions, confirmations=confirmations) if questions else None
        ),
    )


@project_view("projects.decide")
def checkpoints(request, project):
    """All the form's checkpoints in one form; what was chosen is kept when it comes back."""
    if request.method != "POST":
        return redirect("projects:form", pk=project.pk)
    if not project.form_version_id:
        raise Http404
    questions = list(project.form_version.questions.order_by("order"))
    form = CheckpointsForm(request.POST, questions=questions, confirmations=_confirmations(project))
    if form.is_valid():
        try:
            count = services.checkpoints_set(
                actor=request.user, project=project, states=form.states()
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(count)d checkpoints have been recorded.") % {"count": count},
            )
            return redirect("projects:form", pk=project.pk)
    return _form_page(request, project, checkpoints_form=form)
