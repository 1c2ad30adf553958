from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kyodo.core.normalize import nfkc


class LoginForm(AuthenticationForm):
    """Login that forgives full-width letters and stray spaces in the account name."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The account name or the password is wrong. After 5 failed attempts in a row "
            "the account is locked for a while."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Account name")
        self.fields["username"].widget.attrs.pop("autofocus", None)

    def clean_username(self):
        return nfkc(self.cleaned_data.get("username", "")).strip()
