"""The council list, a council's page and the public pages run a fixed number of queries,
whatever the number of councils (pinned here with 3 and 300; the rows are bulk-created)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.councils.models import (
    Attendance,
    Category,
    Council,
    FollowUp,
    Gender,
    Material,
    Meeting,
    Outcome,
    Person,
    Term,
)
from kyodo.councils.tests.factories import at

pytestmark = pytest.mark.django_db


def build(n: int, department):
    """n public councils with two members and two meetings each; the first council has n
    members (each also on another council) and n meetings, each with an outcome, a follow-up,
    a material and attendance."""
    councils = Council.objects.bulk_create(
        Council(
            name=f"審議会{i:03}",
            kind="kyogikai",
            purpose="目的",
            department=department,
            seats=max(n, 2),
            established_on=date(2020, 4, 1),
            meetings_per_year=1,
        )
        for i in range(n)
    )
    people = Person.objects.bulk_create(
        Person(name=f"委員{i}", gender=Gender.FEMALE if i % 2 else Gender.MALE) for i in range(n)
    )
    first = councils[0]
    terms = [
        Term(
            council=c,
            person=people[i],
            category=Category.PUBLIC,
            starts_on=date(2025, 4, 1),
            ends_on=date(2027, 3, 31),
        )
        for i, c in enumerate(councils)
    ]
    terms += [
        Term(
            council=first,
            person=p,
            category=Category.ACADEMIC,
            starts_on=date(2025, 4, 1),
            ends_on=date(2027, 3, 31),
        )
        for p in people[1:]
    ]
    Term.objects.bulk_create(terms)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            council=c,
            title=f"会議{i}",
            starts_at=at(date(2025, 6, 1)),
            agenda="議題",
            minutes_text="要旨",
            minutes_approved_at=at(date(2025, 7, 1)),
            minutes_published_at=at(date(2025, 7, 1)),
        )
        for i, c in enumerate([*councils, *[first] * (n - 1)])
    )
    outcomes = Outcome.objects.bulk_create(
        Outcome(meeting=m, kind="iken", title="意見", text="内容") for m in meetings
    )
    FollowUp.objects.bulk_create(
        FollowUp(outcome=o, action="対応", department=department) for o in outcomes
    )
    Material.objects.bulk_create(
        Material(meeting=m, title="資料", file="councils/materials/x.pdf", original_name="x.pdf")
        for m in meetings[:n]
    )
    first_terms = Term.objects.filter(council=first)
    Attendance.objects.bulk_create(
        Attendance(meeting=meetings[0], term=t, status="present") for t in first_terms
    )
    return first, meetings[0]


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def counts(client, first, meeting) -> dict:
    client.get(reverse("councils:list"))  # the city is read once, then kept (kyodo.core.city)
    return {
        "list": count(client, reverse("councils:list")),
        "detail": count(client, reverse("councils:detail", args=[first.pk])),
        "meeting": count(client, reverse("councils:meeting", args=[meeting.pk])),
        "hollow": count(client, reverse("councils:hollow")),
        "public_list": count(client, reverse("councils:public_list")),
        "public_detail": count(client, reverse("councils:public_detail", args=[first.pk])),
        "public_meeting": count(client, reverse("councils:public_meeting", args=[meeting.pk])),
    }


# Session, user and roles (3) come first on the staff pages, and the menu's permissions; then
# the list: councils, terms in office, meetings held (3); a council's page: its terms, every
# term of its members (warnings), meetings, open follow-ups; a meeting: attendance (2),
# materials, outcomes with follow-ups (2). The public pages add the upcoming meetings. The
# city is read from the cache (kyodo.core.city).
# Two less than before the roles and then the person's row were kept (accounts.models
# User.role_names, accounts.backends.KeptUserBackend): the session is read, nothing else.
PINNED = {
    "list": 4,
    "detail": 8,
    "meeting": 7,
    "hollow": 4,
    "public_list": 5,
    "public_detail": 8,
    "public_meeting": 5,
}


def test_query_counts_do_not_grow_with_the_number_of_councils(client, coordinator):
    client.force_login(coordinator)
    small = counts(client, *build(3, DepartmentFactory()))
    Council.objects.all().delete()
    Person.objects.all().delete()
    large = counts(client, *build(300, DepartmentFactory()))
    assert small == large
    assert small == PINNED
