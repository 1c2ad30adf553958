"""Check: each side's verification, and the comparison."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.cycles import selectors, services
from kyodo.cycles.forms import (
    CorrectionForm,
    VerificationForm,
)
from kyodo.cycles.models import (
    CycleStatus,
    Side,
    Verification,
)
from kyodo.cycles.views.common import (
    _apply_errors,
    _flash_error,
    _get_cycle,
    _page,
    cycle_view,
)

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
