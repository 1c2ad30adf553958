"""The councils world: a public council of department A with members (one recommended by the
persona partner member's organisation), a public meeting with an outcome and its follow-up, a
closed meeting with approved minutes, and a council that is not public."""

from datetime import date

import pytest

from kyodo.councils import services
from kyodo.councils.models import Category, FollowUpStatus, Gender, OutcomeKind
from kyodo.councils.tests.factories import (
    ADDRESS_SENTINEL,
    CLOSED_MINUTES_SENTINEL,
    PHONE_SENTINEL,
    appoint,
    make_council,
    make_meeting,
)
from kyodo.partners.tests.factories import PartnerFactory, membership


@pytest.fixture
def world(department_a, partner_member):
    council = make_council(department_a, name="網走市環境審議会", seats=5)
    partner = PartnerFactory(name="網走の海を守る会")
    membership(partner, partner_member)
    recommended = appoint(
        council,
        "網走花子",
        gender=Gender.FEMALE,
        category=Category.ORGANISATION,
        partner=partner,
        phone=PHONE_SENTINEL,
        address=ADDRESS_SENTINEL,
    )
    other = appoint(council, "北見太郎", gender=Gender.MALE, category=Category.PUBLIC)
    meeting = make_meeting(council, date(2026, 6, 1))
    outcome = services.outcome_add(
        actor=None, meeting=meeting, kind=OutcomeKind.REPORT_ANSWER, title="答申一", text="本文"
    )
    followup = services.followup_add(
        actor=None,
        outcome=outcome,
        data={"action": "計画に反映する", "status": FollowUpStatus.CONSIDERING},
    )
    closed = make_meeting(
        council, date(2026, 7, 1), is_public=False, closed_reason="個人情報を扱うため"
    )
    services.minutes_save(
        actor=None, meeting=closed, text=f"非公開の議事 {CLOSED_MINUTES_SENTINEL}"
    )
    services.minutes_approve(actor=None, meeting=closed)
    hidden = make_council(department_a, name="庁内調整会議", is_public=False)
    return {
        "council": council,
        "partner": partner,
        "term": recommended,
        "other_term": other,
        "meeting": meeting,
        "outcome": outcome,
        "followup": followup,
        "closed": closed,
        "hidden": hidden,
    }
