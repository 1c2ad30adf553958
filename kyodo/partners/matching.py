"""Partner matching: which groups could take on a local issue? (issue 3, item 6)

`match_partners(query, field_ids=..., limit=...)` ranks partners by how well their activity,
capability profile and track record (the search index, BM25 on SQLite / ts_rank on
PostgreSQL, any word counts) and their fields of activity fit, and says why.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from kyodo.core.search.index import search, word_matches
from kyodo.core.search.registry import STAFF
from kyodo.core.search.tokens import display_words
from kyodo.partners.models import ActivityField, Partner
from kyodo.partners.selectors import partners_for_list

# How much the text counts against the fields (both scaled to 0..1 before weighting).
TEXT_WEIGHT = 0.6
FIELD_WEIGHT = 0.4


@dataclass
class PartnerMatch:
    partner: Partner
    score: float
    matched_terms: list[str] = field(default_factory=list)
    matched_fields: list[ActivityField] = field(default_factory=list)


def _text_scores(query: str) -> tuple[dict, dict]:
    """Per partner id: text score in 0..1 and the words of the issue its texts hold."""
    query_words = display_words(query)
    if not query_words:
        return {}, {}
    partners = Partner.objects.all()
    # Matching is for the city's staff: it reads the whole profile.
    hits = search(partners, query, mode="any", audience=STAFF)
    holders = word_matches(partners, query, audience=STAFF)
    terms = {
        hit.object_id: [word for word in query_words if hit.object_id in holders[word]]
        for hit in hits
    }
    best = max((hit.score for hit in hits), default=0) or 1.0
    # Half for the share of the words the partner's texts hold, half for the
    # database's rank (BM25 gives ~0 to words most documents hold, so it cannot stand alone).
    scores = {
        hit.object_id: (len(terms[hit.object_id]) / len(query_words))
        * (0.5 + 0.5 * hit.score / best)
        for hit in hits
    }
    return scores, terms


def _field_coverage(field_ids: set[str]) -> dict:
    """Per partner id: the share of the requested fields it works in (0..1)."""
    if not field_ids:
        return {}
    counts: dict = {}
    rows = Partner.fields.through.objects.filter(activityfield_id__in=field_ids)
    for partner_id in rows.values_list("partner_id", flat=True):
        counts[partner_id] = counts.get(partner_id, 0) + 1
    return {partner_id: count / len(field_ids) for partner_id, count in counts.items()}


def match_partners(query: str, *, field_ids: Iterable = (), limit: int = 10) -> list[PartnerMatch]:
    """Partners that could take on `query` (a local issue in free text), best first.

    `field_ids` are ActivityField ids the issue belongs to; a partner working in them gains
    in proportion to how many of them it covers. Partners matching neither are left out.
    """
    field_ids = {str(field_id) for field_id in field_ids}
    text_scores, terms = _text_scores(query)
    coverage = _field_coverage(field_ids)
    scores = {
        partner_id: TEXT_WEIGHT * text_scores.get(partner_id, 0.0)
        + FIELD_WEIGHT * coverage.get(partner_id, 0.0)
        for partner_id in set(text_scores) | set(coverage)
    }
    # Rank on ids first so that only the partners shown are loaded.
    best = sorted(scores, key=lambda partner_id: -scores[partner_id])[: max(limit * 3, limit)]
    partners = partners_for_list().in_bulk(best)
    matches = [
        PartnerMatch(
            partner=partners[partner_id],
            score=round(scores[partner_id], 4),
            matched_terms=terms.get(partner_id, []),
            matched_fields=[f for f in partners[partner_id].fields.all() if str(f.pk) in field_ids],
        )
        for partner_id in best
        if partner_id in partners
    ]
    # Ties are broken by reading, so that the order does not depend on the database.
    matches.sort(key=lambda match: (-match.score, match.partner.name_kana, match.partner.name))
    return matches[:limit]
