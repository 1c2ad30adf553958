"""A task for the worker tests (run by a real worker process)."""

from django_tasks import task


@task
def say_done(word: str) -> str:
    return f"{word} done"
