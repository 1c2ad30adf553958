"""Subsidies the city has disclosed (補助の透明性, §3-3-③): what the portal, its CSV and the API
publish of a grant marked 「公開済み」, and nothing of one that is not."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, F, IntegerField, When
from django.db.models.functions import ExtractYear

from kyodo.calls.models import CallStatus, DisclosureStatus, Grant


@dataclass(frozen=True)
class DisclosedGrant:
    """A disclosed grant as published: the recipient organisation, purpose, amount, fiscal
    year, term and the open call it came from (only when that call is public)."""

    id: object
    fiscal_year: int
    recipient: str
    purpose: str
    amount: int
    term_start: date
    term_end: date
    call_id: object | None
    call_title: str


def _disclosed():
    """Disclosed grants with their fiscal year (April to March) from the term's start."""
    year = ExtractYear("term_start")
    return Grant.objects.filter(disclosure_status=DisclosureStatus.DISCLOSED).annotate(
        fiscal=Case(
            When(term_start__month__gte=4, then=year),
            default=year - 1,
            output_field=IntegerField(),
        )
    )


def disclosed_values(year: int | None = None):
    """The disclosed grants (of one fiscal year, if given) as rows of values, newest first:
    a queryset, so that a list can count and slice it in the database."""
    grants = _disclosed().order_by("-term_start", "partner__name", "pk")
    if year is not None:
        grants = grants.filter(fiscal=year)
    return grants.values(
        "pk",
        "fiscal",
        "purpose",
        "amount",
        "term_start",
        "term_end",
        "call_id",
        recipient=F("partner__name"),
        call_title=F("call__title"),
        call_status=F("call__status"),
    )


def as_published(row: dict) -> DisclosedGrant:
    """A row of `disclosed_values` as it may be published."""
    public_call = _public(row["call_status"])  # a call still in draft is not public
    return DisclosedGrant(
        id=row["pk"],
        fiscal_year=row["fiscal"],
        recipient=row["recipient"],
        purpose=row["purpose"],
        amount=row["amount"],
        term_start=row["term_start"],
        term_end=row["term_end"],
        call_id=row["call_id"] if public_call else None,
        call_title=row["call_title"] if public_call else "",
    )


def disclosed_grants(year: int | None = None) -> list[DisclosedGrant]:
    """The disclosed grants (of one fiscal year, if given), newest first, in one query."""
    return [as_published(row) for row in disclosed_values(year)]


def _public(call_status) -> bool:
    return call_status is not None and call_status != CallStatus.DRAFT


def disclosed_years() -> list[int]:
    """The fiscal years with a disclosed grant, newest first."""
    return list(_disclosed().order_by("-fiscal").values_list("fiscal", flat=True).distinct())
