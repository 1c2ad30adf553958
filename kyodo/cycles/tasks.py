"""Background tasks of the cycles app, run by the django-tasks database worker."""

from django_tasks import task

from kyodo.cycles import services


@task()
def send_reminders() -> int:
    """The daily reminder sweep (enqueued by `manage.py enqueue_reminders`)."""
    return services.reminders_send(actor=None)
