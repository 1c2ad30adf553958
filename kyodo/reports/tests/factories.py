"""Hand-made records for the report tests, dated where the figures need them."""

import datetime

from django.utils import timezone

from kyodo.projects.models import Agreement, ProjectStatus, StatusChange
from kyodo.projects.tests.factories import ProjectFactory

THIS_YEAR = 2026  # today (2026-12-03 in these tests' world) is in 令和8年度
LAST_YEAR = 2025


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def project(department, *, created: datetime.date, history=(), form="itaku", **fields):
    """A project created on `created` that went through `history`: [(status, date), ...]."""
    statuses = [(ProjectStatus.IDEA, created), *history]
    made = ProjectFactory(department=department, status=statuses[-1][0], form=form, **fields)
    type(made).objects.filter(pk=made.pk).update(created_at=at(created))
    for status, day in statuses:
        change = StatusChange.objects.create(project=made, to_status=status)
        StatusChange.objects.filter(pk=change.pk).update(created_at=at(day))
    return made


def finalised_agreement(project_, valid_until: datetime.date) -> Agreement:
    return Agreement.objects.create(
        project=project_,
        valid_from=valid_until - datetime.timedelta(days=365),
        valid_until=valid_until,
        city_signatory="市長",
        partner_signatory="代表",
        finalised_at=timezone.now(),
    )
