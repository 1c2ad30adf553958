"""`python -m bench compare`: the issue-19 table, side by side with a bare Django view.

For each database (PostgreSQL `kyodo_bench`, then the same data on SQLite): generate the data
set if it is missing (20,000 partners, 20,000 projects, 100,000 events), serve the code under
test with gunicorn (2 sync workers, DEBUG off) on loopback, and load each page between two runs
of the bare view (`/bench/trivial/`, the same middleware): median, p95, requests per second,
their ratio to the bare view's (the mean of the runs just before and after) and the queries the
page costs to render. Every page is measured twice: repeated (the same address: after each
worker's first request, a public page comes from the page cache and a staff list's body from
the work cache) and rendered (a new `bench=` parameter each time, so every request misses both
caches); public pages with an ETag a third time, asked again with it as a browser does for a
page it has (304). Then the largest contentful paint of the home and a project page in
Chromium (/usr/bin/chromium, fresh context each time). Bounded: a fixed number of requests per
page, a few clients.

    .venv/bin/python -m bench compare                     # both databases, this checkout
    .venv/bin/python -m bench compare --code /tmp/before  # another checkout (same data)
"""

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import timedelta
from itertools import count
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = "postgres://postgres@127.0.0.1:5432/kyodo_bench"
SQLITE = "sqlite:////tmp/kyodo_bench.sqlite3"
SIZES = {"partners": 20000, "projects": 20000, "events": 100000}
CHROMIUM = os.environ.get("KYODO_CHROMIUM", "/usr/bin/chromium")


def _public_paths(project: str | None, event: str | None = None) -> list[str]:
    from datetime import date

    day = (date.today() + timedelta(days=3)).isoformat()
    paths = [
        "/",
        "/portal/projects/",
        "/portal/events/",
        f"/portal/events/?date={day}",
        "/portal/events/calendar/",
        "/portal/partners/",
        "/calls/",
        "/portal/search/?q=%E9%98%B2%E7%81%BD",  # 防災: one row in ten
        "/portal/search/?q=%E7%B6%B2%E8%B5%B0",  # 網走: in every event's address
        "/portal/search/?q=%E6%B5%81%E6%B0%B7",  # 流氷: a few matches
    ]
    return paths + [page for page in (project, event) if page]


STAFF_PATHS = [
    "/projects/",
    "/partners/",
    "/partners/?q=%E9%98%B2%E7%81%BD",
    "/accounts/home/staff/",
]
TRIVIAL = "/bench/trivial/"


def _env(code: Path, database_url: str) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(code),
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-not-for-production"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def _run(command: list[str], env: dict, cwd: Path = ROOT) -> str:
    return subprocess.run(
        command, env=env, cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def _counts(env: dict) -> dict:
    script = (
        "import django,json;django.setup();"
        "from kyodo.partners.models import Partner;from kyodo.projects.models import Project;"
        "from kyodo.portal.models import Event;"
        "print(json.dumps({'partners':Partner.objects.count(),"
        "'projects':Project.objects.count(),'events':Event.objects.count()}))"
    )
    return json.loads(_run([sys.executable, "-c", script], env).strip().splitlines()[-1])


def ensure_data(database_url: str) -> dict:
    """Create, migrate and fill the database with this checkout's generator where short."""
    env = _env(ROOT, database_url)
    if database_url.startswith("postgres"):
        name = urllib.parse.urlparse(database_url).path.lstrip("/")
        listed = _run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-Atc",
                "SELECT datname FROM pg_database",
            ],
            env,
        )
        if name not in listed.split():
            _run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "-T", "template0", "-E", "UTF8",
                  "--lc-collate=C.UTF-8", "--lc-ctype=C.UTF-8", name], env)  # fmt: skip
    _run([sys.executable, "manage.py", "migrate", "--noinput"], env)
    # seed_demo refuses to run with DEBUG off (sample accounts with a known password); this is a
    # throwaway bench database, so it runs with DEBUG on; --if-empty does nothing once seeded.
    seeded = subprocess.run([sys.executable, "manage.py", "seed_demo", "--if-empty"],
                            env={**env, "DEBUG": "true"}, cwd=ROOT, capture_output=True, text=True,
                            check=False)  # fmt: skip
    if seeded.returncode != 0:
        raise SystemExit(f"seed_demo failed:\n{seeded.stderr[-2000:]}")
    have = _counts(env)
    missing = [f"--{kind}={SIZES[kind]}" for kind in SIZES if have[kind] < SIZES[kind] * 0.9]
    if missing:
        print(f"  generating {' '.join(missing)} …", flush=True)
        _run([sys.executable, "-m", "bench", "generate", *missing], env)
        # Both databases measured with their statistics, as a running site has them
        # (autovacuum; SQLite's ANALYZE): without them SQLite chose plans PostgreSQL did not.
        if database_url.startswith("postgres"):
            _run(["psql", "-h", "127.0.0.1", "-U", "postgres", name, "-c", "VACUUM ANALYZE"], env)
        else:
            with closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as db:
                db.execute("ANALYZE")
        have = _counts(env)
    return have


