"""Background tasks of the cycles app, run by the django-tasks database worker."""

from django_tasks import task

from kyodo.core.reminder_sweep import reminders_sweep
from kyodo.cycles import services


@task()
def send_reminders() -> int:
    """The daily reminder sweep (enqueued by `manage.py enqueue_reminders`): the projects'
    reminders, then those of every other app (kyodo.core.reminder_sweep)."""
    return services.reminders_send(actor=None) + reminders_sweep()
