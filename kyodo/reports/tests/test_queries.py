"""The dashboard and the alerts run the same number of queries at any size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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
    small = [_count(client, url) for url in urls]
    build(15, department_a, "大")
    large = [_count(client, url) for url in urls]
    assert small == large
    assert small == PINNED


PINNED = [33, 17]  # dashboard, alerts
