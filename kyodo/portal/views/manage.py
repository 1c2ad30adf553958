"""Pages where staff and partner members create, edit and withdraw events and news."""

from functools import partial

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyodo.core.permissions import object_permission_required, permission_required
from kyodo.portal import services
from kyodo.portal.forms import EventForm, NewsForm, WithdrawForm
from kyodo.portal.models import Event, News
from kyodo.portal.selectors import items_for_manager

KINDS = {
    "event": {
        "form": EventForm,
        "create": services.event_create,
        "update": services.event_update,
        "withdraw": services.event_withdraw,
        "label": lambda: _("event"),
    },
    "news": {
        "form": NewsForm,
        "create": services.news_create,
        "update": services.news_update,
        "withdraw": services.news_withdraw,
        "label": lambda: _("news item"),
    },
}

# An item the manager may not change is a 404, exactly like one that does not exist.
event_view = partial(object_permission_required, "portal.change_item", Event.objects.all())
news_view = partial(object_permission_required, "portal.change_item", News.objects.all())


@permission_required("portal.manage_items")
def manage_home(request):
    events, news = items_for_manager(request.user)
    return render(request, "portal/manage/home.html", {"events": events, "news": news})


def _edit(request, kind: str, item=None):
    spec = KINDS[kind]
    form = spec["form"](request.POST or None, instance=item, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form._meta.fields}
        if item is None:
            spec["create"](actor=request.user, **values)
        else:
            spec["update"](actor=request.user, **{kind: item}, **values)
        messages.success(request, _("Saved."))
        return redirect("portal:manage_home")
    return render(
        request,
        "portal/manage/edit.html",
        {"form": form, "item": item, "kind_label": spec["label"]()},
    )


def _withdraw(request, kind: str, item):
    spec = KINDS[kind]
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        spec["withdraw"](actor=request.user, reason=form.cleaned_data["reason"], **{kind: item})
        messages.success(request, _("Withdrawn from the public portal."))
        return redirect("portal:manage_home")
    return render(
        request,
        "portal/manage/withdraw.html",
        {"form": form, "item": item, "kind_label": spec["label"]()},
    )


@permission_required("portal.manage_items")
def event_create(request):
    return _edit(request, "event")


@permission_required("portal.manage_items")
@event_view()
def event_edit(request, event):
    return _edit(request, "event", event)


@permission_required("portal.manage_items")
@event_view()
def event_withdraw(request, event):
    return _withdraw(request, "event", event)


@permission_required("portal.manage_items")
def news_create(request):
    return _edit(request, "news")


@permission_required("portal.manage_items")
@news_view()
def news_edit(request, news):
    return _edit(request, "news", news)


@permission_required("portal.manage_items")
@news_view()
def news_withdraw(request, news):
    return _withdraw(request, "news", news)
