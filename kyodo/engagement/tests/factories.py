"""Test data for the promotion measures, made through the services (actor=None: the system)."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.engagement import services
from kyodo.partners.tests.factories import PartnerFactory

_numbers = itertools.count(1)


def past(days: int = 10) -> date:
    return timezone.localdate() - timedelta(days=days)


def staff_in(department, n: int = 1) -> list:
    return [
        UserFactory(roles=[Role.STAFF], department=department, display_name=f"職員{next(_numbers)}")
        for _ in range(n)
    ]


def activity(staff, **fields):
    values = {
        "date": past(),
        "kind": "volunteer",
        "field": None,
        "hours": Decimal("2.0"),
        "partner": None,
        "organisation_name": "網走川を守る会",
        "description": "河川敷の清掃に参加した。",
        "is_published": False,
        "show_name": False,
        **fields,
    }
    return services.activity_log(actor=staff, **values)


def session(department, **fields):
    values = {
        "kind": "town_meeting",
        "title": f"対話集会{next(_numbers)}",
        "date": past(30),
        "place": "中央公民館",
        "topics": "地域の見守り",
        "citizens_count": 20,
        "groups_count": 5,
        "staff_count": 3,
        "internal_note": "",
        **fields,
    }
    return services.dialogue_create(actor=None, department=department, **values)


def issue(session_, text="冬の除雪が追いつかない。"):
    return services.issue_add(actor=None, session=session_, text=text)


def training(department, **fields):
    values = {
        "kind": "collaboration",
        "title": f"協働研修{next(_numbers)}",
        "date": past(5),
        "place": "市役所 会議室",
        "description": "協働の基本",
        "lecturer_kind": "citizen",
        "lecturer_name": "講師 花子",
        "lecturer_partner": None,
        "lecturer_name_public": False,
        **fields,
    }
    return services.training_create(actor=None, department=department, **values)


def agreement(department, partner=None, **fields):
    values = {
        "partner": partner or PartnerFactory(),
        "title": f"連携協定{next(_numbers)}",
        "purpose": "環境保全での協力",
        "signed_on": past(100),
        "starts_on": past(100),
        "ends_on": None,
        "auto_renew": False,
        "status": "active",
        **fields,
    }
    return services.agreement_create(actor=None, department=department, **values)
