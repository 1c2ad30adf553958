"""What every engagement service does when it writes a record."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.accounts.rules import is_coordinator
from kyodo.core.search import registry
from kyodo.core.search.index import index_update


def save_recorded(obj, actor, *, exclude=()) -> None:
    """Validate and save `obj`, recording `actor` in its history and updating its search words."""
    # Outside a request (tasks, commands) simple-history cannot see who acted; tell it.
    if actor is not None and actor.is_authenticated:
        obj._history_user = actor
    obj.full_clean(exclude=list(exclude))
    obj.save()
    try:
        registry.for_model(type(obj))
    except LookupError:
        return
    index_update(obj)


def refuse_future(date, field: str = "date") -> None:
    """A record of something that happened cannot be dated in the future."""
    if date > timezone.localdate():
        raise ValidationError({field: _("This date is in the future: enter the day it happened.")})


def department_of_record(actor, department):
    """Staff record for their own department; coordinators (and the system) choose one."""
    if actor is not None and not is_coordinator(actor):
        department = actor.department
    if department is None:
        raise ValidationError({"department": _("Choose the department in charge.")})
    return department
