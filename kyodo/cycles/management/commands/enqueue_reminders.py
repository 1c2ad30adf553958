"""Enqueue the daily reminder sweep; the task worker (`manage.py db_worker`) sends the e-mails.

Run it once a day from cron or a systemd timer, e.g. `15 7 * * * cd /srv/kyodo &&
.venv/bin/python manage.py enqueue_reminders`. Sending twice is harmless: each reminder is
delivered to each person once.
"""

from django.core.management.base import BaseCommand

from kyodo.cycles.tasks import send_reminders


class Command(BaseCommand):
    help = "Enqueue the reminder sweep (verification due, agreement and subsidy term ending)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send the reminders in this process instead of through the task worker.",
        )

    def handle(self, *args, now=False, **options):
        if now:
            sent = send_reminders.call()
            self.stdout.write(f"Sent {sent} reminder e-mail(s).")
            return
        result = send_reminders.enqueue()
        self.stdout.write(f"Enqueued the reminder sweep as task {result.id}.")
