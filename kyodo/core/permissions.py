"""One way to ask `rules` whether an actor may act, used by services and views alike.

Views find their object and check the rule in one step (`object_permission_required`): the
object is fetched once, the view receives it, and nothing downstream fetches it again. Services
call `require_perm`, which also refuses an action that the rule allows only in another phase,
with the message declared beside the rule (see `kyodo.core.rules`).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kyodo.core.rules import phase_refusal


def require_perm(actor, perm: str, obj=None) -> None:
    """Raise unless `actor` holds `perm` (declared in an app's rules.py) on `obj` now.

    PermissionDenied when the actor may not act at all; PhaseRefused (a ValidationError) with
    the rule's own message when they may, but not in the phase `obj` is in. `actor=None` is the
    system itself (migrations, management commands, background tasks): only the phase counts.
    """
    if actor is not None and actor.has_perm(perm, obj):
        return
    refusal = phase_refusal(actor, perm, obj)
    if refusal is None:
        if actor is None:
            return
        raise PermissionDenied(perm)
    raise refusal


def permission_required(perm: str):
    """View decorator for views without an object: anonymous visitors log in, others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.has_perm(perm):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied(perm)

        return wrapped

    return decorator


def object_permission_required(perm: str, queryset, *, see: str | None = None, **lookups):
    """View decorator: find the object in the URL, check `perm` on it, hand it to the view.

    `queryset` is a QuerySet or a function of the request returning one; `lookups` maps a
    model lookup to the URL keyword that carries it (default `pk="pk"`), and those keywords
    are replaced by the object, passed as the view's second argument. Anonymous visitors are
    sent to log in before anything is read. An object the user may not `see` (default: `perm`)
    is a 404, exactly like one that does not exist; one they see but may not act on is a 403.
    """
    lookups = lookups or {"pk": "pk"}

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            found = queryset(request) if callable(queryset) else queryset
            filters = {field: kwargs.pop(name) for field, name in lookups.items()}
            obj = get_object_for(user, see or perm, found, **filters)
            if see and see != perm and not user.has_perm(perm, obj):
                raise PermissionDenied(perm)
            return view(request, obj, *args, **kwargs)

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


def recorded_actor(actor):
    """The user to record as having acted: None for the system (and anonymous visitors)."""
    return actor if actor is not None and actor.is_authenticated else None
