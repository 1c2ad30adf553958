"""Project pages: the staff list, and the workspace that both sides share as equals."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kyodo.core.permissions import get_object_for, permission_required
from kyodo.guideline.models import Checklist, CollaborationForm, Question
from kyodo.guideline.selectors import current_version
from kyodo.projects import selectors, services
from kyodo.projects.forms import (
    AgreementForm,
    CheckpointForm,
    ConsultationForm,
    CostLineForm,
    FormChoiceForm,
    ParticipationForm,
    ProjectFilterForm,
    ProjectForm,
    RoleLineForm,
    SuitabilityForm,
)
from kyodo.projects.models import (
    AgreedPoint,
    Agreement,
    AgreementDocument,
    CheckpointConfirmation,
    CostLine,
    Participation,
    Project,
    ProjectStatus,
    RoleLine,
    StatusChange,
    SuitabilityCheck,
)

TABS = [
    ("overview", gettext_lazy("Overview")),
    ("check", gettext_lazy("Suitability")),
    ("form", gettext_lazy("Form")),
    ("partners", gettext_lazy("Participating partners")),
    ("roles", gettext_lazy("Roles and costs")),
    ("consultations", gettext_lazy("Consultations")),
    ("agreement", gettext_lazy("Agreement")),
    ("history", gettext_lazy("History")),
]
# Moves a person starts with a button; the others follow from the check and the agreement.
MANUAL_TRANSITIONS = {
    ProjectStatus.IDEA: [ProjectStatus.ASSESSING],
    ProjectStatus.DECLINED: [ProjectStatus.ASSESSING],
    ProjectStatus.AGREED: [ProjectStatus.RUNNING],
    ProjectStatus.RUNNING: [ProjectStatus.CLOSED],
}


def _get_project(request, pk, **kwargs):
    if not request.user.is_authenticated:
        return None  # so that the decorator sends the visitor to log in
    return get_object_for(
        request.user,
        "projects.view_project",
        Project.objects.select_related("department", "plan_area", "form_version__checklist"),
        pk=pk,
    )


def project_view(perm="projects.view_project"):
    """Find the project (404 if the user may not see it), then check `perm` on it."""
    return permission_required(perm, get_object=_get_project)


def _apply_errors(form, error: ValidationError, current_lock_version=None) -> None:
    if isinstance(error, services.EditConflict) and current_lock_version is not None:
        # Keep what the person typed, but base the next save on the record as it is now: saving
        # again, after checking the other person's change, is a deliberate choice.
        form.data = form.data.copy()
        form.data[form.add_prefix("lock_version")] = current_lock_version
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _workspace(request, project, tab: str, **context):
    user = request.user
    context.update(
        project=project,
        tab=tab,
        tabs=[(name, str(label)) for name, label in TABS],
        can_edit=user.has_perm("projects.edit_workspace", project),
        can_decide=user.has_perm("projects.decide", project),
        unconfirmed=AgreedPoint.objects.filter(project=project).unconfirmed().count(),
    )
    return render(request, f"projects/{tab}.html", context)


# --- list and creation ----------------------------------------------------------------------


@permission_required("projects.list_projects")
def project_list(request):
    form = ProjectFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    projects = selectors.projects_for_list(
        request.user, **{k: v for k, v in filters.items() if v not in (None, "")}
    )
    return render(
        request,
        "projects/list.html",
        {
            "form": form,
            "projects": projects,
            "can_create": request.user.has_perm("projects.create_project"),
        },
    )


@permission_required("projects.create_project")
def project_create(request):
    initial = {"department": request.user.department_id}
    form = ProjectForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "lock_version"}
        try:
            project = services.project_create(actor=request.user, **data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The project has been created."))
            return redirect("projects:overview", pk=project.pk)
    return render(request, "projects/create.html", {"form": form})


# --- overview, plan and status --------------------------------------------------------------


@project_view()
def overview(request, pk):
    project = _get_project(request, pk)
    return _workspace(
        request,
        project,
        "overview",
        points=AgreedPoint.objects.filter(project=project).unconfirmed(),
        totals=selectors.cost_totals(project),
        participations=project.participations.select_related("partner"),
        transitions=[ProjectStatus(s) for s in MANUAL_TRANSITIONS.get(project.status, [])],
        next_step=selectors.next_step(project),
    )


def _plan_initial(project) -> dict:
    names = ["title", "local_issue", "purpose", "public_benefit", "beneficiaries"]
    initial = {name: getattr(project, name) for name in names}
    initial.update(
        department=project.department_id,
        plan_area=project.plan_area_id,
        fiscal_year_from=project.fiscal_year_from,
        fiscal_year_to=project.fiscal_year_to,
        budget=project.budget,
        lock_version=project.lock_version,
    )
    return initial


@project_view("projects.edit_workspace")
def edit(request, pk):
    project = _get_project(request, pk)
    can_move = request.user.has_perm("projects.decide", project)
    form = ProjectForm(
        request.POST or None, initial=_plan_initial(project), can_change_department=can_move
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        lock_version = data.pop("lock_version")
        try:
            services.project_update(
                actor=request.user, project=project, lock_version=lock_version, **data
            )
        except ValidationError as error:
            current = Project.objects.filter(pk=project.pk).values_list("lock_version", flat=True)
            _apply_errors(form, error, current.first())
        else:
            messages.success(request, _("The plan has been saved."))
            return redirect("projects:overview", pk=project.pk)
    return _workspace(request, project, "edit", form=form)


@require_POST
@project_view("projects.decide")
def transition(request, pk):
    project = _get_project(request, pk)
    try:
        services.project_transition(
            actor=request.user, project=project, to_status=request.POST.get("to", "")
        )
    except (ValidationError, ValueError, KeyError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("The status has been changed."))
    return redirect("projects:overview", pk=project.pk)


@project_view()
def history(request, pk):
    project = _get_project(request, pk)
    return _workspace(
        request,
        project,
        "history",
        changes=StatusChange.objects.filter(project=project).select_related("actor"),
        records=project.history.select_related("history_user")[:50],
    )


# --- suitability check and form -------------------------------------------------------------


@project_view()
def check(request, pk):
    project = _get_project(request, pk)
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
            _apply_errors(form, error)
        else:
            messages.success(request, _("The suitability check has been saved."))
            return redirect("projects:check", pk=project.pk)
    editable = project.status in (ProjectStatus.IDEA, ProjectStatus.ASSESSING)
    given = {a.question_id: a for a in existing.answers.all()} if existing else {}
    answer_rows = [(q, given.get(q.pk)) for q in version.questions.order_by("order")]
    return _workspace(
        request,
        project,
        "check",
        form=form,
        existing=existing,
        version=version,
        strengths_version=strengths,
        editable=editable,
        answer_rows=answer_rows,
    )


@project_view()
def form_choice(request, pk):
    project = _get_project(request, pk)
    form = FormChoiceForm(request.POST or None, initial={"form": project.form})
    if request.method == "POST" and form.is_valid():
        try:
            services.project_choose_form(
                actor=request.user, project=project, form=form.cleaned_data["form"]
            )
        except ValidationError as error:
            _apply_errors(form, error)
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
    confirmations = {
        c.question_id: c
        for c in CheckpointConfirmation.objects.filter(project=project).select_related(
            "confirmed_by"
        )
    }
    checkpoints = []
    if project.form_version_id:
        for question in project.form_version.questions.order_by("order"):
            checkpoints.append((question, confirmations.get(question.pk)))
    return _workspace(request, project, "form", form=form, choices=choices, checkpoints=checkpoints)


@require_POST
@project_view("projects.decide")
def checkpoint(request, pk, question_pk):
    project = _get_project(request, pk)
    question = Question.objects.filter(pk=question_pk).first()
    if question is None:
        raise Http404
    form = CheckpointForm(request.POST)
    if form.is_valid():
        try:
            services.checkpoint_set(
                actor=request.user,
                project=project,
                question=question,
                state=form.cleaned_data["state"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The checkpoint has been recorded."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("projects:form", pk=project.pk)


# --- partners -------------------------------------------------------------------------------


@project_view()
def partners(request, pk):
    project = _get_project(request, pk)
    form = ParticipationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.participation_add(actor=request.user, project=project, **form.cleaned_data)
        messages.success(request, _("The partner has been added."))
        return redirect("projects:partners", pk=project.pk)
    participations = project.participations.select_related("partner__partner_type")
    can_manage = request.user.has_perm("projects.manage_participants", project)
    return _workspace(
        request,
        project,
        "partners",
        form=form,
        participations=participations,
        can_manage=can_manage,
        suggestions=_partner_suggestions(project, participations) if can_manage else [],
    )


def _partner_suggestions(project, participations):
    """Partners whose activity fits the project's issue and purpose, not yet taking part."""
    from kyodo.partners.matching import match_partners

    taking_part = {participation.partner_id for participation in participations}
    query = " ".join([project.title, project.local_issue, project.purpose])
    return [
        match for match in match_partners(query, limit=10) if match.partner.pk not in taking_part
    ]


