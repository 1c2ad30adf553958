"""One way to ask `rules` whether an actor may act, used by services and views alike."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404


def require_perm(actor, perm: str, obj=None) -> None:
    """Raise PermissionDenied unless `actor` holds `perm` (declared in an app's rules.py).

    `actor=None` is the system itself (migrations, management commands, background tasks).
    """
    if actor is None:
        return
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(perm)


def permission_required(perm: str, get_object=None):
    """View decorator: the rule `perm` decides; anonymous visitors are sent to log in first.

    `get_object(request, *args, **kwargs)` returns the object the rule is checked against; it
    should itself raise Http404 for an object the user may not see (see `get_object_for`).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = get_object(request, *args, **kwargs) if get_object else None
            if request.user.has_perm(perm, obj):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied(perm)

        return wrapped

    return decorator


def get_object_for(user, perm: str, queryset, **lookup):
    """Find an object and check access together: what the user may not see is a 404.

    A record the user is not allowed to see looks exactly like one that does not exist, so
    that staff and partner URLs do not tell an outsider which records exist.
    """
    obj = queryset.filter(**lookup).first()
    if obj is None or not user.has_perm(perm, obj):
        raise Http404
    return obj