def _get(url: str, cookie: str | None, etag: str | None = None) -> tuple[float, int]:
    headers = {"Cookie": cookie} if cookie else {}
    if etag:
        headers["If-None-Match"] = etag
    request = urllib.request.Request(url, headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return (time.perf_counter() - started) * 1000, status


_fresh = count()


def _etag(url: str) -> str | None:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.headers.get("ETag")


def load(
    base: str, path: str, requests: int, clients: int, cookie=None, fresh=False, again=False
) -> dict:
    """`requests` GETs of `path` from `clients` threads (a new bench= parameter each when fresh;
    when `again`, each with the page's ETag, as a browser asking for a page it has: 304)."""

    def url() -> str:
        if not fresh:
            return base + path
        return base + path + ("&" if "?" in path else "?") + f"bench={next(_fresh)}"

    urls = [url() for _ in range(requests)]
    etag = _etag(base + path) if again else None
    with ThreadPoolExecutor(max_workers=clients) as pool:
        # Warm: the first request of a page in each worker fills that worker's local cache.
        list(pool.map(lambda _: _get(base + path, cookie), range(clients)))
        started = time.perf_counter()
        outcomes = list(pool.map(lambda u: _get(u, cookie, etag), urls))
    seconds = time.perf_counter() - started
    latencies = sorted(ms for ms, _ in outcomes)
    return {
        "median": statistics.median(latencies),
        "p95": latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))],
        "rps": requests / seconds,
        "errors": sum(1 for _, status in outcomes if status != (304 if etag else 200)),
    }


def _serve(code: Path, env: dict, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--bind",
               f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"]  # fmt: skip
    return subprocess.Popen(command, cwd=code, env=env)


def _lcp(url: str, runs: int) -> float | None:
    """Median largest contentful paint (ms) of `runs` loads, each in a fresh context."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        return None
    script = """() => new Promise(resolve => {
        new PerformanceObserver(list => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1].startTime);
        }).observe({type: 'largest-contentful-paint', buffered: true});
        setTimeout(() => resolve(null), 3000);
    })"""
    values = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(url, wait_until="load")
            value = page.evaluate(script)
            if value is not None:
                values.append(value)
            context.close()
        browser.close()
    return statistics.median(values) if values else None


def measure(code: Path, database_url: str, requests: int, clients: int) -> dict:
    env = _env(code, database_url)
    # The stylesheets and scripts, served by the app with DEBUG off (they count in the paint).
    _run([sys.executable, "manage.py", "collectstatic", "--noinput"], env, cwd=code)
    paths = _public_paths(None)
    first = json.loads(
        _run([sys.executable, str(ROOT / "bench" / "compare_probe.py"), *paths[:1]], env, cwd=code)
    )
    public = _public_paths(first["project"], first.get("event"))
    probe = json.loads(
        _run(
            [sys.executable, str(ROOT / "bench" / "compare_probe.py"), *public, *STAFF_PATHS],
            env,
            cwd=code,
        )
    )
    cookie = f"sessionid={probe['session']}"
    from bench.__main__ import _free_port, _wait_until_up

    port = _free_port()
    server = _serve(code, env, port)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        _wait_until_up(base + TRIVIAL, timeout=60)
        load(base, TRIVIAL, requests, clients)  # warm both workers
        before = load(base, TRIVIAL, requests, clients)
        # (path, mode, cookie): "" repeated, "fresh" rendered, "again" with the page's ETag.
        targets = [(p, "", None) for p in public] + [(p, "fresh", None) for p in public]
        targets += [(p, "again", None) for p in public if "/search/" not in p]  # no ETag
        targets += [(p, "", cookie) for p in STAFF_PATHS]
        targets += [(p, "fresh", cookie) for p in STAFF_PATHS]
        for path, mode, session in targets:
            result = load(base, path, requests, clients, cookie=session, fresh=mode == "fresh",
                          again=mode == "again")  # fmt: skip
            after = load(base, TRIVIAL, requests, clients)
            bare = (before["rps"] + after["rps"]) / 2
            label = ("staff " if session else "") + urllib.parse.unquote(path)
            label += {"": "", "fresh": " (rendered)", "again": " (304)"}[mode]
            result.update(path=label, bare=bare, share=result["rps"] / bare,
                          queries=probe["queries"].get(path))  # fmt: skip
            rows.append(result)
            print(_line(result), flush=True)
            before = after
        lcp = {
            "home": _lcp(base + "/", 5),
            "project page": _lcp(base + first["project"], 5) if first["project"] else None,
        }
    finally:
        server.terminate()
        server.wait(timeout=20)
    return {"rows": rows, "lcp": lcp, "bare": before["rps"]}


def _line(row: dict) -> str:
    errors = f" ({row['errors']} errors)" if row["errors"] else ""
    return (
        f"| `{row['path']}`{errors} | {row['median']:.1f} ms | {row['p95']:.1f} ms | "
        f"{row['rps']:.1f} | {100 * row['share']:.1f} % | {row['queries']} |"
    )


def main(args) -> None:
    code = Path(args.code).resolve() if args.code else ROOT
    databases = ([] if args.no_postgres else [("PostgreSQL", args.postgres)]) + (
        [] if args.no_sqlite else [("SQLite", args.sqlite)]
    )
    load_average = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"code: {code}  ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load {load_average}, {os.cpu_count()} CPUs)")  # fmt: skip
    print(f"{args.requests} requests per page, {args.clients} clients, gunicorn 2 sync workers")
    for label, url in databases:
        have = ensure_data(url) if not args.no_generate else {}
        print(f"\n### {label} {have}\n")
        print("| page | median | p95 | req/s | of the bare view | queries |")
        print("|---|---:|---:|---:|---:|---:|")
        result = measure(code, url, args.requests, args.clients)
        paints = [f"{k} {v:.0f} ms" if v else f"{k} —" for k, v in result["lcp"].items()]
        print(
            f"\nbare view: {result['bare']:.0f} req/s; "
            f"largest contentful paint: {', '.join(paints)}"
        )
    print(f"\nload average after: {' / '.join(f'{v:.2f}' for v in os.getloadavg())}")


def add_parser(sub) -> None:
    parser = sub.add_parser("compare", help="the issue-19 table on PostgreSQL and SQLite")
    parser.add_argument("--code", help="the checkout to serve (default: this one)")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument("--sqlite", default=SQLITE)
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-generate", action="store_true", help="use the data as it is")
