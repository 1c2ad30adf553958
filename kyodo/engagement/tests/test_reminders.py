"""An ending partnership agreement is reminded once, to its department's staff, by the daily
sweep that also sends the projects' reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from kyodo.core.reminder_sweep import reminders_due, reminders_sweep
from kyodo.cycles.tasks import send_reminders
from kyodo.engagement.tests import factories

pytestmark = pytest.mark.django_db


def test_an_ending_agreement_is_reminded_once_to_its_department(
    department_a, staff_a, staff_b, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    agreement = factories.agreement(
        department_a, title="流氷観光の連携協定", ends_on=today + timedelta(days=20)
    )
    factories.agreement(department_a, ends_on=today + timedelta(days=20), auto_renew=True)
    due = reminders_due(today)
    assert [(r.subject_id, r.recipients) for r in due] == [(agreement.pk, [staff_a])]
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_sweep(today) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_sweep(today) == 0  # once, however often the sweep runs
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [staff_a.email]
    assert "流氷観光の連携協定" in message.subject
    assert "令和" in message.body and "自動更新" not in message.subject


def test_the_daily_task_sends_them(department_a, staff_a, django_capture_on_commit_callbacks):
    factories.agreement(department_a, ends_on=timezone.localdate() + timedelta(days=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders.call() == 1
    assert len(mail.outbox) == 1


# Transactional, as the worker runs it. serialized_rollback: the flush after the test would
# otherwise re-create the content types under new ids (post_migrate) and drop the data
# migrations' rows, and the next serialized test (core's backup) fails on their unique names.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_sending_is_tried_again(department_a, staff_a, settings):
    """Outside a transaction, as in the task worker: the e-mail goes as the record commits."""
    factories.agreement(department_a, ends_on=timezone.localdate() + timedelta(days=5))
    settings.EMAIL_BACKEND = "kyodo.engagement.tests.test_reminders.BrokenBackend"
    with pytest.raises(OSError):
        reminders_sweep()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders_sweep() == 1
    assert len(mail.outbox) == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("mail server down")
