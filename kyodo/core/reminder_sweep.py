"""The daily reminder sweep of every app, each reminder delivered to each person once.

An app that has something to remind people of has a `reminders.py` whose `due(today)` returns
`DueReminder`s (see kyodo.core.plugins): a partnership agreement ending, an opinion past its
reply target, …. `reminders_sweep()` sends them by e-mail; it runs in the same daily task as the
projects' reminders (`manage.py enqueue_reminders`, kyodo.cycles.tasks.send_reminders).

Delivery follows the projects' reminders (kyodo/cycles/services/reminders.py): the record is
written first, the e-mail goes when it is committed, and a failed sending deletes the record so
that the next sweep tries again.
"""

import datetime
import logging
from dataclasses import dataclass, field
from functools import partial
from uuid import UUID

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from kyodo.core.models import ReminderSent
from kyodo.core.plugins import app_submodules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueReminder:
    kind: str  # named after its app: "engagement.agreement_ending"
    subject_id: UUID  # the record it is about
    due_on: datetime.date
    recipients: list = field(hash=False)  # users with an e-mail address
    subject: str = ""
    body: str = ""


def reminders_due(today: datetime.date) -> list[DueReminder]:
    with translation.override("ja"):
        return [
            reminder for module in app_submodules("reminders") for reminder in module.due(today)
        ]


def reminders_sweep(today: datetime.date | None = None) -> int:
    """Send every app's due reminders, each to each person once; the number delivered."""
    today = today or timezone.localdate()
    due = reminders_due(today)
    already = set(
        ReminderSent.objects.filter(subject_id__in={r.subject_id for r in due}).values_list(
            "kind", "subject_id", "due_on", "recipient_id"
        )
    )
    failures: list[Exception] = []
    sent = 0
    for reminder in due:
        for user in reminder.recipients:
            key = (reminder.kind, reminder.subject_id, reminder.due_on, user.pk)
            if key in already or not user.email or not _deliver(reminder, user, failures):
                continue
            if failures:
                raise failures[0]
            already.add(key)
            sent += 1
    return sent


def _deliver(reminder: DueReminder, user, failures: list) -> bool:
    try:
        with transaction.atomic():
            record = ReminderSent.objects.create(
                kind=reminder.kind,
                subject_id=reminder.subject_id,
                due_on=reminder.due_on,
                recipient=user,
            )
            transaction.on_commit(partial(_mail, record.pk, reminder, user.email, failures))
    except IntegrityError:
        return False  # another sweep running at the same time has it
    return True


def _mail(record_pk, reminder: DueReminder, address: str, failures: list) -> None:
    try:
        send_mail(reminder.subject, reminder.body, None, [address])
    except Exception as exc:  # any failure of the mail server: the next sweep tries again
        ReminderSent.objects.filter(pk=record_pk).delete()
        logger.exception("Reminder %s not sent; the next sweep tries again.", record_pk)
        failures.append(exc)
