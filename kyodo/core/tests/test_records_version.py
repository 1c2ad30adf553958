"""The version of all records (core.records_version): bumped by every change of a record."""

import uuid

import pytest
from django.contrib.auth.models import Group

from kyodo.accounts.tests.factories import UserFactory
from kyodo.core import records_version
from kyodo.core.models import ReminderSent
from kyodo.partners.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_saving_and_deleting_a_record_bumps_the_version():
    before = records_version.current()
    assert records_version.current() == before  # reading does not change it
    partner = PartnerFactory()
    after_save = records_version.current()
    assert after_save != before
    partner.delete()
    assert records_version.current() != after_save


def test_a_users_groups_bump_the_version():
    user = UserFactory()
    group = Group.objects.create(name="職員（テスト）")
    before = records_version.current()
    user.groups.add(group)
    assert records_version.current() != before


def test_bookkeeping_rows_do_not_bump_the_version():
    recipient = UserFactory()
    before = records_version.current()
    Group.objects.create(name="Django の行")  # not a Kyodo model
    ReminderSent.objects.create(
        kind="test", subject_id=uuid.uuid4(), due_on="2026-12-03", recipient=recipient
    )
    assert records_version.current() == before
