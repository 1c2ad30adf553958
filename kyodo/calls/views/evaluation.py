"""Pages of evaluators: their queue, a call's applications, declaring and scoring."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyodo.calls import selectors, services
from kyodo.calls.forms import ConflictForm, ScoreForm
from kyodo.calls.models import Application
from kyodo.calls.rules import others_scores_visible_on
from kyodo.calls.views.access import assignment_view
from kyodo.core.permissions import get_object_for, permission_required


@permission_required("calls.view_evaluations")
def evaluation_queue(request):
    return render(
        request,
        "calls/evaluation_queue.html",
        {"assignments": selectors.evaluator_queue(request.user)},
    )


@assignment_view("calls.evaluate")
def evaluation_detail(request, assignment):
    if request.method == "POST":
        try:
            services.evaluation_submit(actor=request.user, assignment=assignment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your scores have been submitted."))
        return redirect("calls:evaluation_detail", assignment.pk)
    call = assignment.call
    context = {
        "assignment": assignment,
        "call": call,
        "applications": selectors.applications_for_evaluator(assignment),
    }
    if request.user.has_perm("calls.view_other_scores", assignment):
        scored = others_scores_visible_on(context["applications"])
        criteria, rows = selectors.ranking(call)
        context["criteria"] = criteria
        context["rows"] = [row for row in rows if row.application.pk in scored]
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


def _blank_form(request, assignment, declaration, criteria, scores):
    """The form for the next step of the evaluator's work on an application, if any."""
    if not request.user.has_perm("calls.score", assignment):
        return None
    if declaration is None:
        return ConflictForm()
    if not declaration.has_conflict:
        return ScoreForm(criteria=criteria, initial_scores=scores)
    return None


@assignment_view("calls.evaluate")
def evaluation_application(request, assignment, application_id):
    application = get_object_for(
        request.user,
        "calls.view_application",
        Application.objects.select_related("call", "partner"),
        pk=application_id,
        call=assignment.call_id,
    )
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
    form = form or _blank_form(request, assignment, declaration, criteria, scores)
    # Conflicts of interest on reading: the content only after declaring no conflict, the
    # others' scores only on an application scored oneself, after submitting.
    readable = request.user.has_perm("calls.read_application", application)
    others = []
    if request.user.has_perm("calls.view_others_scores_on", application):
        others = selectors.other_evaluators_scores(assignment, application)
    return render(
        request,
        "calls/evaluation_application.html",
        {
            "assignment": assignment,
            "application": application,
            "readable": readable,
            "attachments": application.attachments.all() if readable else [],
            "declaration": declaration,
            "criteria": criteria,
            "my_scores": [(c, scores.get(c.pk)) for c in criteria],
            "form": form,
            "others": others,
        },
    )
