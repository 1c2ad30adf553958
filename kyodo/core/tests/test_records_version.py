"""The version of all records (core.records_version): bumped by every change of a record."""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.db import transaction

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


def test_a_transaction_saving_many_records_schedules_one_bump(django_capture_on_commit_callbacks):
    before = records_version.current()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        PartnerFactory.create_batch(3)
        during = records_version.current()
    assert during != before  # the acting request's next page is fresh at once
    assert len([c for c in callbacks if getattr(c, "records_version", False)]) == 1
    assert records_version.current() != during  # and again once committed


def test_a_rolled_back_transaction_leaves_the_next_one_its_bump(django_capture_on_commit_callbacks):
    with pytest.raises(RuntimeError), transaction.atomic():
        PartnerFactory()
        raise RuntimeError
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        PartnerFactory()
    assert len([c for c in callbacks if getattr(c, "records_version", False)]) == 1
