"""One way to ask `rules` whether an actor may act, used by services and views alike."""

from django.core.exceptions import PermissionDenied


def require_perm(actor, perm: str, obj=None) -> None:
    """Raise PermissionDenied unless `actor` holds `perm` (declared in an app's rules.py).

    `actor=None` is the system itself (migrations, management commands, background tasks).
    """
    if actor is None:
        return
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(perm)
