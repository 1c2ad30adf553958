"""Partnership agreements: dates, activities, the dormant flag and the ending reminder list."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kyodo.core.tests.helpers import sample_pdf
from kyodo.engagement import selectors, services
from kyodo.engagement.tests import factories

pytestmark = pytest.mark.django_db


def test_an_agreement_cannot_end_before_it_starts(department_a):
    with pytest.raises(ValidationError) as excinfo:
        factories.agreement(department_a, starts_on=factories.past(10), ends_on=factories.past(20))
    assert "ends_on" in excinfo.value.error_dict


def test_an_agreement_without_activity_for_a_year_is_dormant(department_a, staff_a):
    old = factories.agreement(department_a, starts_on=factories.past(500))
    young = factories.agreement(department_a, starts_on=factories.past(100))
    alive = factories.agreement(department_a, starts_on=factories.past(500))
    services.agreement_activity_add(
        actor=staff_a, agreement=alive, date=factories.past(30), title="合同清掃"
    )
    assert set(selectors.dormant_agreements()) == {old}
    flags = {a.pk: (a.dormant, a.last_activity) for a in selectors.agreements()}
    assert flags[young.pk] == (False, None)
    assert flags[alive.pk] == (False, factories.past(30))


def test_an_ending_agreement_is_listed_unless_renewed_automatically(department_a):
    today = timezone.localdate()
    ending = factories.agreement(department_a, ends_on=today + timedelta(days=30))
    factories.agreement(department_a, ends_on=today + timedelta(days=30), auto_renew=True)
    factories.agreement(department_a, ends_on=today + timedelta(days=300))
    assert list(selectors.agreements_ending()) == [ending]


def test_activity_before_the_agreement_is_refused(agreement_a, staff_a):
    with pytest.raises(ValidationError):
        services.agreement_activity_add(
            actor=staff_a, agreement=agreement_a, date=factories.past(400), title="x"
        )


def test_only_the_department_or_a_coordinator_changes_it(agreement_a, staff_b, partner_member):
    for person in (staff_b, partner_member):
        with pytest.raises(PermissionDenied):
            services.agreement_update(actor=person, agreement=agreement_a, title="x")


def test_the_document_is_checked_by_its_content(agreement_a, staff_a):
    fake = SimpleUploadedFile("協定書.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError):
        services.agreement_update(actor=staff_a, agreement=agreement_a, document=fake)
    real = SimpleUploadedFile("協定書.pdf", sample_pdf())
    services.agreement_update(actor=staff_a, agreement=agreement_a, document=real)
    agreement_a.refresh_from_db()
    assert agreement_a.document_name == "協定書.pdf"
