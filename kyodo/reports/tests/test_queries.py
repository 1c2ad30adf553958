"""The dashboard and the alerts run the same number of queries at any size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.core import records_version
from kyodo.cycles.tests.factories import cycle_in, make_project, new_cycle
from kyodo.engagement.tests import factories as engagement
from kyodo.projects.models import ProjectStatus
from kyodo.reports.tests.factories import finalised_agreement, project

pytestmark = pytest.mark.django_db


def build(n, department, prefix):
    for i in range(n):
        project(
            department,
            created=datetime.date(2026, 5, 1),
            history=[(ProjectStatus.RUNNING, datetime.date(2026, 6, 1))],
            title=f"{prefix}{i}",
        )
        made = make_project(department, title=f"{prefix}周期{i}")
        new_cycle(
            made, period_start=datetime.date(2026, 4, 1), period_end=datetime.date(2026, 9, 30)
        )
        finalised_agreement(made, valid_until=datetime.date(2026, 10, 31))
        engagement.agreement(department, starts_on=engagement.past(500))
    cycle_in(make_project(department, title=f"{prefix}検証"), "act")


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_dashboard_and_alerts_queries_are_pinned(persona_client, department_a, coordinator):
    urls = [reverse("reports:dashboard"), reverse("reports:alerts")]
    build(3, department_a, "小")
    client = persona_client("coordinator")
    client.get(urls[1])  # the city is read once, then kept (kyodo.core.city)
    records_version.touch()  # as after the build below: the roles are read again, once
    small = [_count(client, url) for url in urls]
    build(15, department_a, "大")
    large = [_count(client, url) for url in urls]
    assert small == large
    assert small == PINNED


# dashboard, alerts (the city is kept: kyodo.core.city; the person's roles too, until a
# record changes: accounts.models.User.role_names, read again by the dashboard here; and the
# person's row, accounts.backends.KeptUserBackend)
PINNED = [32, 14]


def _new_projects(response) -> int:
    # The page is in Japanese: the section's first row is its new projects.
    return response.context["board"].section("project_flows").rows[0].values[-1]


def test_the_dashboard_is_computed_once_until_any_record_changes(
    persona_client, department_a, coordinator
):
    """Shown again, the figures cost no query; any saved record (a private one too) makes
    the next view count afresh, so the figures are never stale."""
    url = reverse("reports:dashboard") + "?year=2026"
    build(3, department_a, "小")
    client = persona_client("coordinator")
    with CaptureQueriesContext(connection) as computed:
        first = client.get(url)
    with CaptureQueriesContext(connection) as kept:
        again = client.get(url)
    assert _new_projects(again) == _new_projects(first)
    assert len(computed) - len(kept) >= 25  # every figure's query is saved
    assert not [q for q in kept if "projects_statuschange" in q["sql"]]

    project(department_a, created=datetime.date(2026, 7, 1), title="下書きの新事業")
    assert _new_projects(client.get(url)) == _new_projects(first) + 1

    # A staff member's own figures are a different entry: the department scope is kept apart.
    staff = persona_client("staff_a")
    assert staff.get(url).context["board"].scope.department is not None
