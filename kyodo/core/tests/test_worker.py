"""The task worker survives a locked SQLite database (issue 12.8).

A real worker process polls a real SQLite file while a second connection holds its write lock
(BEGIN IMMEDIATE) for longer than the database timeout; once the lock is released, the task
enqueued meanwhile runs. Fails on the code before it: `db_worker` died with
"database is locked" and the task stayed READY.
"""

import os
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from kyodo.core.tasks_health import stalled_tasks

ROOT = Path(settings.BASE_DIR)
ENQUEUE = """
import django; django.setup()
from kyodo.core.tests.worker_tasks import say_done
print(say_done.enqueue("lock").id)
"""
STATUS = """
import sys, django; django.setup()
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.get(id=sys.argv[1]).status)
"""


def _env(database: Path) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "kyodo.settings",
        "SQLITE_TIMEOUT": "1",
        "DEBUG": "1",
    }


def _python(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        **kwargs,
    )  # fmt: skip


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
                    reason="the lock is SQLite's")  # fmt: skip
def test_worker_waits_out_a_write_lock_and_then_runs_the_task(tmp_path):
    database = tmp_path / "worker.sqlite3"
    env = _env(database)
    _python(env, "manage.py", "migrate", "--noinput", "django_tasks_database")
    task_id = _python(env, "-c", ENQUEUE).stdout.strip()

    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a write lock, held longer than the 1 s timeout
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "kyodo_worker", "--no-reload", "--interval", "0.2",
         "--no-startup-delay"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        time.sleep(4)
        assert worker.poll() is None, worker.communicate()[0]  # still alive under the lock
        assert _python(env, "-c", STATUS, task_id, timeout=30).stdout.strip() == "READY"
        holder.execute("ROLLBACK")
        for _ in range(60):
            status = _python(env, "-c", STATUS, task_id).stdout.strip()
            if status == "SUCCESSFUL":
                break
            time.sleep(0.5)
        assert status == "SUCCESSFUL"
    finally:
        holder.close()
        worker.terminate()
        output = worker.communicate(timeout=20)[0]
    assert "Database is locked; polling again" in output


@pytest.mark.django_db
def test_tasks_waiting_too_long_are_counted(settings):
    from kyodo.core.tests.worker_tasks import say_done

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert not stalled_tasks()
    result = say_done.enqueue("late")
    assert not stalled_tasks()
    later = timezone.now() + settings.KYODO_TASK_WAIT_WARNING + timedelta(minutes=1)
    stalled = stalled_tasks(now=later)
    assert stalled.count == 1 and stalled.waiting_since is not None
    assert result.id
