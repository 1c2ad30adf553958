"""Background tasks of the cycles app, run by the django-tasks database worker."""

from django_tasks import task

from kyodo.core.plugins import reminder_senders
from kyodo.cycles import services


@task()
def send_reminders() -> int:
    """The daily reminder sweep (enqueued by `manage.py enqueue_reminders`): the cycles'
    reminders, then those of every app with a `reminders.py` (overdue opinions, ...)."""
    sent = services.reminders_send(actor=None)
    return sent + sum(send() for send in reminder_senders())
