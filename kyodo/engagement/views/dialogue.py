"""Dialogue sessions (§5-2), the local issues raised, and issues that become projects."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import permission_required
from kyodo.engagement import selectors, services
from kyodo.engagement.forms import DialogueForm, IssueForm, IssueProjectForm, IssueStatusForm
from kyodo.engagement.models import DialogueSession
from kyodo.engagement.views.access import dialogue_view, issue_view, page_of

SESSION_DATA = services.SESSION_FIELDS


@permission_required("engagement.view_dialogue")
def dialogue_list(request):
    sessions = selectors.dialogue_sessions().order_by("-date", "-created_at")
    return render(request, "engagement/dialogue_list.html", {"page": page_of(request, sessions)})


@permission_required("engagement.create_dialogue")
def dialogue_new(request):
    form = DialogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in SESSION_DATA}
        try:
            session = services.dialogue_create(
                actor=request.user, department=request.user.department, **data
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The dialogue session has been recorded."))
            return redirect("engagement:dialogue_detail", session.pk)
    return render(request, "engagement/dialogue_form.html", {"form": form})


@dialogue_view("engagement.change_dialogue")
def dialogue_edit(request, session):
    form = DialogueForm(
        request.POST or None, instance=session, initial={"lock_version": session.lock_version}
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in SESSION_DATA}
        try:
            services.dialogue_update(
                actor=request.user,
                session=session,
                lock_version=form.cleaned_data.get("lock_version"),
                **data,
            )
        except ValidationError as error:
            apply_service_error(form, error, current_lock_version(DialogueSession, pk=session.pk))
        else:
            messages.success(request, _("The dialogue session has been saved."))
            return redirect("engagement:dialogue_detail", session.pk)
    return render(request, "engagement/dialogue_form.html", {"form": form, "session": session})


@dialogue_view("engagement.view_dialogue")
def dialogue_detail(request, session):
    form = IssueForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("engagement.change_dialogue", session):
            return redirect("engagement:dialogue_detail", session.pk)
        if form.is_valid():
            services.issue_add(actor=request.user, session=session, text=form.cleaned_data["text"])
            messages.success(request, _("The local issue has been added."))
            return redirect("engagement:dialogue_detail", session.pk)
    return render(
        request,
        "engagement/dialogue_detail.html",
        {
            "session": session,
            "issues": selectors.session_issues(session),
            "form": form,
            "status_form": IssueStatusForm(),
        },
    )


@require_POST
@issue_view("engagement.change_dialogue")
def issue_status(request, issue):
    form = IssueStatusForm(request.POST)
    if form.is_valid():
        try:
            services.issue_set_status(actor=request.user, issue=issue, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The status has been saved."))
    else:
        messages.error(request, _("Choose a status."))
    return redirect("engagement:dialogue_detail", issue.session_id)


@issue_view("engagement.issue_to_project", see="engagement.view_issue")
def issue_project(request, issue):
    """Make the issue a draft project: one step, the issue's text becoming its local issue."""
    form = IssueProjectForm(request.POST or None, initial={"title": issue.text[:60]})
    if request.method == "POST" and form.is_valid():
        try:
            project = services.issue_to_project(
                actor=request.user, issue=issue, title=form.cleaned_data["title"]
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The draft project has been created from the issue."))
            return redirect("projects:overview", project.pk)
    return render(request, "engagement/issue_project.html", {"issue": issue, "form": form})


@issue_view("engagement.view_issue")
def issue_detail(request, issue):
    return render(request, "engagement/issue_detail.html", {"issue": issue})
