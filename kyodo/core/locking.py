"""Optimistic locking: two people editing the same record never silently overwrite each other.

A lockable model has an integer `lock_version` that its service raises on every save; the edit
form carries the version it was opened at, and a save based on an older one is refused with
`EditConflict`. Where the model keeps its history (django-simple-history, with `lock_version`
in each historical row), the refusal also names the fields the other person changed.
"""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _


class EditConflict(ValidationError):
    """Someone else saved the record since the form was opened."""


def changed_fields_since(model, pk, lock_version: int) -> list[str]:
    """The labels of the fields changed since version `lock_version` (from the history)."""
    history = getattr(model, "history", None)
    if history is None or "lock_version" not in {f.name for f in history.model._meta.fields}:
        return []
    records = history.filter(id=pk)
    opened = records.filter(lock_version=lock_version).order_by("-history_date").first()
    latest = records.order_by("-history_date").first()
    if opened is None or latest is None or opened.pk == latest.pk:
        return []
    skipped = {"lock_version", "updated_at", "created_at", "search_text"}
    changed = [c.field for c in latest.diff_against(opened).changes if c.field not in skipped]
    fields = {f.name: f for f in model._meta.get_fields() if hasattr(f, "verbose_name")}
    return [capfirst(str(fields[name].verbose_name)) for name in changed if name in fields]


def check_lock(model, obj, lock_version) -> None:
    """Refuse a save based on an older version of `obj` (None: the caller does not lock)."""
    if lock_version is None:
        return
    current = (
        model.objects.select_for_update().filter(pk=obj.pk).values_list("lock_version", flat=True)
    )
    if current.first() == int(lock_version):
        return
    messages = [
        _(
            "Someone else saved this record while you were editing it. Your input is kept "
            "below: check the current record and save again."
        )
    ]
    changed = changed_fields_since(model, obj.pk, int(lock_version))
    if changed:
        messages.append(
            _("Changed since you opened it: %(fields)s.") % {"fields": "、".join(changed)}
        )
    raise EditConflict([ValidationError(m, code="conflict") for m in messages])


def current_lock_version(model, **lookup) -> int | None:
    """The version a record has now, for a form to be based on after a conflict."""
    return model.objects.filter(**lookup).values_list("lock_version", flat=True).first()
