"""Public pages of open calls (公募): the list, a call, and its published result.

They live in the portal beside the other public pages; their addresses stay under /calls/ with
the names `calls:public_list`, `calls:public_detail` and `calls:public_result`
(kyodo/portal/urls_calls.py).
"""

from django.db.models import Count, Max
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.calls import selectors
from kyodo.calls.models import Call
from kyodo.core.permissions import get_object_for
from kyodo.portal.http import CALL_KINDS, cacheable, kept_read, page_meta

PUBLIC_CALLS = Call.objects.select_related("project__department")


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


@cacheable(_public_calls_version, kinds=CALL_KINDS)
def public_list(request):
    # The list names each call, its project and dates: not the criteria the selector prefetches.
    # Kept until a call or project changes, the open ones also until the first deadline passes.
    open_calls = kept_read(
        "open-calls",
        CALL_KINDS,
        lambda: list(selectors.open_calls().prefetch_related(None)),
        still_true=selectors.nearest_still_open,
    )
    results = kept_read(
        "call-results",
        CALL_KINDS,
        lambda: list(selectors.published_results().prefetch_related(None)[:20]),
    )
    response = render(
        request,
        "portal/public/call_list.html",
        {
            "open_calls": open_calls,
            "results": results,
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
    # The list changes by the clock when the first open call (nearest deadline first) stops
    # accepting: the cached page lives no longer, and that is read from the rows shown.
    response.cache_until = open_calls[0].deadline if open_calls else None
    return response


@cacheable(_public_call_version, kinds=CALL_KINDS)
def public_detail(request, call_id):
    # Open to everyone, logged in or not: a call that is not public is a 404.
    call = get_object_for(request.user, "calls.view_call", PUBLIC_CALLS, pk=call_id)
    accepting = selectors.accepting_applications(call)
    response = render(
        request,
        "portal/public/call_detail.html",
        {
            "call": call,
            "criteria": call.criteria.all(),
            "accepting": accepting,
            "can_apply": request.user.has_perm("calls.apply_to", call),
            "meta": page_meta(request, call.title, call.purpose[:150], og_type="article"),
        },
    )
    # The page changes by the clock when this call stops accepting, and no other's deadline.
    response.cache_until = call.deadline if accepting else None
    return response


# A published result does not change by the clock (its call's deadline has passed).
@cacheable(_public_call_version, kinds=CALL_KINDS)
def public_result(request, call_id):
    call = get_object_for(request.user, "calls.view_result", PUBLIC_CALLS, pk=call_id)
    criteria, rows = selectors.public_result(call)
    title = _("Result: %(title)s") % {"title": call.title}
    return render(
        request,
        "portal/public/call_result.html",
        {
            "call": call,
            "criteria": criteria,
            "rows": rows,
            "meta": page_meta(request, title, call.decision_reason[:150], og_type="article"),
        },
    )
