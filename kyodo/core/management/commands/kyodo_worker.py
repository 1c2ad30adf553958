"""The background-task worker that survives a locked SQLite database (issue 12.8).

django-tasks-db's `db_worker` ignores a locked database only while it claims a task; when the
`BEGIN EXCLUSIVE` of its poll, its commit, or the saving of a result waits longer than the
database timeout (a long write by the web process, a backup), the error ends the worker while
the site keeps serving and enqueued tasks stay READY. This command runs the same worker and
loop, with the same options, but on "database is locked" it waits — 0.5 s, doubling up to
30 s, with jitter — and polls again, logging each wait. Any other error still ends it (and
`make run` / systemd start it again).
"""

import logging
import random
import time

from django.db import connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.utils import is_locked_database_exception

logger = logging.getLogger("kyodo.worker")

FIRST_WAIT = 0.5
LONGEST_WAIT = 30.0
CALM_AFTER = 60.0  # seconds without a lock error after which the wait starts small again


class RetryingWorker(db_worker.Worker):
    def run(self) -> None:
        wait, last_error = FIRST_WAIT, 0.0
        while self.running:
            try:
                super().run()
                return
            except OperationalError as error:
                if not is_locked_database_exception(error):
                    raise
                now = time.monotonic()
                if now - last_error > CALM_AFTER:
                    wait = FIRST_WAIT
                last_error = now
                self.startup_delay = False
                logger.warning("Database is locked; polling again in %.1f s", wait)
                connections.close_all()
                time.sleep(wait * (1 + random.random() / 4))
                wait = min(wait * 2, LONGEST_WAIT)


class Command(db_worker.Command):
    help = (
        "Run the database background worker (django-tasks-db's db_worker) so that a locked "
        "SQLite database makes it wait and poll again with backoff instead of exiting."
    )

    def handle(self, *args, **options):
        original = db_worker.Worker
        db_worker.Worker = RetryingWorker
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original
