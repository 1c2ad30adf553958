"""Reminders by e-mail, each delivered once."""

import datetime
import logging
from functools import partial

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kyodo.core.permissions import require_perm
from kyodo.cycles.models import (
    ReminderDelivery,
)
from kyodo.cycles.selectors import reminder_recipients, reminders_due

logger = logging.getLogger(__name__)


def reminders_send(*, actor=None, today: datetime.date | None = None) -> int:
    """Send each due reminder by e-mail to the project's staff and partner members, once.

    Returns the number of reminders delivered: sent, or, when the caller holds a transaction
    open, to be sent when it commits. A failed sending stops the sweep (the mail server is
    most likely down) and is tried again on the next one.
    """
    require_perm(actor, "cycles.send_reminders")
    today = today or timezone.localdate()
    due = reminders_due(today)
    recipients = reminder_recipients({r.project.pk: r.project for r in due}.values())
    already = set(
        ReminderDelivery.objects.filter(subject_id__in={r.subject_id for r in due}).values_list(
            "kind", "subject_id", "due_on", "recipient_id"
        )
    )
    failures: list[Exception] = []
    sent = 0
    with translation.override("ja"):
        for reminder in due:
            for user in recipients.get(reminder.project.pk, []):
                key = (reminder.kind, reminder.subject_id, reminder.due_on, user.pk)
                if key in already or not _reminder_deliver(reminder, user, today, failures):
                    continue
                if failures:
                    raise failures[0]
                already.add(key)
                sent += 1
    return sent


# The record of a delivery and the e-mail go together, so that each reminder reaches each person
# once however often the sweep runs, and a reminder not sent is tried again:
# - the record is written first: its unique key is what keeps two sweeps running at the same
#   time from both sending (the second one's insert fails);
# - the e-mail goes only once that record is committed (transaction.on_commit): a caller's
#   transaction that rolls back takes the record with it and nothing was sent, so the next
#   sweep sends it; sending inside the transaction would mail about a record that then vanished,
#   and the next sweep would mail the same reminder again;
# - a sending that fails deletes the committed record, so the next sweep tries again.
# What remains is a process killed between the commit and the mail server's answer: the record
# stays and that person misses this one reminder (the home pages still show it) rather than
# getting it twice.
def _reminder_deliver(reminder, user, today, failures: list) -> bool:
    """Record the delivery and send it on commit; False when another sweep has just taken it."""
    context = {"reminder": reminder, "user": user, "today": today}
    subject = render_to_string("cycles/email/reminder_subject.txt", context).strip()
    body = render_to_string("cycles/email/reminder_body.txt", context)
    try:
        with transaction.atomic():
            delivery = ReminderDelivery.objects.create(
                kind=reminder.kind,
                project=reminder.project,
                subject_id=reminder.subject_id,
                due_on=reminder.due_on,
                recipient=user,
            )
            transaction.on_commit(
                partial(_reminder_mail, delivery.pk, subject, body, user.email, failures)
            )
    except IntegrityError:
        return False  # another sweep running at the same time has it
    return True


def _reminder_mail(delivery_pk, subject: str, body: str, address: str, failures: list) -> None:
    try:
        send_mail(subject, body, None, [address])
    except Exception as exc:  # any failure of the mail server: the next sweep tries again
        ReminderDelivery.objects.filter(pk=delivery_pk).delete()
        logger.exception("Reminder %s not sent; the next sweep tries again.", delivery_pk)
        failures.append(exc)
