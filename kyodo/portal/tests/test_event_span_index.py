"""Issue 19: the longest event span, which bounds every upcoming-events and calendar query."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kyodo.portal import selectors
from kyodo.portal.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_longest_event_is_the_longest_span_and_follows_changes():
    EventFactory(start_date=date(2026, 1, 1), end_date=date(2026, 1, 1))
    EventFactory(start_date=date(2026, 1, 1), end_date=date(2026, 1, 4))
    assert selectors.longest_event() == timedelta(days=3)
    EventFactory(start_date=date(2026, 2, 1), end_date=date(2026, 2, 11))
    assert selectors.longest_event() == timedelta(days=10)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index is PostgreSQL's only")
def test_longest_event_is_one_step_in_the_span_index():
    """The SQL Django writes for the span is the indexed expression (portal migration 0004)."""
    EventFactory.create_batch(3)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        selectors.longest_event()
    (sql,) = [q["sql"] for q in queries.captured_queries if "MAX((interval" in q["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # three rows: a scan would be cheaper
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "portal_event_span_idx" in plan, plan
