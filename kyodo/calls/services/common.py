"""What the calls services share: the clock, refusals and the mail to applicants."""

from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kyodo.calls.models import Application


def now_or_clock(now: datetime | None) -> datetime:
    return now or timezone.now()


def refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def raise_if(refusal) -> None:
    """Raise a refusal declared in kyodo.calls.rules (e.g. `deadline_refusal(...)`), if any."""
    if refusal is not None:
        raise refusal


def _recipients(application: Application) -> list[str]:
    addresses = [application.partner.contact_email]
    if application.submitted_by:
        addresses.append(application.submitted_by.email)
    return sorted({a for a in addresses if a})


def mail_applicant(application: Application, template: str) -> None:
    recipients = _recipients(application)
    if not recipients:
        return
    # Applicants read Japanese; the mail does not follow the language of whoever clicked.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "application": application,
            "call": application.call,
            "site_url": settings.KYODO_SITE_URL,
        }
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    # Sent once the service's transaction has committed: a submission or result that is rolled
    # back must not have been announced. Written now, from the data as this transaction sees
    # it. robust: a mail server that is down is logged and does not turn a recorded
    # submission into an error page (the receipt number is on the page as well), nor keep the
    # other applicants of a result from being told.
    transaction.on_commit(partial(send_mail, subject, body, None, recipients), robust=True)
