"""Staff civic activity: logging one's own, the day's limit, and who sees an entry."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kyodo.engagement import services
from kyodo.engagement.models import StaffActivity
from kyodo.engagement.tests import factories
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_it_logs_for_the_department_of_the_day(staff_a, department_a, department_b):
    entry = factories.activity(staff_a)
    staff_a.department = department_b
    staff_a.save()
    entry.refresh_from_db()
    assert entry.department == department_a
    assert entry.history.first().history_user == staff_a


def test_it_links_a_registered_organisation_and_forgets_the_typed_name(staff_a):
    partner = PartnerFactory(name="網走川を守る会")
    entry = factories.activity(staff_a, partner=partner, organisation_name="typed")
    assert entry.partner == partner
    assert entry.organisation_name == ""
    assert partner.staff_activities.get() == entry


def test_it_refuses_a_future_date(staff_a):
    with pytest.raises(ValidationError) as excinfo:
        factories.activity(staff_a, date=timezone.localdate() + timedelta(days=1))
    assert "date" in excinfo.value.error_dict


def test_it_refuses_more_than_24_hours_a_day(staff_a):
    day = factories.past(3)
    factories.activity(staff_a, date=day, hours=Decimal("20"))
    with pytest.raises(ValidationError) as excinfo:
        factories.activity(staff_a, date=day, hours=Decimal("5"))
    assert "hours" in excinfo.value.error_dict
    factories.activity(staff_a, date=day, hours=Decimal("4"))  # exactly 24 is fine


def test_a_name_is_never_shown_unpublished(staff_a):
    entry = factories.activity(staff_a, is_published=False, show_name=True)
    assert entry.show_name is False
    assert entry.public_author == ""


def test_only_staff_log(coordinator, partner_member, outsider):
    for person in (coordinator, partner_member, outsider):
        with pytest.raises(PermissionDenied):
            factories.activity(person)


def test_another_staff_member_may_not_change_or_delete_it(own_activity, staff_b, coordinator):
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=staff_b, activity=own_activity, description="x")
    with pytest.raises(PermissionDenied):
        services.activity_delete(actor=staff_b, activity=own_activity)
    services.activity_update(actor=coordinator, activity=own_activity, description="修正")
    own_activity.refresh_from_db()
    assert own_activity.description == "修正"


def test_the_owner_deletes_it(own_activity, staff_a):
    services.activity_delete(actor=staff_a, activity=own_activity)
    assert not StaffActivity.objects.exists()
