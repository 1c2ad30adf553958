"""Outcomes of meetings (答申, 建議, 報告, 決定, 意見) and what the city does about them."""

from django.db import transaction
from django.utils.translation import gettext as _

from kyodo.core.permissions import require_perm
from kyodo.councils import search
from kyodo.councils.models import FollowUp, FollowUpStatus, Meeting, Outcome
from kyodo.councils.services.common import refuse, save

FOLLOWUP_FIELDS = ("action", "status", "reason", "department", "due_on")


@transaction.atomic
def outcome_add(*, actor, meeting: Meeting, kind: str, title: str, text: str) -> Outcome:
    require_perm(actor, "councils.edit_council", meeting.council)
    outcome = Outcome(meeting=meeting, kind=kind, title=title, text=text)
    save(outcome, actor)
    search.reindex(meeting.council)
    return outcome


def _check_followup(followup: FollowUp) -> None:
    if followup.status == FollowUpStatus.DECLINED and not followup.reason.strip():
        refuse("reason", _("Say why the city will not act on it."), "reason")


@transaction.atomic
def followup_add(*, actor, outcome: Outcome, data: dict) -> FollowUp:
    require_perm(actor, "councils.edit_council", outcome.meeting.council)
    fields = {key: value for key, value in data.items() if key in FOLLOWUP_FIELDS}
    fields.setdefault("department", outcome.meeting.council.department)
    followup = FollowUp(outcome=outcome, **fields)
    _check_followup(followup)
    save(followup, actor)
    return followup


@transaction.atomic
def followup_update(*, actor, followup: FollowUp, data: dict) -> FollowUp:
    require_perm(actor, "councils.edit_council", followup.outcome.meeting.council)
    for key, value in data.items():
        if key in FOLLOWUP_FIELDS:
            setattr(followup, key, value)
    _check_followup(followup)
    save(followup, actor)
    return followup
