"""Property-based run of the OpenAPI document: no input may cause a server error.

Requests go through Django's WSGI application in-process, inside the test's database
transaction, with a bounded number of examples per operation so the run stays short.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    """Django's WSGI handler closes the database connection after each request, which would
    close the test's transaction on PostgreSQL; the test client avoids that the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def sample_data(db, keep_test_connection):
    from kyodo.portal.tests.factories import EventFactory, NewsFactory
    from kyodo.portal.tests.factories import PublicProjectFactory as ProjectFactory

    project = ProjectFactory()
    EventFactory.create_batch(3, project=project)
    NewsFactory.create_batch(2, project=project)
    # Projects, listed partners and calls (routers added by the integration).
    from kyodo.calls.tests.factories import make_call
    from kyodo.partners.tests.factories import PartnerFactory
    from kyodo.projects.models import Participation

    Participation.objects.create(project=project, partner=PartnerFactory(listed_publicly=True))
    make_call()


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_has_no_server_errors(sample_data, case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
