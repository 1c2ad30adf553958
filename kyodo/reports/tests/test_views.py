"""Who sees the dashboard, the alerts and the report; bad input answered in words."""

import pytest
from django.urls import reverse

from kyodo.accounts.tests.personas import PERSONAS
from kyodo.reports import services
from kyodo.reports.models import AnnualReport, ReportStatus
from kyodo.reports.tests.factories import project

pytestmark = pytest.mark.django_db

PAGES = {
    "reports:dashboard": {"coordinator", "staff_a", "staff_b"},
    "reports:alerts": {"coordinator", "staff_a", "staff_b"},
    "reports:report": {"coordinator"},
}


@pytest.fixture
def data(department_a):
    import datetime

    project(department_a, created=datetime.date(2026, 5, 1))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(PAGES))
def test_pages_by_persona(persona_client, persona, url_name, data):
    response = persona_client(persona).get(reverse(url_name))
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in PAGES[url_name]:
        assert response.status_code == 200
    else:
        assert response.status_code == 404  # nothing of this exists for them


def test_staff_see_their_department_and_the_city_but_no_other(
    persona_client, data, department_a, department_b
):
    client = persona_client("staff_a")
    response = client.get(reverse("reports:dashboard"))
    assert response.context["board"].scope.department == department_a
    response = client.get(reverse("reports:dashboard"), {"department": "city"})
    assert response.context["board"].scope.department is None
    other = client.get(reverse("reports:dashboard"), {"department": str(department_b.pk)})
    assert other.status_code == 404


@pytest.mark.parametrize(
    "params, message",
    [
        ({"year": "1999"}, "平成11年度の記録はありません"),
        ({"year": "abc"}, "年度を一覧から選んでください"),
        ({"department": "not-a-department"}, "その課はありません"),
        ({"department": "7c8a3a0e-0000-4000-8000-000000000000"}, "その課はありません"),
    ],
)
def test_bad_input_is_answered_in_words(persona_client, data, params, message):
    response = persona_client("coordinator").get(reverse("reports:dashboard"), params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_report_requested_twice_is_made_once(
    coordinator, data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = services.annual_report_request(actor=coordinator, fiscal_year=2026)
        second = services.annual_report_request(actor=coordinator, fiscal_year=2026)
    assert first == second and first.status == ReportStatus.QUEUED
    assert len(callbacks) == 1
    assert AnnualReport.objects.count() == 1


def test_a_year_without_records_is_refused(persona_client, data):
    response = persona_client("coordinator").post(
        reverse("reports:report"), {"year": "2001"}, follow=True
    )
    assert "記録のある年度を選んでください" in response.content.decode()
    assert not AnnualReport.objects.exists()
