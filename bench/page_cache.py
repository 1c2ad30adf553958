"""Public pages with and without the page cache, in process: an anonymous visitor's request.

    .venv/bin/python -m bench.page_cache --events 20000 --projects 5000
    DATABASE_URL=postgres://... .venv/bin/python -m bench.page_cache

Runs in a throwaway test database (created and dropped here) with the sample data and N
generated events and projects. For each page: the median and 95th percentile of a render
(`PUBLIC_PAGE_CACHE_SECONDS=0`) and of a cache hit (the same request again), in milliseconds,
with the queries of each. In process, through the whole middleware stack (Django's test client),
without a server: gunicorn and loopback add the same to both columns.
"""

import argparse
import os
import statistics
import time

PAGES = [
    "/",
    "/portal/projects/",
    "/portal/events/",
    "/portal/events/calendar/",
    "/portal/partners/",
    "/portal/search/?q=防災",
    "/portal/search/?q=網走",
    "/calls/",
]


def _timed(client, url: str, repeat: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            assert client.get(url, HTTP_HOST="127.0.0.1").status_code == 200, url
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)], len(queries)


def measure(repeat: int) -> list[tuple]:
    from django.conf import settings
    from django.test import Client

    rows = []
    for url in PAGES:
        settings.PUBLIC_PAGE_CACHE_SECONDS = 0
        render = _timed(Client(), url, repeat)
        settings.PUBLIC_PAGE_CACHE_SECONDS = 600
        client = Client()
        client.get(url, HTTP_HOST="127.0.0.1")  # fills the cache
        hit = _timed(client, url, repeat)
        rows.append((url, *render, *hit))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyodo.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench.generate import generate, generate_projects
    from kyodo.core.demo import seed_all

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        seed_all()
        generate_projects(args.projects)
        generate(args.events)
        print(f"{connection.vendor}: {args.events} events, {args.projects} projects")
        print(
            f"{'page':<28} {'render ms':>9} {'p95':>7} {'q':>3} {'hit ms':>7} {'p95':>6} {'q':>3}"
        )
        for url, median, p95, queries, hit, hit95, hit_queries in measure(args.repeat):
            print(
                f"{url:<28} {median:>9.1f} {p95:>7.1f} {queries:>3} {hit:>7.2f} {hit95:>6.2f} "
                f"{hit_queries:>3}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
