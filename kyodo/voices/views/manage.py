"""The city's pages for opinions: the list with the reply clock, one opinion with its sender,
assignment, the reply (also to similar opinions), approval and publication."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
from kyodo.core.permissions import permission_required
from kyodo.portal.http import handles_bad_query
from kyodo.portal.paging import page_of
from kyodo.voices import selectors, services
from kyodo.voices.forms import ApproverForm, AssignForm, PublicationForm, ReplyForm
from kyodo.voices.models import OpinionStatus, Reply, ReplyApprover
from kyodo.voices.views.access import opinion_view, reply_view


@permission_required("voices.manage_opinions")
@handles_bad_query  # ?page=x is a 400 saying so, not a server error
def manage_opinions(request):
    status = request.GET.get("status", "")
    status = status if status in OpinionStatus.values else ""
    overdue = request.GET.get("overdue") == "1"
    query = " ".join(request.GET.get("q", "").split())[:100]
    opinions = selectors.opinions_for(request.user, status=status, overdue=overdue, query=query)
    return render(
        request,
        "voices/manage/opinion_list.html",
        {
            "page": page_of(request, opinions),
            "counts": selectors.status_counts(request.user),
            "statuses": OpinionStatus.choices,
            "status": status,
            "overdue": overdue,
            "query": query,
            "today": timezone.localdate(),
            "extra_query": urlencode(
                {
                    k: v
                    for k, v in (
                        ("status", status),
                        ("overdue", "1" if overdue else ""),
                        ("q", query),
                    )
                    if v
                }
            ),
        },
    )


@opinion_view("voices.view_opinion")
def manage_opinion(request, opinion):
    user = request.user
    reply = opinion.reply
    context = {
        "opinion": opinion,
        "reply": reply,
        "today": timezone.localdate(),
        "assign_form": AssignForm(initial={"department": opinion.department_id}),
        "publication_form": PublicationForm(
            initial={
                "public_title": opinion.public_title,
                "summary": opinion.summary,
                "withheld_reason": opinion.withheld_reason,
            }
        ),
        "findings": services.publication_findings(opinion) if reply else [],
        "joint": list(reply.opinions.all()) if reply else [],
        "may_approve": reply is not None and user.has_perm("voices.approve_reply", reply),
        "may_edit_reply": reply is not None and user.has_perm("voices.edit_reply", reply),
    }
    return render(request, "voices/manage/opinion_detail.html", context)


@require_POST
@opinion_view("voices.assign_opinion", see="voices.view_opinion")
def opinion_assign(request, opinion):
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            services.opinion_assign(
                actor=request.user, opinion=opinion, department=form.cleaned_data["department"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The opinion has been assigned."))
    else:
        messages.error(request, _("Choose a department."))
    return redirect("voices:manage_opinion", opinion.pk)


@opinion_view("voices.view_opinion")
def reply_edit(request, opinion):
    """Draft the reply (to this and similar opinions), or change a draft not yet approved."""
    reply = opinion.reply
    if reply is None and not request.user.has_perm("voices.draft_reply", opinion):
        messages.error(request, _("This opinion cannot be replied to now."))
        return redirect("voices:manage_opinion", opinion.pk)
    if reply is not None and not request.user.has_perm("voices.edit_reply", reply):
        messages.error(request, _("This reply has already been approved."))
        return redirect("voices:manage_opinion", opinion.pk)
    initial = _reply_initial(reply)
    similar = selectors.similar_open_opinions(opinion) if reply is None else None
    form = ReplyForm(request.POST or None, initial=initial, similar=similar)
    if request.method == "POST" and form.is_valid():
        try:
            _save_reply(request.user, opinion, reply, form)
        except ValidationError as error:
            lock = current_lock_version(Reply, pk=reply.pk) if reply else None
            apply_service_error(form, error, lock)
        else:
            messages.success(request, _("The draft reply has been saved; it awaits approval."))
            return redirect("voices:manage_opinion", opinion.pk)
    return render(
        request,
        "voices/manage/reply_form.html",
        {"opinion": opinion, "form": form},
        status=400 if form.errors else 200,
    )


def _reply_initial(reply) -> dict:
    if reply is None:
        return {}
    return {
        "body": reply.body,
        "reflection": reply.reflection,
        "reflection_reason": reply.reflection_reason,
        "project": reply.project_id,
        "lock_version": reply.lock_version,
    }


def _save_reply(user, opinion, reply, form):
    if reply is None:
        opinions = [opinion, *form.cleaned_data.get("also", [])]
        return services.reply_draft(actor=user, opinions=opinions, **form.reply_fields())
    return services.reply_update(
        actor=user,
        reply=reply,
        lock_version=form.cleaned_data.get("lock_version"),
        **form.reply_fields(),
    )


@require_POST
@reply_view("voices.approve_reply", see="voices.view_reply")
def reply_approve(request, reply):
    opinion = reply.opinions.order_by("received_at").first()
    try:
        services.reply_approve(actor=request.user, reply=reply)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The reply has been approved and sent."))
    return redirect("voices:manage_opinion", opinion.pk)


@opinion_view("voices.prepare_publication", see="voices.view_opinion")
def opinion_publication(request, opinion):
    form = PublicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.opinion_prepare_publication(
                actor=request.user, opinion=opinion, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The text for publication has been saved."))
            return redirect("voices:manage_opinion", opinion.pk)
    return render(
        request,
        "voices/manage/publication_form.html",
        {"opinion": opinion, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@opinion_view("voices.publish_opinion", see="voices.view_opinion")
def opinion_publish(request, opinion):
    try:
        services.opinion_publish(actor=request.user, opinion=opinion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The opinion and its reply are now published."))
    return redirect("voices:manage_opinion", opinion.pk)


@permission_required("voices.manage_approvers")
def approvers(request):
    form = ApproverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.approver_add(actor=request.user, user=form.cleaned_data["user"])
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The approver has been added."))
            return redirect("voices:approvers")
    listed = ReplyApprover.objects.select_related("department", "user").order_by(
        "department__bureau", "department__name", "user__username"
    )
    return render(request, "voices/manage/approvers.html", {"form": form, "approvers": listed})


@require_POST
@permission_required("voices.manage_approvers")
def approver_remove(request, pk):
    approver = ReplyApprover.objects.filter(pk=pk).first()
    if approver is not None:
        services.approver_remove(actor=request.user, approver=approver)
        messages.success(request, _("The approver has been removed."))
    return redirect("voices:approvers")
