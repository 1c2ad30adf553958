from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.calls import selectors, services
from kyodo.calls.forms import (
    ApplicationForm,
    AssignEvaluatorForm,
    CallForm,
    ConflictForm,
    CriterionFormSet,
    DecisionForm,
    DisclosureForm,
    GrantForm,
    GrantReviewForm,
    ReceiptLookupForm,
    ScoreForm,
)
from kyodo.calls.models import (
    Application,
    ApplicationStatus,
    Attachment,
    Call,
    CallStatus,
    DisclosureStatus,
    EvaluatorAssignment,
    Grant,
    Score,
)
from kyodo.core.permissions import get_object_for, permission_required
from kyodo.portal.http import cacheable, page_meta


def _call(perm):
    def get(request, call_id, **kwargs):
        queryset = Call.objects.select_related("project__department")
        return get_object_for(request.user, perm, queryset, pk=call_id)

    return get


def _application(request, application_id, **kwargs):
    queryset = Application.objects.select_related("call__project", "partner")
    return get_object_for(request.user, "calls.view_application", queryset, pk=application_id)


def _assignment(request, assignment_id, **kwargs):
    queryset = EvaluatorAssignment.objects.select_related("call")
    return get_object_for(request.user, "calls.evaluate", queryset, pk=assignment_id)


def _error_messages(error: ValidationError) -> list[str]:
    return list(error.messages)


# --- Public -----------------------------------------------------------------------------------


def _public_calls_version(request, *args, **kwargs):
    # Newest change of any call, and which ones accept applications right now: a deadline
    # passing changes the page without changing any row.
    values = Call.objects.aggregate(newest=Max("updated_at"), count=Count("pk"))
    accepting = selectors.open_calls().prefetch_related(None).values_list("pk", flat=True)
    return (values["newest"], values["count"], list(accepting))


def _public_call_version(request, call_id, **kwargs):
    # The criteria are locked once a call is open, so the call's own row covers the page;
    # the clock decides whether applications are still accepted.
    row = Call.objects.filter(pk=call_id).values_list("updated_at", "status", "deadline").first()
    return (*row, timezone.now() <= row[2]) if row else None


@cacheable(_public_calls_version)
def public_list(request):
    return render(
        request,
        "calls/public_list.html",
        {
            "open_calls": selectors.open_calls(),
            "results": selectors.published_results()[:20],
            "meta": page_meta(
                request,
                _("Open calls"),
                _(
                    "The city looks for partners openly: each call publishes its criteria and "
                    "method in advance, and the result with its reason afterwards."
                ),
            ),
        },
    )


@cacheable(_public_call_version)
def public_detail(request, call_id):
    call = _call("calls.view_call")(request, call_id)
    accepting = call.status == CallStatus.OPEN and timezone.now() <= call.deadline
    return render(
        request,
        "calls/public_detail.html",
        {
            "call": call,
            "criteria": call.criteria.all(),
            "accepting": accepting,
            "can_apply": accepting and request.user.has_perm("calls.apply"),
            "meta": page_meta(request, call.title, call.purpose[:150], og_type="article"),
        },
    )


@cacheable(_public_call_version)
def public_result(request, call_id):
    call = _call("calls.view_result")(request, call_id)
    criteria, rows = selectors.public_result(call)
    title = _("Result: %(title)s") % {"title": call.title}
    return render(
        request,
        "calls/public_result.html",
        {
            "call": call,
            "criteria": criteria,
            "rows": rows,
            "meta": page_meta(request, title, call.decision_reason[:150], og_type="article"),
        },
    )


# --- Partner members ----------------------------------------------------------------------------


@permission_required("calls.apply")
def my_applications(request):
    return render(
        request,
        "calls/my_applications.html",
        {
            "applications": selectors.applications_of_member(request.user),
            "open_calls": selectors.open_calls(),
        },
    )


