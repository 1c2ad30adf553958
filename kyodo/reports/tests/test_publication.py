"""The annual report's summary on the portal: published by a coordinator, frozen, figures only."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kyodo.projects.models import ProjectStatus
from kyodo.reports import services
from kyodo.reports.models import AnnualReport, ReportStatus
from kyodo.reports.tests.factories import project

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(department_a):
    project(
        department_a,
        created=datetime.date(2026, 5, 1),
        history=[(ProjectStatus.DECLINED, datetime.date(2026, 6, 1))],
    )
    return AnnualReport.objects.create(fiscal_year=2026, status=ReportStatus.DONE)


def test_a_coordinator_publishes_the_frozen_summary(made, coordinator, department_a, client):
    url = reverse("reports:public_detail", args=[2026])
    assert client.get(url).status_code == 404
    services.annual_report_publish(actor=coordinator, report=made)
    page = client.get(url).content.decode()
    assert "協働事業実績報告（令和8年度）" in page
    assert "協働になじまないと判断" in page
    titles = [section["title"] for section in made.summary]
    assert "段階別の事業" in titles
    # Later records do not change what was published.
    before = AnnualReport.objects.get(pk=made.pk).summary
    project(department_a, created=datetime.date(2026, 7, 1))
    assert AnnualReport.objects.get(pk=made.pk).summary == before
    assert (
        reverse("reports:public_detail", args=[2026])
        in client.get(reverse("reports:public_list")).content.decode()
    )
    services.annual_report_withdraw(actor=coordinator, report=made)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("persona", ["staff_a", "partner_member", "evaluator", "outsider"])
def test_only_a_coordinator_publishes(made, persona, request):
    with pytest.raises(PermissionDenied):
        services.annual_report_publish(actor=request.getfixturevalue(persona), report=made)


def test_a_report_not_yet_made_cannot_be_published(coordinator):
    waiting = AnnualReport.objects.create(fiscal_year=2026)
    with pytest.raises(PermissionDenied):
        services.annual_report_publish(actor=coordinator, report=waiting)


def test_the_summary_carries_no_name(made, coordinator, staff_a, client):
    services.annual_report_publish(actor=coordinator, report=made)
    page = client.get(reverse("reports:public_detail", args=[2026])).content.decode()
    assert staff_a.display_name not in page and coordinator.display_name not in page