@require_POST
@project_view("projects.manage_participants")
def partner_remove(request, pk, participation_pk):
    project = _get_project(request, pk)
    participation = Participation.objects.filter(project=project, pk=participation_pk).first()
    if participation is None:
        raise Http404
    services.participation_remove(actor=request.user, participation=participation)
    messages.success(request, _("The partner has been removed from the project."))
    return redirect("projects:partners", pk=project.pk)


# --- roles and costs ------------------------------------------------------------------------


@project_view()
def roles(request, pk):
    project = _get_project(request, pk)
    kind = request.POST.get("kind")
    role_form = RoleLineForm(request.POST if kind == "role" else None, prefix="role")
    cost_form = CostLineForm(request.POST if kind == "cost" else None, prefix="cost")
    if request.method == "POST":
        form, add = {
            "role": (role_form, services.role_line_add),
            "cost": (cost_form, services.cost_line_add),
        }.get(kind, (None, None))
        if form is not None and form.is_valid():
            try:
                add(actor=request.user, project=project, **form.cleaned_data)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("The line has been added."))
                return redirect("projects:roles", pk=project.pk)
    return _workspace(
        request,
        project,
        "roles",
        role_form=role_form,
        cost_form=cost_form,
        role_lines=RoleLine.objects.filter(project=project),
        cost_lines=CostLine.objects.filter(project=project),
        totals=selectors.cost_totals(project),
    )