def _save_application(request, form, call, partner, application):
    """Save the draft, then the attachment, then submit if asked; on an error the draft that
    was typed is kept (saved when possible, and always shown again in the form)."""
    data = {k: form.cleaned_data[k] for k in services.APPLICATION_FIELDS}
    try:
        application = services.application_save_draft(
            actor=request.user, call=call, partner=partner, **data
        )
        if form.cleaned_data.get("attachment"):
            services.attachment_add(
                actor=request.user, application=application, upload=form.cleaned_data["attachment"]
            )
        if request.POST.get("action") == "submit":
            application = services.application_submit(actor=request.user, application=application)
            messages.success(
                request,
                _("Your application has been submitted. Receipt number: %(number)s")
                % {"number": application.receipt_number},
            )
        else:
            messages.success(request, _("Your draft has been saved."))
    except ValidationError as error:
        field = "attachment" if error.code in ("attachment_type", "attachment_size") else None
        for message in _error_messages(error):
            form.add_error(field, message)
        return application, False
    return application, True


@permission_required("calls.apply", get_object=_call("calls.view_call"))
def application_new(request, call_id):
    call = _call("calls.view_call")(request, call_id)
    organisations = selectors.member_organisations(request.user)
    existing = Application.objects.filter(call=call, partner__in=organisations).first()
    if existing is not None:
        return redirect("calls:application_detail", existing.pk)
    form = ApplicationForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        application, ok = _save_application(request, form, call, form.cleaned_data["partner"], None)
        if ok:
            return redirect("calls:application_detail", application.pk)
    return render(
        request,
        "calls/application_form.html",
        {"call": call, "form": form, "application": None, "editable": True},
    )


def _editable(user, application) -> bool:
    call = application.call
    return (
        user.has_perm("calls.edit_application", application)
        and application.status == ApplicationStatus.DRAFT
        and call.status == CallStatus.OPEN
        and timezone.now() <= call.deadline
    )


@permission_required("calls.view_application", get_object=_application)
def application_detail(request, application_id):
    application = _application(request, application_id)
    editable = _editable(request.user, application)
    form = None
    if request.user.has_perm("calls.edit_application", application):
        initial = {k: getattr(application, k) for k in services.APPLICATION_FIELDS}
        form = ApplicationForm(
            request.POST or None, request.FILES or None, initial=initial, fixed_partner=True
        )
        if request.method == "POST" and form.is_valid():
            application, ok = _save_application(
                request, form, application.call, application.partner, application
            )
            if ok:
                return redirect("calls:application_detail", application.pk)
            editable = True
    return render(
        request,
        "calls/application_form.html" if editable else "calls/application_detail.html",
        {
            "call": application.call,
            "application": application,
            "attachments": application.attachments.all(),
            "form": form,
            "editable": editable,
        },
    )


def _attachment(request, attachment_id, **kwargs):
    attachment = Attachment.objects.select_related("application__call", "application__partner")
    attachment = attachment.filter(pk=attachment_id).first()
    if attachment is None or not request.user.has_perm(
        "calls.view_application", attachment.application
    ):
        raise Http404
    return attachment


@permission_required(
    "calls.view_application",
    get_object=lambda r, attachment_id: _attachment(r, attachment_id).application,
)
def attachment_download(request, attachment_id):
    attachment = _attachment(request, attachment_id)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )


