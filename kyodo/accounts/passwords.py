"""Links that let a person set their password, built on Django's password-reset tokens.

A token is valid for settings.PASSWORD_RESET_TIMEOUT and becomes invalid once the password is
set (it is derived from the password hash), so a link works once.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def password_set_url(user) -> str:
    """The absolute address of the page where `user` chooses a password (for e-mails)."""
    path = reverse(
        "accounts:password_set",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.KYODO_SITE_URL}{path}"


def password_set_link_days() -> int:
    """How many days a link stays valid, for the wording of the e-mail."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))
