"""Each list and detail page runs a fixed number of queries whatever the amount of data
(pinned at 3 and 300 rows). The rows are bulk-created: only the count of rows matters here."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kyodo.engagement.models import (
    AgreementActivity,
    DialogueIssue,
    DialogueSession,
    PartnershipAgreement,
    StaffActivity,
    Training,
    TrainingAttendance,
)
from kyodo.engagement.tests import factories
from kyodo.partners.tests.factories import PartnerFactory, activity_field

pytestmark = pytest.mark.django_db


def build(n, *, department, staff):
    today = timezone.localdate()
    field = activity_field("環境")
    partner = PartnerFactory(name="協定の相手", listed_publicly=True)
    people = factories.staff_in(department, n)
    StaffActivity.objects.bulk_create(
        StaffActivity(
            staff=staff,
            department=department,
            date=today - timedelta(days=i % 300 + 1),
            kind="volunteer",
            field=field,
            hours=Decimal("1.5"),
            partner=partner if i % 2 else None,
            organisation_name="" if i % 2 else "町内会",
            description=f"活動{i}",
            is_published=True,
            show_name=bool(i % 3),
        )
        for i in range(n)
    )
    sessions = DialogueSession.objects.bulk_create(
        DialogueSession(
            kind="workshop",
            title=f"対話{i}",
            date=today - timedelta(days=i + 1),
            place="公民館",
            department=department,
            topics="話題",
        )
        for i in range(n)
    )
    DialogueIssue.objects.bulk_create(
        DialogueIssue(session=sessions[0], text=f"課題{i}") for i in range(n)
    )
    trainings = Training.objects.bulk_create(
        Training(
            kind="collaboration",
            title=f"研修{i}",
            date=today - timedelta(days=i + 1),
            place="会議室",
            department=department,
            lecturer_kind="partner",
            lecturer_partner=partner,
        )
        for i in range(n)
    )
    TrainingAttendance.objects.bulk_create(
        TrainingAttendance(training=trainings[0], attendee=person, department=department)
        for person in people
    )
    agreements = PartnershipAgreement.objects.bulk_create(
        PartnershipAgreement(
            partner=partner,
            title=f"協定{i}",
            signed_on=today - timedelta(days=500),
            starts_on=today - timedelta(days=500),
            department=department,
        )
        for i in range(n)
    )
    for agreement in agreements[:3]:
        agreement.fields.add(field)
    AgreementActivity.objects.bulk_create(
        AgreementActivity(agreement=agreements[0], date=today - timedelta(days=i + 1), title="x")
        for i in range(n)
    )
    return sessions[0], trainings[0], agreements[0]


PAGES = [
    ("staff_a", "engagement:hub", None),
    ("staff_a", "engagement:figures", None),
    ("staff_a", "engagement:my_activities", None),
    ("coordinator", "engagement:all_activities", None),
    ("staff_a", "engagement:dialogue_list", None),
    ("staff_a", "engagement:dialogue_detail", "session"),
    ("staff_a", "engagement:training_list", None),
    ("staff_a", "engagement:training_detail", "training"),
    ("staff_a", "engagement:agreement_list", None),
    ("staff_a", "engagement:agreement_detail", "agreement"),
    ("anonymous", "portal:engagement", None),
    ("anonymous", "portal:staff_activity_list", None),
    ("anonymous", "portal:dialogue_list", None),
    ("anonymous", "portal:dialogue_detail", "session"),
    ("anonymous", "portal:training_list", None),
    ("anonymous", "portal:agreement_list", None),
    ("anonymous", "portal:agreement_detail", "agreement"),
]
API = [
    "/api/engagement/staff-activities",
    "/api/engagement/dialogue-sessions",
    "/api/engagement/trainings",
    "/api/engagement/partnership-agreements",
]


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _measure(persona_client, objects) -> dict:
    counts = {}
    for persona, name, key in PAGES:
        args = [objects[key].pk] if key else []
        counts[name] = _count(persona_client(persona), reverse(name, args=args))
    for url in API:
        counts[url] = _count(persona_client("anonymous"), url)
    return counts


@pytest.mark.usefixtures("no_page_cache")
def test_query_counts_do_not_grow_with_the_data(persona_client, staff_a, coordinator, department_a):
    names = ("session", "training", "agreement")
    small = dict(zip(names, build(3, department=department_a, staff=staff_a), strict=True))
    at_3 = _measure(persona_client, small)
    large = dict(zip(names, build(300, department=department_a, staff=staff_a), strict=True))
    at_300 = _measure(persona_client, large)
    assert at_300 == at_3
    assert at_3 == PINNED


# The counts, pinned so that a change to them is seen in review.
PINNED = {
    "engagement:hub": 8,
    "engagement:figures": 11,
    "engagement:my_activities": 6,
    "engagement:all_activities": 6,
    "engagement:dialogue_list": 6,
    "engagement:dialogue_detail": 6,
    "engagement:training_list": 6,
    "engagement:training_detail": 9,
    "engagement:agreement_list": 7,
    "engagement:agreement_detail": 8,
    "portal:engagement": 2,
    "portal:staff_activity_list": 3,
    "portal:dialogue_list": 4,
    "portal:dialogue_detail": 6,
    "portal:training_list": 3,
    "portal:agreement_list": 4,
    "portal:agreement_detail": 5,
    "/api/engagement/staff-activities": 2,
    "/api/engagement/dialogue-sessions": 3,
    "/api/engagement/trainings": 2,
    "/api/engagement/partnership-agreements": 3,
}
