"""Pages of partner members: their applications, drafts and attachments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.calls import selectors, services
from kyodo.calls.forms import ApplicationForm
from kyodo.calls.models import Application
from kyodo.calls.views.access import application_view, attachment_view, call_view
from kyodo.core import normalize
from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import permission_required
from kyodo.core.uploads import KINDS
from kyodo.partners.models import Partner


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
    """Save the draft, then the attachment; on an error the draft that was typed is kept
    (saved when possible, and always shown again in the form). Nothing is submitted here:
    a submission is made only from the confirmation page (`application_confirm`)."""
    data = {k: form.cleaned_data[k] for k in services.APPLICATION_FIELDS}
    try:
        application = services.application_save_draft(
            actor=request.user,
            call=call,
            partner=partner,
            lock_version=form.cleaned_data.get("lock_version") if application else None,
            **data,
        )
        if form.cleaned_data.get("attachment"):
            services.attachment_add(
                actor=request.user, application=application, upload=form.cleaned_data["attachment"]
            )
    except ValidationError as error:
        current = current_lock_version(Application, pk=application.pk) if application else None
        apply_service_error(form, error, current)
        return application, False
    return application, True


def _after_saving(request, application):
    """「入力内容を確認する」 leads to the confirmation page; 「下書きを保存」 back to the form."""
    if request.POST.get("action") == "save":
        messages.success(request, _("Your draft has been saved."))
        return redirect("calls:application_detail", application.pk)
    return redirect("calls:application_confirm", application.pk)


@call_view("calls.apply", see="calls.view_call")
def application_new(request, call):
    """A new application for one of the member's organisations that has not applied yet; a
    member of several chooses which (those that applied are linked instead)."""
    organisations = selectors.member_organisations(request.user)
    existing = list(selectors.applications_of_organisations(call, organisations))
    available = organisations.exclude(pk__in=[a.partner_id for a in existing])
    if not available.exists():
        if len(existing) == 1:
            return redirect("calls:application_detail", existing[0].pk)
        return redirect("calls:my_applications")
    form = ApplicationForm(request.POST or None, request.FILES or None, organisations=available)
    if request.method == "POST" and form.is_valid():
        application, ok = _save_application(request, form, call, form.cleaned_data["partner"], None)
        if ok:
            return _after_saving(request, application)
    return render(
        request,
        "calls/application_form.html",
        {"call": call, "form": form, "application": None, "existing": existing},
    )


def _excluded(request, application):
    """What an evaluator who has not declared no conflict sees: who applied, and why not more."""
    assignment = application.call.assignments.filter(evaluator=request.user).first()
    declaration = (
        assignment.declarations.filter(application=application).first() if assignment else None
    )
    return render(
        request,
        "calls/application_excluded.html",
        {
            "call": application.call,
            "application": application,
            "assignment": assignment,
            "declaration": declaration,
        },
    )


@application_view("calls.view_application")
def application_detail(request, application):
    if not request.user.has_perm("calls.read_application", application):
        return _excluded(request, application)
    editable = request.user.has_perm("calls.edit_application", application)
    form = None
    if request.user.has_perm("calls.act_for_application", application):
        initial = {k: getattr(application, k) for k in services.APPLICATION_FIELDS}
        initial["lock_version"] = application.lock_version
        form = ApplicationForm(
            request.POST or None, request.FILES or None, initial=initial, fixed_partner=True
        )
        if request.method == "POST" and form.is_valid():
            application, ok = _save_application(
                request, form, application.call, application.partner, application
            )
            if ok:
                return _after_saving(request, application)
            editable = True  # show the form again with what was typed and why it was refused
    return render(
        request,
        "calls/application_form.html" if editable else "calls/application_detail.html",
        {
            "call": application.call,
            "application": application,
            "attachments": application.attachments.all(),
            "form": form,
        },
    )


@application_view("calls.act_for_application")
def application_confirm(request, application):
    """「入力内容の確認」: every answer read-only, then 「この内容で提出する」 or 「修正する」. The
    page carries the version of the draft it shows; the submission is refused if the draft
    changed since (another window, another member), and the page shows it again."""
    if not request.user.has_perm("calls.edit_application", application):
        return redirect("calls:application_detail", application.pk)
    errors = []
    if request.method == "POST":
        try:
            application = services.application_submit(
                actor=request.user,
                application=application,
                confirmed_version=_posted_version(request),
            )
        except ValidationError as error:
            errors = error.messages
            application.refresh_from_db()
        else:
            messages.success(
                request,
                _("Your application has been submitted. Receipt number: %(number)s")
                % {"number": application.receipt_number},
            )
            return redirect("calls:application_detail", application.pk)
    attachments = list(application.attachments.all())
    form = ApplicationForm(organisations=Partner.objects.none())
    return render(
        request,
        "calls/application_confirm.html",
        {
            "call": application.call,
            "application": application,
            "answers": form.answers(application, attachments),
            "errors": errors,
            "problems": [p.message for p in services.submission_problems(application)],
        },
    )


def _posted_version(request) -> int | None:
    """The version the confirmation page showed; anything else than a number is no version."""
    value = normalize.nfkc(request.POST.get("confirmed_version", "")).strip()
    return int(value) if value.isdigit() else None


@attachment_view("calls.view_attachment")
def attachment_download(request, attachment):
    """The only way to an attachment: after the rule, as a download that never runs as a page."""
    extension = attachment.original_name.rpartition(".")[2].lower()
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=KINDS.get(extension, (None, "application/octet-stream"))[1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@attachment_view("calls.remove_attachment")
def attachment_delete(request, attachment):
    try:
        services.attachment_remove(actor=request.user, attachment=attachment)
        messages.success(request, _("The attachment has been removed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("calls:application_detail", attachment.application_id)
