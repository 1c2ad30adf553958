"""python -m bench [run|generate] — see bench/README.md.

python -m bench generate --projects 20000 --events 100000   # bulk-create public rows
python -m bench generate --clear                # remove the generated projects and events
python -m bench compare     # the issue-19 table: PostgreSQL and SQLite against a bare view
python -m bench run --requests 300 --concurrency 8
    # serves Kyodo with gunicorn on 127.0.0.1, then loads each path and prints
    # median, p95 and requests per second, next to a trivial Django view
"""

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The pages issue 7 names (home, project list, event list, search), next to the baseline, then
# the other pages that grow with the data.
DEFAULT_PATHS = [
    "/bench/trivial/",
    "/",
    "/portal/projects/",
    "/portal/events/",
    "/portal/search/?q=%E9%98%B2%E7%81%BD",  # 防災: about one row in ten holds it
    "/portal/events/calendar/",
    "/api/events/",
    "/api/projects/",
]


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def cmd_generate(args) -> None:
    _django()
    from bench.generate import clear, generate, generate_projects

    if args.clear:
        print(f"removed {clear()}")
    if args.partners:
        import time as clock

        from bench.partners import generate as generate_partners

        started = clock.perf_counter()
        generate_partners(args.partners)
        print(f"created {args.partners} partners in {clock.perf_counter() - started:.1f} s")
    if args.projects:
        seconds = generate_projects(args.projects)
        print(f"created {args.projects} projects in {seconds:.1f} s")
    if args.events:
        seconds = generate(args.events)
        print(f"created {args.events} events in {seconds:.1f} s")


def _wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-not-for-production"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }
    command = [
        sys.executable, "-m", "gunicorn", "bench.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env)


def cmd_run(args) -> None:
    from bench.load import run

    port = args.port or _free_port()
    server = None if args.url else _serve(port, args.workers)
    base = args.url or f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/bench/trivial/" if not args.url else base + "/")
        print(f"{args.requests} requests per path, {args.concurrency} at a time, on {base}")
        for path in args.paths:
            print(run(base, path, requests=args.requests, concurrency=args.concurrency).line())
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    sub = parser.add_subparsers(dest="command")
    gen = sub.add_parser("generate", help="bulk-create public projects and events")
    gen.add_argument("--partners", type=int, default=0)
    gen.add_argument("--projects", type=int, default=0)
    gen.add_argument("--events", type=int, default=0)
    gen.add_argument("--clear", action="store_true")
    load = sub.add_parser("run", help="serve on loopback and load the public pages")
    load.add_argument("--requests", type=int, default=300)
    load.add_argument("--concurrency", type=int, default=8)
    load.add_argument("--workers", type=int, default=4)
    load.add_argument("--port", type=int, default=0, help="default: a free port")
    load.add_argument("--url", help="load an already running server instead")
    load.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    from bench import compare

    compare.add_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "generate":
        cmd_generate(args)
    elif args.command == "compare":
        compare.main(args)
    else:
        if args.command is None:
            args = load.parse_args([])
        cmd_run(args)


if __name__ == "__main__":
    main()
