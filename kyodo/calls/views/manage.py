"""Pages of coordinators: calls, their criteria, evaluators, ranking and decision."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.calls import selectors, services
from kyodo.calls.forms import (
    AssignEvaluatorForm,
    CallForm,
    CriterionFormSet,
    DecisionForm,
    ReceiptLookupForm,
)
from kyodo.calls.models import Call
from kyodo.calls.rules import CRITERIA_OPEN
from kyodo.calls.views.access import assignment_view, call_view
from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import permission_required


@permission_required("calls.manage_calls")
def manage_list(request):
    return render(
        request,
        "calls/manage_list.html",
        {"calls": selectors.calls_for_coordinators(), "lookup_form": ReceiptLookupForm()},
    )


@permission_required("calls.manage_calls")
def call_create(request):
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in services.CALL_FIELDS}
        try:
            call = services.call_create(
                actor=request.user, project=form.cleaned_data["project"], **data
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(
                request, _("The draft call has been created with the default criteria.")
            )
            return redirect("calls:manage_detail", call.pk)
    return render(request, "calls/call_form.html", {"form": form, "call": None})


@call_view("calls.manage_calls")
def call_edit(request, call):
    form = CallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in services.CALL_FIELDS}
        lock_version = form.cleaned_data.get("lock_version")
        try:
            services.call_update(actor=request.user, call=call, lock_version=lock_version, **data)
        except ValidationError as error:
            apply_service_error(form, error, current_lock_version(Call, pk=call.pk))
        else:
            messages.success(request, _("The call has been saved."))
            return redirect("calls:manage_detail", call.pk)
    return render(request, "calls/call_form.html", {"form": form, "call": call})


@call_view("calls.manage_calls")
def criteria_edit(request, call):
    if not request.user.has_perm("calls.edit_criteria", call):
        messages.error(request, CRITERIA_OPEN.message)
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


@call_view("calls.manage_calls")
def manage_detail(request, call):
    return render(
        request,
        "calls/manage_detail.html",
        {
            "call": call,
            "criteria": call.criteria.all(),
            "applications": selectors.submitted_applications_with_attachments(call),
            "draft_count": selectors.draft_count(call),
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


def _run(request, service, done, **arguments) -> None:
    """Call a service for a button; its refusal or `done` is the message on the next page."""
    try:
        service(actor=request.user, **arguments)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)


@require_POST
@call_view("calls.manage_calls")
def call_transition(request, call):
    action = TRANSITIONS.get(request.POST.get("action"))
    if action is None:
        raise Http404
    service, done = action
    _run(request, service, done, call=call)
    return redirect("calls:manage_detail", call.pk)


@require_POST
@call_view("calls.manage_calls")
def evaluator_assign(request, call):
    form = AssignEvaluatorForm(request.POST, call=call)
    if form.is_valid():
        evaluator = form.cleaned_data["evaluator"]
        done = _("The evaluator has been assigned.")
        _run(request, services.evaluator_assign, done, call=call, evaluator=evaluator)
    else:
        messages.error(request, _("Choose an evaluator."))
    return redirect("calls:manage_detail", call.pk)


@require_POST
@assignment_view("calls.manage_calls")
def evaluator_unassign(request, assignment):
    done = _("The evaluator has been removed from this call.")
    _run(request, services.evaluator_unassign, done, assignment=assignment)
    return redirect("calls:manage_detail", assignment.call_id)


@call_view("calls.manage_calls")
def ranking(request, call):
    criteria, rows = selectors.ranking(call)
    form = None
    if request.user.has_perm("calls.decide", call):
        submitted = selectors.submitted_applications(call)
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
                apply_service_error(form, error)
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
        application = selectors.application_by_receipt(number)
        if application is not None:
            return redirect("calls:application_detail", application.pk)
        form.add_error("number", _("No application has this receipt number."))
    return render(request, "calls/receipt_lookup.html", {"form": form})
