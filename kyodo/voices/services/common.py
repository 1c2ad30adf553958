"""What the voices services share: the clock, secrets and refusals."""

import hashlib
import secrets
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone


def now_or_clock(now: datetime | None) -> datetime:
    return now or timezone.now()


def new_secret() -> tuple[str, str]:
    """A secret for a link, and the digest that is stored in its place."""
    secret = secrets.token_urlsafe(24)
    return secret, digest(secret)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def refuse(message, code: str, field: str | None = None):
    if field:
        raise ValidationError({field: ValidationError(message, code=code)})
    raise ValidationError(message, code=code)