@require_POST
@project_view("projects.edit_workspace")
def line_delete(request, pk, kind, line_pk):
    project = _get_project(request, pk)
    model, delete = {
        "role": (RoleLine, services.role_line_delete),
        "cost": (CostLine, services.cost_line_delete),
    }.get(kind, (None, None))
    line = model.objects.filter(project=project, pk=line_pk).first() if model else None
    if line is None:
        raise Http404
    delete(actor=request.user, line=line)
    messages.success(request, _("The line has been deleted."))
    return redirect("projects:roles", pk=project.pk)


# --- consultations and agreed points --------------------------------------------------------


@project_view()
def consultations(request, pk):
    project = _get_project(request, pk)
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("points")
        services.consultation_add(
            actor=request.user, project=project, points=form.point_lines(), **data
        )
        messages.success(request, _("The consultation has been recorded."))
        return redirect("projects:consultations", pk=project.pk)
    return _workspace(
        request,
        project,
        "consultations",
        form=form,
        consultations=project.consultations.prefetch_related(
            Prefetch("points", queryset=AgreedPoint.objects.order_by("created_at"))
        ),
        points=AgreedPoint.objects.filter(project=project).select_related(
            "city_confirmed_by", "partner_confirmed_by"
        ),
        can_confirm_city=request.user.has_perm("projects.confirm_as_city", project),
        can_confirm_partner=request.user.has_perm("projects.confirm_as_partner", project),
    )


@require_POST
@project_view()
def point_confirm(request, pk, point_pk):
    project = _get_project(request, pk)
    point = AgreedPoint.objects.filter(project=project, pk=point_pk).select_related("project")
    point = point.first()
    if point is None:
        raise Http404
    side = request.POST.get("side")
    if side not in ("city", "partner"):
        raise Http404
    services.agreed_point_confirm(actor=request.user, point=point, side=side)
    messages.success(request, _("Your side's confirmation has been recorded."))
    return redirect("projects:consultations", pk=project.pk)


# --- agreement ------------------------------------------------------------------------------


@project_view()
def agreement(request, pk):
    project = _get_project(request, pk)
    existing = Agreement.objects.filter(project=project).first()
    initial = {"lock_version": existing.lock_version} if existing else {}
    form = AgreementForm(request.POST or None, instance=existing, initial=initial, project=project)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.agreement_save(
                actor=request.user,
                project=project,
                lock_version=form.cleaned_data.get("lock_version"),
                **data,
            )
        except ValidationError as error:
            current = Agreement.objects.filter(project=project).values_list(
                "lock_version", flat=True
            )
            _apply_errors(form, error, current.first())
        else:
            messages.success(request, _("The agreement has been saved."))
            return redirect("projects:agreement", pk=project.pk)
    documents = (
        AgreementDocument.objects.filter(agreement=existing)
        .select_related("generated_by")
        .defer("docx", "pdf")
        if existing
        else []
    )
    return _workspace(
        request,
        project,
        "agreement",
        form=form,
        agreement=existing,
        documents=documents,
        missing=selectors.agreement_missing(project) if existing else [],
    )


def _has_agreement(project) -> bool:
    return Agreement.objects.filter(project=project).exists()


@require_POST
@project_view("projects.edit_workspace")
def agreement_generate(request, pk):
    project = _get_project(request, pk)
    if not _has_agreement(project):
        raise Http404
    document = services.agreement_generate(actor=request.user, agreement=project.agreement)
    messages.success(
        request,
        _("Version %(number)s of the documents has been generated.") % {"number": document.number},
    )
    return redirect("projects:agreement", pk=project.pk)


@require_POST
@project_view("projects.decide")
def agreement_finalise(request, pk):
    project = _get_project(request, pk)
    if not _has_agreement(project):
        raise Http404
    try:
        services.agreement_finalise(actor=request.user, agreement=project.agreement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The agreement has been finalised."))
    return redirect("projects:agreement", pk=project.pk)


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@project_view()
def agreement_download(request, pk, number, fmt):
    project = _get_project(request, pk)
    document = AgreementDocument.objects.filter(agreement__project=project, number=number).first()
    if document is None or fmt not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(bytes(getattr(document, fmt)), content_type=CONTENT_TYPES[fmt])
    filename = f"agreement-v{number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
