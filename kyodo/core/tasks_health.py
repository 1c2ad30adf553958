"""Whether the background-task worker keeps up (issue 12.8), for the administrator's home.

A task that has been ready to run for longer than `KYODO_TASK_WAIT_WARNING` (15 minutes by
default) means the worker is not running or is stuck; `stalled_tasks()` says how many and since
when, so the home page can say so.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max


@dataclass(frozen=True)
class StalledTasks:
    count: int
    waiting_since: datetime | None

    def __bool__(self) -> bool:
        return self.count > 0


def stalled_tasks(now: datetime | None = None) -> StalledTasks:
    """Tasks ready to run (their run_after passed) for longer than the warning threshold."""
    limit = (now or timezone.now()) - settings.KYODO_TASK_WAIT_WARNING
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).filter(
        Q(run_after=get_date_max(), enqueued_at__lte=limit)
        | (~Q(run_after=get_date_max()) & Q(run_after__lte=limit))
    )
    summary = waiting.aggregate(since=Min("enqueued_at"))
    return StalledTasks(count=waiting.count(), waiting_since=summary["since"])
