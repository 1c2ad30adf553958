"""Dashboard, alerts and annual report with N generated projects (issue 16's speed targets).

    .venv/bin/python -m bench.reports --projects 20000
    DATABASE_URL=postgres://... .venv/bin/python -m bench.reports --projects 20000

Runs in a throwaway test database (created and dropped here), never in your data. Each page is
measured in-process (Django test client, warm) next to a bare Django view through the same
middleware (`/bench/trivial/`), and given as a ratio to it. The dashboard is measured as it is
shown again while nothing changed (kept in the cache) and right after a change (computed
afresh: every record's save bumps the version it is kept under); the annual report is made once for
the current fiscal year, timed, with the process's peak memory.
"""

import argparse
import os
import random
import resource
import statistics
import time
import uuid
from datetime import timedelta


def _setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _history_and_cycles(rng) -> tuple[int, int]:
    """A status change for every generated project, and a cycle with budget lines and both
    sides' verifications for every second running one (bulk: these are not edits)."""
    from django.utils import timezone

    from kyodo.core.wareki import fiscal_year, fiscal_year_bounds
    from kyodo.cycles.models import BudgetLine, Cycle, Side, Verification
    from kyodo.guideline.selectors import current_version
    from kyodo.projects.models import Project, ProjectStatus, StatusChange

    year = fiscal_year(timezone.localdate())
    start, end = fiscal_year_bounds(year)
    version = current_version("verification")
    changes, cycles, lines, verifications = [], [], [], []
    for project in Project.objects.filter(title__startswith="（ベンチ）").only("id", "status"):
        changes.append(
            StatusChange(id=uuid.uuid4(), project_id=project.id, to_status=project.status)
        )
        if project.status == ProjectStatus.RUNNING and rng.random() < 0.5:
            cycle = Cycle(
                id=uuid.uuid4(),
                project_id=project.id,
                number=1,
                fiscal_year=year,
                period_start=start,
                period_end=end - timedelta(days=rng.randint(0, 200)),
                status="check",
                goals="ベンチ",
            )
            cycles.append(cycle)
            for bearer, planned in (("city", 100_000), ("partner", 20_000)):
                lines.append(
                    BudgetLine(
                        id=uuid.uuid4(),
                        cycle=cycle,
                        item="経費",
                        bearer=bearer,
                        planned=planned,
                        actual=planned - rng.randint(0, 10_000),
                    )
                )
            for side in (Side.CITY, Side.PARTNER):
                verifications.append(
                    Verification(
                        id=uuid.uuid4(),
                        cycle=cycle,
                        side=side,
                        version=version,
                        submitted_at=timezone.now(),
                    )
                )
    StatusChange.objects.bulk_create(changes, batch_size=5000)
    Cycle.objects.bulk_create(cycles, batch_size=5000)
    BudgetLine.objects.bulk_create(lines, batch_size=5000)
    Verification.objects.bulk_create(verifications, batch_size=5000)
    return len(changes), len(cycles)


def timed(function, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def measure(repeat: int) -> list[tuple[str, float, float]]:
    from django.test import Client

    from kyodo.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="coordinator"))
    results = []
    from kyodo.core import records_version

    for label, path, changed in [
        ("bare Django view (baseline)", "/bench/trivial/", False),
        ("dashboard, whole city", "/reports/", False),
        ("dashboard after any change", "/reports/", True),
        ("compliance alerts", "/reports/alerts/", False),
    ]:

        def get(path=path, changed=changed):
            if changed:  # what any saved record does: the figures are computed afresh
                records_version.touch()
            assert client.get(path, HTTP_HOST="127.0.0.1").status_code == 200

        get()  # warm
        results.append((label, *timed(get, repeat)))
    return results


def make_report() -> tuple[float, float, int]:
    from django.utils import timezone

    from kyodo.core.wareki import fiscal_year
    from kyodo.reports.documents.rows import projects_of_year
    from kyodo.reports.models import AnnualReport
    from kyodo.reports.services import annual_report_make

    year = fiscal_year(timezone.localdate())
    listed = projects_of_year(year).count()
    report = AnnualReport.objects.create(fiscal_year=year)
    start = time.perf_counter()
    annual_report_make(report_id=report.pk)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, peak_mb, listed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    _setup_django()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench.generate import generate_projects
    from kyodo.core.demo import seed_all

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        seed_all()
        start = time.perf_counter()
        generate_projects(args.projects)
        changes, cycles = _history_and_cycles(random.Random(16))
        print(
            f"{connection.vendor}: {args.projects} projects, {changes} status changes, "
            f"{cycles} cycles generated in {time.perf_counter() - start:.1f} s"
        )
        results = measure(args.repeat)
        baseline = results[0][1]
        print(f"{'page':<32} {'median ms':>10} {'p95 ms':>10} {'× baseline':>11}")
        for label, median, p95 in results:
            print(f"{label:<32} {median:>10.1f} {p95:>10.1f} {median / baseline:>11.1f}")
        seconds, peak_mb, listed = make_report()
        print(
            f"annual report ({listed} projects of the year, Excel and PDF): {seconds:.1f} s, "
            f"peak memory of the process {peak_mb:.0f} MB"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
