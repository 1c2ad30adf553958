"""The per-address rate limit of the public forms, counted in the cache.

No outside service and no stored address: the cache key is a keyed hash of the address and
expires with the window (VOICES_RATE_LIMIT_COUNT sendings per VOICES_RATE_LIMIT_WINDOW_SECONDS).
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    # REMOTE_ADDR only: a forwarded header is typed by the sender and would void the limit.
    return request.META.get("REMOTE_ADDR", "")


def _key(scope: str, address: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"voices:rate:{scope}:{digest.hexdigest()[:32]}"


def rate_limited(scope: str, address: str) -> bool:
    """True when `address` has used up its sendings for `scope` in the current window."""
    return cache.get(_key(scope, address), 0) >= settings.VOICES_RATE_LIMIT_COUNT


def count_sending(scope: str, address: str) -> None:
    key = _key(scope, address)
    if cache.add(key, 1, timeout=settings.VOICES_RATE_LIMIT_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=settings.VOICES_RATE_LIMIT_WINDOW_SECONDS)
