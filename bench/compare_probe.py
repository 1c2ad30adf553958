"""Run by `bench compare` inside the code under test (PYTHONPATH first): prints JSON with a
staff session cookie, a public project's and an upcoming event's addresses and the queries
each page costs to render.

    python bench/compare_probe.py PATH...   (with DATABASE_URL and PYTHONPATH set)
"""

import json
import os
import sys


def main(paths: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django
    from django.conf import settings

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from kyodo.portal.selectors import upcoming_events
    from kyodo.projects.selectors import public_projects

    user = get_user_model().objects.get(username=os.environ.get("BENCH_USER", "staff"))
    staff = Client()
    staff.force_login(user)  # a session row the server reads too (database sessions)
    project = public_projects().order_by("-created_at").first()
    event = upcoming_events().order_by("start_date", "pk").first()
    queries = {}
    # Each page rendered as `compare` renders it (a new address: no page or body kept for it;
    # what it reads and that is kept under the data's versions, kept from the first request).
    with override_settings(ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False):
        anonymous = Client()
        for path in paths:
            client = staff if path.startswith(STAFF_PREFIXES) else anonymous
            client.get(path)  # warm (first-use lookups of the process, what is kept)
            fresh = path + ("&" if "?" in path else "?") + "bench=probe"
            with CaptureQueriesContext(connection) as captured:
                status = client.get(fresh).status_code
            queries[path] = len(captured.captured_queries) if status == 200 else f"HTTP {status}"
    print(
        json.dumps(
            {
                "session": staff.cookies[settings.SESSION_COOKIE_NAME].value,
                "project": f"/portal/projects/{project.pk}/" if project else None,
                "event": f"/portal/events/{event.pk}/" if event else None,
                "queries": queries,
            }
        )
    )


# Addresses served to the city's staff (logged in): everything else is a public page.
STAFF_PREFIXES = ("/partners/", "/projects/", "/accounts/home/")

if __name__ == "__main__":
    main(sys.argv[1:])
