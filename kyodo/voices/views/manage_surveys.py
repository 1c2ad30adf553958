"""The city's pages for surveys: build one from questions, publish, invite, close, export."""

from collections.abc import Iterator

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BinaryField, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.core.permissions import permission_required
from kyodo.voices import selectors, services
from kyodo.voices.forms import AddItemForm, InvitationForm, QuestionForm, ReviseForm, SurveyForm
from kyodo.voices.models import ExportStatus, QuestionVersion, SurveyExport, SurveyItem
from kyodo.voices.views.access import export_view, survey_view


@permission_required("voices.manage_surveys")
def manage_surveys(request):
    return render(
        request, "voices/manage/survey_list.html", {"surveys": selectors.surveys_for(request.user)}
    )


@permission_required("voices.manage_surveys")
def survey_create(request):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The survey has been created as a draft."))
            return redirect("voices:manage_survey", survey.pk)
    return render(
        request,
        "voices/manage/survey_form.html",
        {"form": form, "survey": None},
        status=400 if form.errors else 200,
    )


def latest_versions():
    """The newest version of each question, to add to a survey."""
    newest = (
        QuestionVersion.objects.filter(question=OuterRef("question"))
        .order_by("-number")
        .values("number")[:1]
    )
    return (
        QuestionVersion.objects.filter(number=Subquery(newest))
        .select_related("question")
        .order_by("question__code")
    )


@survey_view("voices.manage_survey")
def manage_survey(request, survey):
    user = request.user
    return render(
        request,
        "voices/manage/survey_detail.html",
        {
            "survey": survey,
            "items": list(survey.items.select_related("version__question")),
            "editable": user.has_perm("voices.edit_survey", survey),
            "closable": user.has_perm("voices.close_survey", survey),
            "item_form": AddItemForm(versions=latest_versions()),
            "question_form": QuestionForm(),
            "invitation_form": InvitationForm(),
            "response_count": survey.responses.count(),
            "invited": survey.invitations.count(),
            "exports": list(survey.exports.defer("content")[:5]),
        },
    )


@survey_view("voices.edit_survey", see="voices.manage_survey")
def survey_edit(request, survey):
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_update(actor=request.user, survey=survey, **form.cleaned_data)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The survey has been saved."))
            return redirect("voices:manage_survey", survey.pk)
    return render(
        request,
        "voices/manage/survey_form.html",
        {"form": form, "survey": survey},
        status=400 if form.errors else 200,
    )


@survey_view("voices.edit_survey", see="voices.manage_survey")
def survey_question(request, survey):
    """Add a question to the draft: an existing one (its newest version) or a new one."""
    if "code" in request.POST:
        form = QuestionForm(request.POST)
        if form.is_valid():
            try:
                _create_and_add(request.user, survey, form)
            except ValidationError as error:
                apply_service_error(form, error)
    else:
        form = AddItemForm(request.POST or None, versions=latest_versions())
        if form.is_valid():
            try:
                services.survey_add_item(actor=request.user, survey=survey, **form.cleaned_data)
            except ValidationError as error:
                apply_service_error(form, error)
    if request.method == "POST" and form.is_bound and not form.errors:
        messages.success(request, _("The question has been added."))
        return redirect("voices:manage_survey", survey.pk)
    return render(
        request,
        "voices/manage/question_form.html",
        {"survey": survey, "form": form},
        status=400 if form.is_bound else 200,
    )


@transaction.atomic
def _create_and_add(user, survey, form) -> None:
    """A new question and its place in the survey: both or neither."""
    version = services.question_create(
        actor=user,
        code=form.cleaned_data["code"],
        department=survey.department,
        **form.version_fields(),
    )
    services.survey_add_item(
        actor=user, survey=survey, version=version, required=form.cleaned_data["required"]
    )


@survey_view("voices.edit_survey", see="voices.manage_survey")
def survey_item_revise(request, survey, item_id):
    """Reword a question: a new version of it, kept under the same code."""
    item = SurveyItem.objects.filter(survey=survey, pk=item_id).select_related("version").first()
    if item is None:
        raise Http404
    version = item.version
    initial = {
        "text": version.text,
        "kind": version.kind,
        "choices": "\n".join(version.choices),
        "has_other": version.has_other,
    }
    form = ReviseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_item_revise(actor=request.user, item=item, **form.version_fields())
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("A new version of the question is asked in this survey."))
            return redirect("voices:manage_survey", survey.pk)
    return render(
        request,
        "voices/manage/question_form.html",
        {"survey": survey, "form": form, "revising": item},
        status=400 if form.errors else 200,
    )


@require_POST
@survey_view("voices.manage_survey")
def survey_item_remove(request, survey, item_id):
    item = SurveyItem.objects.filter(survey=survey, pk=item_id).first()
    if item is not None:
        try:
            services.survey_remove_item(actor=request.user, item=item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("voices:manage_survey", survey.pk)


STEPS = {
    "publish": (services.survey_publish, _("The survey has been published.")),
    "close": (services.survey_close, _("The survey has been closed.")),
}


@require_POST
@survey_view("voices.manage_survey")
def survey_step(request, survey):
    step = STEPS.get(request.POST.get("step", ""))
    if step is None:
        messages.error(request, _("Unknown step."))
        return redirect("voices:manage_survey", survey.pk)
    service, done = step
    try:
        service(actor=request.user, survey=survey)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("voices:manage_survey", survey.pk)


@require_POST
@survey_view("voices.close_survey", see="voices.manage_survey")
def survey_invite(request, survey):
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            sent = services.invitations_send(
                actor=request.user, survey=survey, emails=form.cleaned_data["emails"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(count)s invitation(s) sent.") % {"count": sent})
    else:
        messages.error(request, " ".join(form.errors["emails"]))
    return redirect("voices:manage_survey", survey.pk)


@require_POST
@survey_view("voices.manage_survey")
def export_request(request, survey):
    export = services.survey_export_request(actor=request.user, survey=survey)
    return redirect("voices:export_status", export.pk)


@export_view("voices.view_export")
def export_status(request, export):
    """The export's page: its progress region is polled by the page's script (data-poll); a
    timed refresh only without JavaScript (<noscript>), since a timed refresh fails WCAG 2.2.1."""
    return render(request, "voices/manage/export_status.html", {"export": export})


@export_view("voices.view_export")
def export_progress(request, export):
    """The progress fragment the export's page polls."""
    return render(request, "voices/manage/_export_status.html", {"export": export})


EXPORT_PIECE = 1024 * 1024


def _stored_pieces(export_id, size: int) -> Iterator[bytes]:
    """The stored workbook read from the database a mebibyte at a time (SUBSTR of the
    binary column), so that a download never holds the whole file in memory."""
    exports = SurveyExport.objects.filter(pk=export_id)
    for start in range(1, size + 1, EXPORT_PIECE):
        piece = Substr("content", start, EXPORT_PIECE, output_field=BinaryField())
        yield bytes(exports.values_list(piece, flat=True).get())


@export_view("voices.view_export")
def export_download(request, export):
    if export.status != ExportStatus.DONE:
        return redirect("voices:export_status", export.pk)
    exports = SurveyExport.objects.filter(pk=export.pk)
    size = exports.values_list(Length("content"), flat=True).get() or 0
    response = StreamingHttpResponse(
        _stored_pieces(export.pk, size),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Length"] = size
    response["Content-Disposition"] = f'attachment; filename="survey-{export.survey_id}.xlsx"'
    return response