@require_POST
@permission_required(
    "calls.edit_application",
    get_object=lambda r, attachment_id: _attachment(r, attachment_id).application,
)
def attachment_delete(request, attachment_id):
    attachment = _attachment(request, attachment_id)
    try:
        services.attachment_remove(actor=request.user, attachment=attachment)
        messages.success(request, _("The attachment has been removed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("calls:application_detail", attachment.application_id)


# --- Coordinators -----------------------------------------------------------------------------


@permission_required("calls.manage_calls")
def manage_list(request):
    calls = (
        Call.objects.select_related("project__department")
        .annotate(
            submitted_count=Count(
                "applications", filter=~Q(applications__status=ApplicationStatus.DRAFT)
            )
        )
        .order_by("-created_at")
    )
    return render(
        request,
        "calls/manage_list.html",
        {"calls": calls, "lookup_form": ReceiptLookupForm()},
    )


@permission_required("calls.manage_calls")
def call_create(request):
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "project"}
        try:
            call = services.call_create(
                actor=request.user, project=form.cleaned_data["project"], **data
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, _("The draft call has been created with the default criteria.")
            )
            return redirect("calls:manage_detail", call.pk)
    return render(request, "calls/call_form.html", {"form": form, "call": None})


@permission_required("calls.manage_calls", get_object=_call("calls.manage_calls"))
def call_edit(request, call_id):
    call = _call("calls.manage_calls")(request, call_id)
    form = CallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in services.CALL_FIELDS}
        try:
            services.call_update(actor=request.user, call=Call.objects.get(pk=call.pk), **data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The call has been saved."))
            return redirect("calls:manage_detail", call.pk)
    return render(request, "calls/call_form.html", {"form": form, "call": call})


@permission_required("calls.manage_calls", get_object=_call("calls.manage_calls"))
def criteria_edit(request, call_id):
    call = _call("calls.manage_calls")(request, call_id)
    if call.criteria_locked:
        messages.error(request, _("The selection criteria are fixed once the call is open."))
        return redirect("calls:manage_detail", call.pk)
    initial = [
        {
            "kind": c.kind,
            "name": c.name,
            "description": c.description,
            "weight": c.weight,
            "max_score": c.max_score,
        }
        for c in call.criteria.all()
    ]
    formset = CriterionFormSet(request.POST or None, initial=initial, prefix="criteria")
    if request.method == "POST" and formset.is_valid():
        try:
            services.criteria_set(actor=request.user, call=call, criteria=formset.criteria())
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(request, _("The selection criteria have been saved."))
            return redirect("calls:manage_detail", call.pk)
    return render(request, "calls/criteria_form.html", {"call": call, "formset": formset})


@permission_required("calls.manage_calls", get_object=_call("calls.manage_calls"))
def manage_detail(request, call_id):
    call = _call("calls.manage_calls")(request, call_id)
    applications = (
        call.applications.exclude(status=ApplicationStatus.DRAFT)
        .select_related("partner")
        .annotate(attachment_count=Count("attachments"))
        .order_by("receipt_number")
    )
    return render(
        request,
        "calls/manage_detail.html",
        {
            "call": call,
            "criteria": call.criteria.all(),
            "applications": applications,
            "draft_count": call.applications.filter(status=ApplicationStatus.DRAFT).count(),
            "progress": selectors.evaluation_progress(call),
            "assign_form": AssignEvaluatorForm(call=call),
            "now": timezone.now(),
        },
    )


TRANSITIONS = {
    "open": (services.call_open, _("The call is now open and public.")),
    "close": (services.call_close, _("The call has been closed.")),
    "evaluate": (services.call_start_evaluation, _("The evaluation has started.")),
    "publish": (services.call_publish_result, _("The result has been published.")),
}


@require_POST
@permission_required("calls.manage_calls", get_object=_call("calls.manage_calls"))
def call_transition(request, call_id):
    call = _call("calls.manage_calls")(request, call_id)
    action = TRANSITIONS.get(request.POST.get("action"))
    if action is None:
        raise Http404
    service, done = action
    try:
        service(actor=request.user, call=call)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("calls:manage_detail", call.pk)


@require_POST
@permission_required("calls.manage_calls", get_object=_call("calls.manage_calls"))
def evaluator_assign(request, call_id):
    call = _call("calls.manage_calls")(request, call_id)
    form = AssignEvaluatorForm(request.POST, call=call)
    if form.is_valid():
        try:
            services.evaluator_assign(
                actor=request.user, call=call, evaluator=form.cleaned_data["evaluator"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The evaluator has been assigned."))
    else:
        messages.error(request, _("Choose an evaluator."))
    return redirect("calls:manage_detail", call.pk)


@require_POST
@permission_required("calls.manage_calls")
def evaluator_unassign(request, assignment_id):
    assignment = get_object_for(
        request.user,
        "calls.manage_calls",
        EvaluatorAssignment.objects.select_related("call"),
        pk=assignment_id,
    )
    try:
        services.evaluator_unassign(actor=request.user, assignment=assignment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The evaluator has been removed from this call."))
    return redirect("calls:manage_detail", assignment.call_id)


@permission_required("calls.manage_calls", get_object=_call("calls.manage_calls"))
def ranking(request, call_id):
    call = _call("calls.manage_calls")(request, call_id)
    criteria, rows = selectors.ranking(call)
    form = None
    if call.status == CallStatus.EVALUATING:
        submitted = call.applications.exclude(status=ApplicationStatus.DRAFT).select_related(
            "partner"
        )
        form = DecisionForm(request.POST or None, applications=submitted)
        if request.method == "POST" and form.is_valid():
            try:
                services.call_decide(
                    actor=request.user,
                    call=call,
                    selected=form.cleaned_data["selected"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("The decision has been recorded."))
                return redirect("calls:manage_detail", call.pk)
    return render(
        request,
        "calls/ranking.html",
        {"call": call, "criteria": criteria, "rows": rows, "form": form},
    )


@permission_required("calls.manage_calls")
def receipt_lookup(request):
    form = ReceiptLookupForm(request.GET or None)
    if form.is_valid():
        number = services.receipt_number_normalize(form.cleaned_data["number"])
        application = Application.objects.filter(receipt_number=number).first()
        if application is not None:
            return redirect("calls:application_detail", application.pk)
        form.add_error("number", _("No application has this receipt number."))
    return render(request, "calls/receipt_lookup.html", {"form": form})


@permission_required("calls.manage_grants")
def grant_list(request):
    form = GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = services.grant_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The grant has been recorded."))
            warned = selectors.grants_with_repeat_warnings(Grant.objects.filter(pk=grant.pk))
            if warned[0].repeat_warning:
                messages.warning(request, _repeat_message(warned[0]))
            return redirect("calls:grant_list")
    return render(
        request,
        "calls/grant_list.html",
        {
            "grants": selectors.grants_with_repeat_warnings(Grant.objects.all()),
            "unreviewed": selectors.grants_ended_without_review(),
            "form": form,
            "disclosure_choices": DisclosureStatus.choices,
        },
    )


def _repeat_message(grant) -> str:
    return _(
        "%(partner)s has received a subsidy for “%(purpose)s” in %(years)s consecutive fiscal "
        "years. The guideline asks that recipients do not become fixed."
    ) % {"partner": grant.partner.name, "purpose": grant.purpose, "years": grant.consecutive_years}


def _grant(request, grant_id, **kwargs):
    return get_object_for(
        request.user, "calls.manage_grants", Grant.objects.select_related("partner"), pk=grant_id
    )


@require_POST
@permission_required("calls.manage_grants", get_object=_grant)
def grant_review(request, grant_id):
    grant = _grant(request, grant_id)
    form = GrantReviewForm(request.POST)
    if form.is_valid():
        services.grant_review(actor=request.user, grant=grant, notes=form.cleaned_data["notes"])
        messages.success(request, _("The review has been recorded."))
    else:
        messages.error(request, _("Write what the review found."))
    return redirect("calls:grant_list")


@require_POST
@permission_required("calls.manage_grants", get_object=_grant)
def grant_disclosure(request, grant_id):
    grant = _grant(request, grant_id)
    form = DisclosureForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["disclosure_status"]
        services.grant_set_disclosure(actor=request.user, grant=grant, disclosure_status=status)
        messages.success(request, _("The disclosure status has been saved."))
    return redirect("calls:grant_list")


# --- Evaluators -------------------------------------------------------------------------------


@permission_required("calls.view_evaluations")
def evaluation_queue(request):
    return render(
        request,
        "calls/evaluation_queue.html",
        {"assignments": selectors.evaluator_queue(request.user)},
    )


@permission_required("calls.evaluate", get_object=_assignment)
def evaluation_detail(request, assignment_id):
    assignment = _assignment(request, assignment_id)
    call = assignment.call
    if request.method == "POST":
        try:
            services.evaluation_submit(actor=request.user, assignment=assignment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your scores have been submitted."))
        return redirect("calls:evaluation_detail", assignment.pk)
    declarations = dict(assignment.declarations.values_list("application_id", "has_conflict"))
    scored = set(assignment.scores.values_list("application_id", flat=True))
    applications = []
    if call.status in (CallStatus.EVALUATING, CallStatus.DECIDED, CallStatus.PUBLISHED):
        for application in (
            call.applications.exclude(status=ApplicationStatus.DRAFT)
            .select_related("partner")
            .order_by("receipt_number")
        ):
            application.declared = application.pk in declarations
            application.conflict = declarations.get(application.pk, False)
            application.scored = application.pk in scored
            applications.append(application)
    context = {"assignment": assignment, "call": call, "applications": applications}
    if assignment.submitted_at is not None:
        context["criteria"], context["rows"] = selectors.ranking(call)
    return render(request, "calls/evaluation_detail.html", context)


def _score_post(request, assignment, application, criteria, scores):
    """Handle the declaration or the scores; returns the forms to show again, or None."""
    if "has_conflict" in request.POST:
        form = ConflictForm(request.POST)
        if form.is_valid():
            services.conflict_declare(
                actor=request.user,
                assignment=assignment,
                application=application,
                **form.cleaned_data,
            )
            return None
        return form
    form = ScoreForm(request.POST, criteria=criteria, initial_scores=scores)
    if form.is_valid():
        services.scores_save(
            actor=request.user,
            assignment=assignment,
            application=application,
            values=form.values(),
            comments=form.comments(),
        )
        messages.success(request, _("Your scores have been saved."))
        return None
    return form


@permission_required("calls.evaluate", get_object=_assignment)
def evaluation_application(request, assignment_id, application_id):
    assignment = _assignment(request, assignment_id)
    application = _application(request, application_id)
    if application.call_id != assignment.call_id:
        raise Http404
    criteria = list(assignment.call.criteria.all())
    scores = {s.criterion_id: s for s in assignment.scores.filter(application=application)}
    declaration = assignment.declarations.filter(application=application).first()
    form = None
    if request.method == "POST":
        try:
            form = _score_post(request, assignment, application, criteria, scores)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            form = None
        if form is None:
            return redirect("calls:evaluation_application", assignment.pk, application.pk)
    open_for_work = (
        assignment.call.status == CallStatus.EVALUATING and assignment.submitted_at is None
    )
    if form is None and open_for_work:
        if declaration is None:
            form = ConflictForm()
        elif not declaration.has_conflict:
            form = ScoreForm(criteria=criteria, initial_scores=scores)
    others = []
    if assignment.submitted_at is not None:
        # Blind scoring: the others' scores are shown only after one's own submission.
        others = (
            Score.objects.filter(application=application, assignment__submitted_at__isnull=False)
            .exclude(assignment=assignment)
            .select_related("assignment__evaluator", "criterion")
            .order_by("assignment__created_at", "criterion__sort_order")
        )
    return render(
        request,
        "calls/evaluation_application.html",
        {
            "assignment": assignment,
            "application": application,
            "attachments": application.attachments.all(),
            "declaration": declaration,
            "criteria": criteria,
            "my_scores": [(c, scores.get(c.pk)) for c in criteria],
            "form": form,
            "others": others,
        },
    )
