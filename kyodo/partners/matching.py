"""Partner matching: which groups could take on a local issue? (issue 3-6, issue 17-8)

`match_partners(query, field_ids=..., limit=...)` ranks partners on three things, and says
why in words a coordinator can check:

- the issue's words found in the partner's activity, profile and track record (the staff
  search document). Only content words count: particles, auxiliary verbs, suffixes (〜向け)
  and supporting verbs (居る) are dropped by part of speech (`tokens.content_words`), and a
  word most partners hold (会, 団体, 市 in their names) by document frequency. Rarer words
  weigh more (IDF), so 「除雪」 counts for more than 「活動」;
- fields of activity: those chosen, and those the issue names (「環境」 in the text);
- track record: the partner's projects whose titles share the issue's words
  (「類似の実績: 海岸清掃（令和7年度）」).

The score is 0..1 (shown as 0–100); the reasons are in `PartnerMatch.reasons`.
"""

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kyodo.core import wareki
from kyodo.core.search.index import word_matches
from kyodo.core.search.registry import STAFF
from kyodo.core.search.tokens import content_words, words
from kyodo.partners.models import ActivityField, Partner
from kyodo.partners.selectors import partners_for_list

TEXT_WEIGHT = 0.5
FIELD_WEIGHT = 0.3
RECORD_WEIGHT = 0.2
# A word held by more than this share of all partners tells them apart no better than
# 「会」 does; with few partners, a word held by COMMON_MIN or fewer is always kept.
COMMON_SHARE = 0.3
COMMON_MIN = 3
RECORDS_SHOWN = 2


@dataclass
class PartnerMatch:
    partner: Partner
    score: float
    matched_terms: list[str] = field(default_factory=list)
    matched_fields: list[ActivityField] = field(default_factory=list)
    similar_projects: list[tuple[str, str]] = field(default_factory=list)  # (title, 年度)
    reasons: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@dataclass
class _Words:
    kept: list[str]
    weight: dict[str, float]
    holders: dict[str, set]

    @property
    def total(self) -> float:
        return sum(self.weight.values()) or 1.0


def _issue_words(query: str) -> _Words:
    """The issue's content words less the common ones, each with its weight and holders."""
    candidates = content_words(query)
    if not candidates:
        return _Words([], {}, {})
    # Matching is for the city's staff: it reads the whole profile.
    holders = word_matches(Partner.objects.all(), query, audience=STAFF, words=candidates)
    count = Partner.objects.count()
    common = max(COMMON_MIN, COMMON_SHARE * count)
    kept = [word for word in candidates if len(holders[word]) <= common]
    weight = {word: math.log(1 + count / (1 + len(holders[word]))) for word in kept}
    return _Words(kept, weight, {word: holders[word] for word in kept})


def _text_scores(issue: _Words) -> tuple[dict, dict]:
    """Per partner id: the weighted share of the issue's words it holds, and those words."""
    terms: dict = {}
    for word in issue.kept:
        for partner_id in issue.holders[word]:
            terms.setdefault(partner_id, []).append(word)
    scores = {
        partner_id: sum(issue.weight[word] for word in held) / issue.total
        for partner_id, held in terms.items()
    }
    return scores, terms


def _fields_of(query: str, field_ids: set[str]) -> set[str]:
    """The fields chosen, and those whose name the issue's text holds (「環境」)."""
    text = unicodedata.normalize("NFKC", query)
    named = {
        str(pk) for pk, name in ActivityField.objects.values_list("pk", "name") if name in text
    }
    return field_ids | named


def _field_coverage(field_ids: set[str]) -> dict:
    """Per partner id: the share of the fields it works in (0..1)."""
    if not field_ids:
        return {}
    counts: dict = {}
    rows = Partner.fields.through.objects.filter(activityfield_id__in=field_ids)
    for partner_id in rows.values_list("partner_id", flat=True):
        counts[partner_id] = counts.get(partner_id, 0) + 1
    return {partner_id: count / len(field_ids) for partner_id, count in counts.items()}


def _records(partner_ids: list, issue: _Words) -> tuple[dict, dict]:
    """Per partner id: the share of the issue's words its projects' titles hold, and those
    projects (title, 年度), newest first. One query for all the partners."""
    if not partner_ids:
        return {}, {}
    # Read even when no word of the issue is left, so that the page's queries stay the same.
    rows = (
        Partner.projects.through.objects.filter(partner_id__in=partner_ids)
        .order_by("-project__fiscal_year_from", "project__title")
        .values_list("partner_id", "project__title", "project__fiscal_year_from")
    )
    kept = set(issue.kept)
    held: dict = {}
    similar: dict = {}
    for partner_id, title, year in rows:
        shared = kept & set(words(title))
        if not shared:
            continue
        held.setdefault(partner_id, set()).update(shared)
        label = wareki.fiscal_year_label(year) if year else ""
        similar.setdefault(partner_id, []).append((title, label))
    scores = {
        partner_id: sum(issue.weight[word] for word in shared) / issue.total
        for partner_id, shared in held.items()
    }
    return scores, similar


def _reasons(match: PartnerMatch) -> list[str]:
    reasons = [_("Field matches: %(name)s") % {"name": f.name} for f in match.matched_fields]
    for title, year in match.similar_projects[:RECORDS_SHOWN]:
        if year:
            reasons.append(
                _("Similar track record: %(title)s (%(year)s)") % {"title": title, "year": year}
            )
        else:
            reasons.append(_("Similar track record: %(title)s") % {"title": title})
    if match.matched_terms:
        reasons.append(
            _("Words in its activity and record: %(words)s")
            % {"words": "、".join(match.matched_terms)}
        )
    return reasons


def match_partners(query: str, *, field_ids: Iterable = (), limit: int = 10) -> list[PartnerMatch]:
    """Partners that could take on `query` (a local issue in free text), best first.

    `field_ids` are ActivityField ids the issue belongs to; a partner working in them gains
    in proportion to how many of them it covers. Partners matching nothing are left out.
    A fixed number of queries whatever the number of partners (one per word of the issue).
    """
    issue = _issue_words(query)
    field_ids = _fields_of(query, {str(field_id) for field_id in field_ids})
    text_scores, terms = _text_scores(issue)
    coverage = _field_coverage(field_ids)
    first = {
        partner_id: TEXT_WEIGHT * text_scores.get(partner_id, 0.0)
        + FIELD_WEIGHT * coverage.get(partner_id, 0.0)
        for partner_id in set(text_scores) | set(coverage)
    }
    # The track record only adds to a text or field match; it is read for the likely ones.
    likely = sorted(first, key=lambda partner_id: -first[partner_id])[: limit * 3]
    record_scores, similar = _records(likely, issue)
    scores = {
        partner_id: first[partner_id] + RECORD_WEIGHT * record_scores.get(partner_id, 0.0)
        for partner_id in likely
    }
    partners = partners_for_list().in_bulk(likely)
    matches = []
    for partner_id in likely:
        if partner_id not in partners or scores[partner_id] <= 0:
            continue
        partner = partners[partner_id]
        match = PartnerMatch(
            partner=partner,
            score=round(min(scores[partner_id], 1.0), 4),
            matched_terms=terms.get(partner_id, []),
            matched_fields=[f for f in partner.fields.all() if str(f.pk) in field_ids],
            similar_projects=similar.get(partner_id, []),
        )
        match.reasons = _reasons(match)
        matches.append(match)
    # Ties are broken by reading, so that the order does not depend on the database.
    matches.sort(key=lambda match: (-match.score, match.partner.name_kana, match.partner.name))
    return matches[:limit]
