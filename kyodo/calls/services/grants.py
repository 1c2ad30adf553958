"""Grants (補助): recorded, disclosed and reviewed once their term has ended."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kyodo.calls.models import Call, DisclosureStatus, Grant
from kyodo.calls.services.common import refuse
from kyodo.core import normalize
from kyodo.core.cache_versions import bump
from kyodo.core.permissions import require_perm
from kyodo.partners.models import Partner


def purpose_key(purpose: str) -> str:
    return normalize.normalize_search_key(purpose)


def _check_grant(grant: Grant) -> None:
    if grant.term_start and grant.term_end and grant.term_end < grant.term_start:
        refuse(_("The term must end on or after its start."), "term_order")


@transaction.atomic
def grant_record(
    *,
    actor,
    partner: Partner,
    purpose: str,
    amount: int,
    term_start: date,
    term_end: date,
    project=None,
    call: Call | None = None,
    disclosure_status: str = DisclosureStatus.PENDING,
) -> Grant:
    require_perm(actor, "calls.manage_grants")
    bump("calls")  # the disclosed subsidies' page and CSV
    grant = Grant(
        partner=partner,
        project=project,
        call=call,
        purpose=purpose.strip(),
        purpose_key=purpose_key(purpose),
        amount=amount,
        term_start=term_start,
        term_end=term_end,
        disclosure_status=disclosure_status,
    )
    _check_grant(grant)
    grant.full_clean()
    grant.save()
    return grant


@transaction.atomic
def grant_set_disclosure(*, actor, grant: Grant, disclosure_status: str) -> Grant:
    require_perm(actor, "calls.manage_grants", grant)
    bump("calls")  # disclosing (or undoing it) changes the public subsidies at once
    grant.disclosure_status = disclosure_status
    grant.full_clean()
    grant.save()
    return grant


@transaction.atomic
def grant_review(*, actor, grant: Grant, notes: str, reviewed_on: date | None = None) -> Grant:
    """Record the review (振り返り) of a grant whose term has ended."""
    require_perm(actor, "calls.manage_grants", grant)
    if not notes.strip():
        refuse(_("Write what the review found."), "no_review")
    grant.review_notes = notes.strip()
    grant.reviewed_on = reviewed_on or timezone.localdate()
    grant.save()
    return grant
