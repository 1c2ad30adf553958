"""Optimistic locking: two people editing the same record never silently overwrite each other.

A lockable model has an integer `lock_version` that its service raises on every save; the edit
form carries the version it was opened at, and a save based on an older one is refused.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class EditConflict(ValidationError):
    """Someone else saved the record since the form was opened."""


def check_lock(model, obj, lock_version) -> None:
    """Refuse a save based on an older version of `obj` (None: the caller does not lock)."""
    if lock_version is None:
        return
    current = (
        model.objects.select_for_update().filter(pk=obj.pk).values_list("lock_version", flat=True)
    )
    if current.first() != int(lock_version):
        raise EditConflict(
            _(
                "Someone else saved this record while you were editing it. Your input is kept "
                "below: check the current record and save again."
            ),
            code="conflict",
        )


def current_lock_version(model, **lookup) -> int | None:
    """The version a record has now, for a form to be based on after a conflict."""
    return model.objects.filter(**lookup).values_list("lock_version", flat=True).first()
