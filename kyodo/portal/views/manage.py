"""Pages where staff and partner members create, edit and withdraw events and news."""

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


def _pages_of(kind: str, model):
    """The create, edit and withdraw pages of events or of news."""
    # An item the manager may not change is a 404, exactly like one that does not exist.
    item_view = object_permission_required("portal.change_item", model.objects.all())

    @permission_required("portal.manage_items")
    def create(request):
        return _edit(request, kind)

    @permission_required("portal.manage_items")
    @item_view
    def edit(request, item):
        return _edit(request, kind, item)

    @permission_required("portal.manage_items")
    @item_view
    def withdraw(request, item):
        return _withdraw(request, kind, item)

    return create, edit, withdraw


event_create, event_edit, event_withdraw = _pages_of("event", Event)
news_create, news_edit, news_withdraw = _pages_of("news", News)
