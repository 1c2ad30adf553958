"""Test data for councils, built through the services (as the seeders do)."""

import itertools
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from kyodo.accounts.tests.factories import DepartmentFactory
from kyodo.councils import services
from kyodo.councils.models import Category, CouncilKind, Gender, Position

TOKYO = ZoneInfo("Asia/Tokyo")
_numbers = itertools.count(1)
# What a member's contact details hold: nothing public may carry them.
PHONE_SENTINEL = "0152-99-7311"
ADDRESS_SENTINEL = "網走市zqcouncilhomesentinel町1-2"
CLOSED_MINUTES_SENTINEL = "zqclosedminutessentinel"


def at(day: date, hour: int = 14) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TOKYO)


def make_council(department=None, **fields):
    n = next(_numbers)
    data = {
        "name": f"網走市協議会{n}",
        "name_kana": "アバシリシキョウギカイ",
        "kind": CouncilKind.KYOGIKAI,
        "legal_basis": "網走市協議会設置要綱 第2条",
        "purpose": "地域の課題を協議する",
        "department": department or DepartmentFactory(),
        "seats": 10,
        "term_years": 2,
        "quorum": "half",
        "meetings_per_year": 1,
        "established_on": date(2020, 4, 1),
        "abolished_on": None,
        "is_public": True,
        "project": None,
        **fields,
    }
    return services.council_create(actor=None, data=data)


def appoint(
    council,
    name=None,
    *,
    gender=Gender.FEMALE,
    category=Category.ACADEMIC,
    starts=date(2025, 4, 1),
    ends=date(2027, 3, 31),
    person=None,
    partner=None,
    **person_fields,
):
    return services.term_add(
        actor=None,
        council=council,
        person=person,
        person_data={"name": name or f"委員{next(_numbers)}", "gender": gender, **person_fields},
        term_data={
            "category": category,
            "partner": partner,
            "position": Position.MEMBER,
            "starts_on": starts,
            "ends_on": ends,
        },
    )


def make_meeting(council, day=date(2026, 6, 1), **fields):
    data = {
        "title": f"第{next(_numbers)}回会議",
        "starts_at": at(day),
        "ends_at": None,
        "place": "網走市役所 会議室",
        "online": False,
        "is_public": True,
        "closed_reason": "",
        "agenda": "議題一\n議題二",
        "observer_capacity": 10,
        "observers": 2,
        **fields,
    }
    return services.meeting_create(actor=None, council=council, data=data)
