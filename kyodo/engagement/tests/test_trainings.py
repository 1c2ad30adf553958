"""Trainings: attendance recorded by the organisers, feedback from attendees only, once."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kyodo.core.rules import PhaseRefused
from kyodo.engagement import selectors, services
from kyodo.engagement.tests import factories
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_attendance_is_recorded_once(training_a, staff_a, staff_b):
    services.attendance_record(actor=staff_a, training=training_a, attendees=[staff_b])
    with pytest.raises(ValidationError):
        services.attendance_record(actor=staff_a, training=training_a, attendees=[staff_b])
    assert training_a.attendance.get().department == staff_b.department


def test_only_staff_in_a_department_attend(training_a, staff_a, partner_member):
    with pytest.raises(ValidationError):
        services.attendance_record(actor=staff_a, training=training_a, attendees=[partner_member])


def test_another_department_may_not_record_attendance(training_a, staff_b):
    with pytest.raises(PermissionDenied):
        services.attendance_record(actor=staff_b, training=training_a, attendees=[staff_b])


def test_feedback_comes_from_attendees_only_and_once(training_a, staff_a, staff_b):
    with pytest.raises(PermissionDenied):  # staff_b did not attend
        services.feedback_give(actor=staff_b, training=training_a, understanding=4, usefulness=4)
    services.attendance_record(actor=None, training=training_a, attendees=[staff_b])
    services.feedback_give(actor=staff_b, training=training_a, understanding=4, usefulness=5)
    with pytest.raises(ValidationError):
        services.feedback_give(actor=staff_b, training=training_a, understanding=1, usefulness=1)
    results = selectors.training_results(training_a)
    assert (results["answers"], results["understanding"], results["usefulness"]) == (1, 4, 5)


def test_feedback_waits_for_the_training(department_a, staff_b):
    later = factories.training(department_a, date=timezone.localdate() + timedelta(days=7))
    services.attendance_record(actor=None, training=later, attendees=[staff_b])
    with pytest.raises(PhaseRefused):
        services.feedback_give(actor=staff_b, training=later, understanding=3, usefulness=3)


def test_a_partner_lecturer_must_be_named(department_a):
    with pytest.raises(ValidationError) as excinfo:
        factories.training(department_a, lecturer_kind="partner", lecturer_partner=None)
    assert "lecturer_partner" in excinfo.value.error_dict


def test_the_lecturer_is_named_publicly_only_with_consent(department_a):
    listed = PartnerFactory(name="環境ネット", listed_publicly=True)
    unlisted = PartnerFactory(name="非公開団体", listed_publicly=False)
    kinds = {"lecturer_kind": "partner", "lecturer_name": "講師 環"}
    assert factories.training(department_a, lecturer_partner=listed, **kinds).public_lecturer == (
        "環境ネット"
    )
    named = factories.training(
        department_a, lecturer_partner=listed, lecturer_name_public=True, **kinds
    )
    assert named.public_lecturer == "環境ネット（講師 環）"
    hidden = factories.training(department_a, lecturer_partner=unlisted, **kinds)
    assert "非公開団体" not in hidden.public_lecturer and "講師" not in hidden.public_lecturer[:2]
    assert listed.lectures.count() == 2  # it counts in the partner's track record
