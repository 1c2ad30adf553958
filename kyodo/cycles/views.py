"""Cycle pages inside the project workspace: plan, records, verification, comparison,
evaluation, trouble log and history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kyodo.core.permissions import get_object_for, permission_required
from kyodo.cycles import selectors, services
from kyodo.cycles.forms import (
    ActivityRecordForm,
    ActualsForm,
    BudgetLineForm,
    CorrectionForm,
    EvaluationForm,
    IncidentForm,
    IndicatorForm,
    PeriodForm,
    ScheduleForm,
    VerificationForm,
)
from kyodo.cycles.models import (
    ActivityRecord,
    Attachment,
    BudgetLine,
    Cycle,
    CycleStatus,
    Evaluation,
    EvaluationDecision,
    Incident,
    Indicator,
    ScheduleItem,
    Side,
    Verification,
)
from kyodo.projects.models import Project, ProjectStatus
from kyodo.projects.views import TABS as PROJECT_TABS

CYCLE_TABS = [
    ("detail", gettext_lazy("Plan and results")),
    ("records", gettext_lazy("Activity records")),
    ("verification_city", gettext_lazy("City's verification")),
    ("verification_partner", gettext_lazy("Partner's verification")),
    ("comparison", gettext_lazy("Comparison")),
    ("evaluation", gettext_lazy("Evaluation")),
    ("history", gettext_lazy("History")),
]
PLAN_LINES = {
    "indicator": (Indicator, IndicatorForm, services.indicator_add),
    "schedule": (ScheduleItem, ScheduleForm, services.schedule_item_add),
    "budget": (BudgetLine, BudgetLineForm, services.budget_line_add),
}


def _get_project(request, project_pk, **kwargs):
    if not request.user.is_authenticated:
        return None  # so that the decorator sends the visitor to log in
    cached = getattr(request, "_cycles_project", None)
    if cached is None or cached.pk != project_pk:
        cached = get_object_for(
            request.user,
            "cycles.view_cycles",
            Project.objects.select_related("department"),
            pk=project_pk,
        )
        request._cycles_project = cached
    return cached


def _get_cycle(request, pk, **kwargs):
    if not request.user.is_authenticated:
        return None
    cached = getattr(request, "_cycles_cycle", None)
    if cached is None or cached.pk != pk:
        cached = get_object_for(
            request.user,
            "cycles.view_cycles",
            Cycle.objects.select_related("project__department"),
            pk=pk,
        )
        request._cycles_cycle = cached
    return cached


def project_view(perm="cycles.view_cycles"):
    return permission_required(perm, get_object=_get_project)


def cycle_view(perm="cycles.view_cycles"):
    return permission_required(perm, get_object=_get_cycle)


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _flash_error(request, error) -> None:
    messages.error(request, " ".join(getattr(error, "messages", [str(error)])))


def _page(request, template, project, *, cycle=None, tab="", **context):
    """Render a cycle page inside the project workspace frame (its tabs, title, status)."""
    user = request.user
    context.update(
        project=project,
        cycle=cycle,
        tab="cycles",
        tabs=[(name, str(label)) for name, label in PROJECT_TABS],
        cycle_tab=tab,
        cycle_tabs=[(name, str(label)) for name, label in CYCLE_TABS],
        can_manage=cycle is not None and user.has_perm("cycles.manage_cycle", cycle),
        can_edit=user.has_perm("cycles.edit_plan", project),
    )
    return render(request, template, context)


# --- the project's cycles ------------------------------------------------------------------


@project_view()
def project_cycles(request, project_pk):
    project = _get_project(request, project_pk)
    cycles = list(
        Cycle.objects.filter(project=project).select_related("evaluation").order_by("number")
    )
    can_start = request.user.has_perm("cycles.start_cycle", project)
    form = PeriodForm(request.POST or None) if can_start else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            cycle = services.cycle_create(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The cycle has been started."))
            return redirect("cycles:detail", pk=cycle.pk)
    open_cycle = any(c.status != CycleStatus.DONE for c in cycles)
    return _page(
        request,
        "cycles/project.html",
        project,
        cycles=cycles,
        form=form,
        can_start=can_start and not open_cycle and project.status == ProjectStatus.RUNNING,
        statuses=CycleStatus.choices,
    )


# --- plan and results ----------------------------------------------------------------------


@cycle_view()
def detail(request, pk):
    cycle = _get_cycle(request, pk)
    can_edit_plan = (
        request.user.has_perm("cycles.edit_plan", cycle) and cycle.status == CycleStatus.PLAN
    )
    kind = request.POST.get("kind", "")
    forms = {
        "period": PeriodForm(
            request.POST if kind == "period" else None,
            prefix="period",
            initial={
                "period_start": cycle.period_start,
                "period_end": cycle.period_end,
                "fiscal_year": cycle.fiscal_year,
                "goals": cycle.goals,
            },
        ),
        **{
            name: form_class(request.POST if kind == name else None, prefix=name)
            for name, (_model, form_class, _add) in PLAN_LINES.items()
        },
    }
    if request.method == "POST" and can_edit_plan and kind in forms:
        response = _save_plan_part(request, cycle, kind, forms[kind])
        if response:
            return response
    return _page(
        request,
        "cycles/detail.html",
        cycle.project,
        cycle=cycle,
        tab="detail",
        forms=forms,
        can_edit_plan=can_edit_plan,
        indicators=selectors.indicator_rows(cycle),
        schedule=ScheduleItem.objects.filter(cycle=cycle),
        budget_lines=BudgetLine.objects.filter(cycle=cycle),
        budget=selectors.budget_summary(cycle),
        totals=selectors.activity_totals(cycle),
        next_moves=[CycleStatus(s) for s in sorted(services.TRANSITIONS[cycle.status])],
        can_record=cycle.status in services.RECORDING_PHASES
        and request.user.has_perm("cycles.record_activity", cycle),
    )


def _save_plan_part(request, cycle, kind, form):
    if not form.is_valid():
        return None
    try:
        if kind == "period":
            services.cycle_update_plan(actor=request.user, cycle=cycle, **form.cleaned_data)
        else:
            PLAN_LINES[kind][2](actor=request.user, cycle=cycle, **form.cleaned_data)
    except ValidationError as error:
        _apply_errors(form, error)
        return None
    messages.success(request, _("The plan has been saved."))
    return redirect("cycles:detail", pk=cycle.pk)


@require_POST
@cycle_view("cycles.edit_plan")
def line_delete(request, pk, kind, line_pk):
    cycle = _get_cycle(request, pk)
    model = PLAN_LINES.get(kind, (None,))[0]
    line = model.objects.filter(cycle=cycle, pk=line_pk).first() if model else None
    if line is None:
        raise Http404
    line.cycle = cycle
    try:
        services.plan_line_delete(actor=request.user, line=line)
    except ValidationError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The line has been deleted."))
    return redirect("cycles:detail", pk=cycle.pk)


@require_POST
@cycle_view("cycles.manage_cycle")
def transition(request, pk):
    cycle = _get_cycle(request, pk)
    try:
        services.cycle_transition(
            actor=request.user, cycle=cycle, to_status=request.POST.get("to", "")
        )
    except (ValidationError, ValueError) as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("The cycle has moved on."))
    return redirect("cycles:detail", pk=cycle.pk)


@cycle_view("cycles.record_activity")
def actuals(request, pk):
    cycle = _get_cycle(request, pk)
    form = ActualsForm(
        request.POST or None,
        indicators=Indicator.objects.filter(cycle=cycle),
        budget_lines=BudgetLine.objects.filter(cycle=cycle),
    )
    if request.method == "POST" and form.is_valid():
        indicator_values, budget_values = form.values()
        try:
            services.actuals_record(
                actor=request.user, cycle=cycle, indicators=indicator_values, budget=budget_values
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The actual values have been saved."))
            return redirect("cycles:detail", pk=cycle.pk)
    return _page(
        request,
        "cycles/actuals.html",
        cycle.project,
        cycle=cycle,
        tab="detail",
        form=form,
        open=cycle.status in services.RECORDING_PHASES,
    )


# --- do: activity records ------------------------------------------------------------------


@cycle_view()
def records(request, pk):
    cycle = _get_cycle(request, pk)
    can_record = cycle.status in services.RECORDING_PHASES and request.user.has_perm(
        "cycles.record_activity", cycle
    )
    form = ActivityRecordForm(request.POST or None, request.FILES or None) if can_record else None
    if request.method == "POST" and form is not None and form.is_valid():
        data = dict(form.cleaned_data)
        files = [(upload.name, upload.read()) for upload in data.pop("files")]
        try:
            services.activity_record_add(actor=request.user, cycle=cycle, files=files, **data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The activity has been recorded."))
            return redirect("cycles:records", pk=cycle.pk)
    return _page(
        request,
        "cycles/records.html",
        cycle.project,
        cycle=cycle,
        tab="records",
        form=form,
        records=ActivityRecord.objects.filter(cycle=cycle)
        .select_related("recorded_by")
        .prefetch_related("attachments"),
        totals=selectors.activity_totals(cycle),
    )


@cycle_view()
def attachment(request, pk, attachment_pk):
    cycle = _get_cycle(request, pk)
    file = Attachment.objects.filter(record__cycle=cycle, pk=attachment_pk).first()
    if file is None:
        raise Http404
    response = HttpResponse(bytes(file.content), content_type=file.content_type)
    # Served as a download so that an uploaded file can never run as a page of this site.
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + _quote(file.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


# --- check: verification ------------------------------------------------------------------


def _side_or_404(side: str) -> str:
    if side not in Side.values:
        raise Http404
    return side


@cycle_view()
def verification(request, pk, side):
    cycle = _get_cycle(request, pk)
    side = _side_or_404(side)
    user = request.user
    own_side = user.has_perm(f"cycles.verify_as_{side}", cycle)
    current = services.current_verification(cycle, side)
    submitted = selectors.submitted_verifications(cycle).get(side)
    # The other side's answers stay hidden until both have submitted: look like nothing here.
    if not own_side and not (submitted and user.has_perm("cycles.view_answers", submitted)):
        raise Http404
    editable = own_side and cycle.status == CycleStatus.CHECK
    if editable and (current is None or not current.is_submitted):
        return _verification_form(request, cycle, side, current)
    shown = current if own_side else submitted
    return _page(
        request,
        "cycles/verification.html",
        cycle.project,
        cycle=cycle,
        tab=f"verification_{side}",
        side=Side(side),
        verification=shown,
        rows=selectors.verification_rows(shown) if shown else [],
        correction_form=CorrectionForm() if editable and shown and shown.is_submitted else None,
        revisions=Verification.objects.filter(cycle=cycle, side=side).select_related("submitted_by")
        if own_side
        else [],
    )


def _verification_form(request, cycle, side, current):
    from kyodo.guideline.selectors import current_version

    version = current.version if current else current_version(services.VERIFICATION_CHECKLIST)
    answers = {a.question_id: a for a in current.answers.all()} if current else {}
    form = VerificationForm(
        request.POST or None, questions=version.questions.order_by("order"), answers=answers
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.verification_save(
                actor=request.user, cycle=cycle, side=side, answers=form.answers()
            )
            if request.POST.get("action") == "submit":
                services.verification_submit(actor=request.user, verification=saved)
                messages.success(request, _("Your side's verification has been submitted."))
            else:
                messages.success(request, _("The draft has been saved."))
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            return redirect("cycles:verification", pk=cycle.pk, side=side)
    return _page(
        request,
        "cycles/verification_form.html",
        cycle.project,
        cycle=cycle,
        tab=f"verification_{side}",
        side=Side(side),
        form=form,
        version=version,
        verification=current,
    )


@require_POST
@cycle_view()
def verification_correct(request, pk, side):
    cycle = _get_cycle(request, pk)
    side = _side_or_404(side)
    if not request.user.has_perm(f"cycles.verify_as_{side}", cycle):
        raise Http404
    current = services.current_verification(cycle, side)
    form = CorrectionForm(request.POST)
    if current is None or not form.is_valid():
        messages.error(request, _("Say why the verification is corrected."))
        return redirect("cycles:verification", pk=cycle.pk, side=side)
    try:
        services.verification_correct(
            actor=request.user, verification=current, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        _flash_error(request, error)
    else:
        messages.success(request, _("A correction has been opened; submit it when it is ready."))
    return redirect("cycles:verification", pk=cycle.pk, side=side)


@cycle_view()
def comparison(request, pk):
    cycle = _get_cycle(request, pk)
    submitted = selectors.submitted_verifications(cycle)
    return _page(
        request,
        "cycles/comparison.html",
        cycle.project,
        cycle=cycle,
        tab="comparison",
        groups=selectors.comparison(cycle),
        city_submitted=Side.CITY in submitted,
        partner_submitted=Side.PARTNER in submitted,
        indicators=selectors.indicator_rows(cycle),
        budget=selectors.budget_summary(cycle),
    )


# --- act: evaluation ----------------------------------------------------------------------


@cycle_view()
def evaluation(request, pk):
    cycle = _get_cycle(request, pk)
    existing = Evaluation.objects.filter(cycle=cycle).select_related("recorded_by").first()
    can_evaluate = (
        request.user.has_perm("cycles.evaluate", cycle) and cycle.status == CycleStatus.ACT
    )
    initial = {}
    if existing:
        initial = {
            name: getattr(existing, name)
            for name in ("reviewed_on", "attendees", "worked_well", "to_improve", "decision")
        }
    form = EvaluationForm(request.POST or None, initial=initial) if can_evaluate else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.evaluation_record(actor=request.user, cycle=cycle, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The evaluation has been recorded."))
            return redirect("cycles:evaluation", pk=cycle.pk)
    return _page(
        request,
        "cycles/evaluation.html",
        cycle.project,
        cycle=cycle,
        tab="evaluation",
        evaluation=existing,
        form=form,
        can_conclude=can_evaluate and existing is not None,
        ends=existing is not None and existing.decision == EvaluationDecision.END,
        next_cycle=Cycle.objects.filter(previous=cycle).first(),
    )


@require_POST
@cycle_view("cycles.evaluate")
def conclude(request, pk):
    cycle = _get_cycle(request, pk)
    try:
        if request.POST.get("action") == "end":
            services.cycle_end_project(actor=request.user, cycle=cycle)
            messages.success(request, _("The cycle and the project have been closed."))
            return redirect("cycles:project", project_pk=cycle.project_id)
        following = services.cycle_start_next(actor=request.user, cycle=cycle)
    except ValidationError as error:
        _flash_error(request, error)
        return redirect("cycles:evaluation", pk=cycle.pk)
    messages.success(request, _("The next cycle has been started from this one's plan."))
    return redirect("cycles:detail", pk=following.pk)


# --- history -------------------------------------------------------------------------------


@cycle_view()
def history(request, pk):
    cycle = _get_cycle(request, pk)
    from kyodo.cycles.history import cycle_history

    return _page(
        request,
        "cycles/history.html",
        cycle.project,
        cycle=cycle,
        tab="history",
        entries=cycle_history(cycle, request.user),
    )


@project_view()
def project_history(request, project_pk):
    project = _get_project(request, project_pk)
    from kyodo.cycles.history import project_cycle_history

    return _page(
        request,
        "cycles/history.html",
        project,
        entries=project_cycle_history(project, request.user),
    )


# --- trouble log ---------------------------------------------------------------------------


@project_view()
def troubles(request, project_pk):
    project = _get_project(request, project_pk)
    can_log = request.user.has_perm("cycles.log_trouble", project)
    form = IncidentForm(request.POST or None) if can_log else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.incident_record(actor=request.user, project=project, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The trouble has been recorded."))
            return redirect("cycles:troubles", project_pk=project.pk)
    return _page(
        request,
        "cycles/troubles.html",
        project,
        form=form,
        incidents=Incident.objects.filter(project=project).select_related("cycle", "recorded_by"),
    )


@project_view("cycles.log_trouble")
def trouble_edit(request, project_pk, incident_pk):
    project = _get_project(request, project_pk)
    incident = Incident.objects.filter(project=project, pk=incident_pk).first()
    if incident is None:
        raise Http404
    fields = services.INCIDENT_FIELDS
    form = IncidentForm(
        request.POST or None, initial={name: getattr(incident, name) for name in fields}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_update(actor=request.user, incident=incident, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The trouble record has been updated."))
            return redirect("cycles:troubles", project_pk=project.pk)
    return _page(request, "cycles/trouble_edit.html", project, form=form, incident=incident)
