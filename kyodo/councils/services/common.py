"""What the councils services share: recording who acted, and the refusal helper."""

from django.core.exceptions import ValidationError

from kyodo.core.cache_versions import bump


def attribute(obj, actor) -> None:
    # Outside a request (tasks, commands, seeders) simple-history cannot see who acted; tell it.
    if actor is not None and actor.is_authenticated:
        obj._history_user = actor


def refuse(field: str | None, message, code: str) -> None:
    if field is None:
        raise ValidationError(message, code=code)
    raise ValidationError({field: ValidationError(message, code=code)})


def save(obj, actor) -> None:
    obj.full_clean()
    attribute(obj, actor)
    obj.save()
    # The portal's cached pages that show councils (home, calendar, search) miss from now on.
    bump("councils")
