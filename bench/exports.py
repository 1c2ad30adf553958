"""Partner export benchmark: time and peak memory of the staff export of N generated partners.

    .venv/bin/python -m bench.exports --partners 20000
    DATABASE_URL=postgres://... .venv/bin/python -m bench.exports --partners 20000

Runs in a throwaway test database (created and dropped here), never in your data. Each format
is exported through the view (as a coordinator, `scope=staff`, every column) in a process of
its own: the time of one export, the export's peak of Python memory (tracemalloc, a second
run), how much the process's peak resident memory grew during the first run, and that peak
before the export (Django and the data generation).
"""

import argparse
import os
import resource
import subprocess
import sys
import time
import tracemalloc


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _client():
    from django.test import Client

    from kyodo.accounts.roles import Role
    from kyodo.accounts.services import user_create

    coordinator = user_create(actor=None, username="bench", password=None, roles=[Role.COORDINATOR])
    client = Client()
    client.force_login(coordinator)
    return client


def _export(client, fmt: str) -> tuple[float, int]:
    start = time.perf_counter()
    response = client.get("/partners/export/", {"format": fmt, "scope": "staff"})
    assert response.status_code == 200, response.status_code
    size = 0
    chunks = response.streaming_content if response.streaming else [response.content]
    for chunk in chunks:
        size += len(chunk)
    return time.perf_counter() - start, size


def _one(fmt: str, partners: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyodo.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench.partners import generate

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        generate(partners)
        client = _client()
        before = _peak_mb()
        seconds, size = _export(client, fmt)
        grown = _peak_mb() - before
        # Again under tracemalloc (slower, so not timed): the export's own peak of Python memory.
        tracemalloc.start()
        _export(client, fmt)
        traced = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(
            f"{fmt:<5} {partners:>7} {seconds:>8.2f} {traced:>10.0f} {grown:>10.0f} "
            f"{before:>10.0f} {size / 1e6:>8.1f}"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=20000)
    parser.add_argument("--format", choices=["csv", "xlsx"], help="one format, in this process")
    args = parser.parse_args()
    if args.format:
        _one(args.format, args.partners)
        return
    print(
        f"{'fmt':<5} {'rows':>7} {'seconds':>8} {'MB traced':>10} {'MB grown':>10} "
        f"{'MB before':>10} {'MB file':>8}"
    )
    for fmt in ("csv", "xlsx"):
        command = [sys.executable, "-m", "bench.exports", "--partners", str(args.partners)]
        subprocess.run([*command, "--format", fmt], check=True)


if __name__ == "__main__":
    main()
