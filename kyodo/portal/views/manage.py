"""Pages where staff and partner members create, edit and withdraw events and news."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kyodo.core.forms import apply_service_error
from kyodo.core.locking import current_lock_version
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


def _save(request, kind: str, form, item) -> bool:
    """Create or update through the service; its refusal (a stale save included) goes onto the
    form, which keeps what was typed and is then based on the item as it is now."""
    spec = KINDS[kind]
    values = {name: form.cleaned_data[name] for name in form._meta.fields}
    try:
        if item is None:
            spec["create"](actor=request.user, **values)
        else:
            lock_version = form.cleaned_data.get("lock_version")
            spec["update"](actor=request.user, **{kind: item}, lock_version=lock_version, **values)
    except ValidationError as error:
        current = current_lock_version(type(item), pk=item.pk) if item is not None else None
        apply_service_error(form, error, current)
        return False
    return True


def _edit(request, kind: str, item=None):
    spec = KINDS[kind]
    form = spec["form"](request.POST or None, instance=item, user=request.user)
    if request.method == "POST" and form.is_valid() and _save(request, kind, form, item):
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
