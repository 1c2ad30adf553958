"""Check: each side's verification, and the comparison."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.permissions import object_permission_required
from kyodo.cycles import selectors, services
from kyodo.cycles.forms import CorrectionForm, VerificationForm
from kyodo.cycles.models import Side, Verification
from kyodo.cycles.views.common import attempt, cycle_view, page, save_form

# The latest revision of a side's verification, with what the pages around it need.
LATEST_VERIFICATIONS = Verification.objects.select_related("cycle__project__department").order_by(
    "-revision"
)


@cycle_view()
def verification(request, cycle, side):
    if side not in Side.values:
        raise Http404
    user = request.user
    own_side = user.has_perm(f"cycles.verify_as_{side}", cycle)
    current = selectors.current_verification(cycle, side)
    submitted = selectors.submitted_verifications(cycle).get(side)
    # The other side's answers stay hidden until both have submitted: look like nothing here.
    if not own_side and not (submitted and user.has_perm("cycles.view_answers", submitted)):
        raise Http404
    if user.has_perm("cycles.save_verification", current or Verification(cycle=cycle, side=side)):
        return _verification_form(request, cycle, side, current)
    shown = current if own_side else submitted
    can_correct = shown is not None and user.has_perm("cycles.correct_verification", shown)
    return page(
        request,
        "cycles/verification.html",
        cycle.project,
        cycle=cycle,
        tab=f"verification_{side}",
        side=Side(side),
        verification=shown,
        rows=selectors.verification_rows(shown) if shown else [],
        correction_form=CorrectionForm() if can_correct else None,
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
    submit = request.POST.get("action") == "submit"
    done = (
        _("Your side's verification has been submitted.")
        if submit
        else _("The draft has been saved.")
    )

    def save(data):
        saved = services.verification_save(
            actor=request.user, cycle=cycle, side=side, answers=form.answers()
        )
        if submit:
            services.verification_submit(actor=request.user, verification=saved)

    response = save_form(
        request,
        form,
        save,
        done,
        reverse("cycles:verification", args=[cycle.pk, side]),
    )
    return response or page(
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
@object_permission_required("cycles.verify_own", LATEST_VERIFICATIONS, cycle_id="pk", side="side")
def verification_correct(request, latest):
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the verification is corrected."))
    else:
        attempt(
            request,
            lambda: services.verification_correct(
                actor=request.user, verification=latest, reason=form.cleaned_data["reason"]
            ),
            _("A correction has been opened; submit it when it is ready."),
        )
    return redirect("cycles:verification", pk=latest.cycle_id, side=latest.side)


@cycle_view()
def comparison(request, cycle):
    submitted = selectors.submitted_verifications(cycle)
    return page(
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
