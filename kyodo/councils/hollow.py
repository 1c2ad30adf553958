"""The hollow-council flag (形骸化の恐れ), with its reason in words.

The guideline (§3-(3)-⑤): 「会議が形骸化しないように、実効性のある結論を出すことに市も委員も
貢献していく必要があります」. Two causes raise the flag:

1. the council's last N meetings held (`KYODO_COUNCIL_HOLLOW_MEETINGS`, default 3) produced no
   outcome (答申, 建議, 報告, 決定 or 意見);
2. in the last complete fiscal year it existed for, it met fewer times than its own rule says.
"""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from kyodo.core import wareki


def previous_fiscal_year(today: date) -> int:
    return wareki.fiscal_year(today) - 1


def _no_outcome_reason(rows) -> str | None:
    needed = settings.KYODO_COUNCIL_HOLLOW_MEETINGS
    last = rows[:needed]
    if needed and len(last) == needed and not any(row["outcome_count"] for row in last):
        return _("The last %(count)d meetings produced no outcome.") % {"count": needed}
    return None


def _too_few_reason(council, rows, fiscal_year: int) -> str | None:
    first, last = wareki.fiscal_year_bounds(fiscal_year)
    existed = council.established_on <= first and (
        council.abolished_on is None or council.abolished_on >= last
    )
    if not existed:
        return None
    held = sum(1 for row in rows if first <= row["day"] <= last)
    if held >= council.meetings_per_year:
        return None
    return _("In %(year)s it met %(held)d times, fewer than the %(rule)d its rule provides.") % {
        "year": wareki.fiscal_year_label(fiscal_year),
        "held": held,
        "rule": council.meetings_per_year,
    }


def hollow_reasons(councils, meeting_rows, today: date) -> dict:
    """{council id: [reasons]} for the councils flagged; `meeting_rows` are the meetings held
    up to `today`, newest first, as rows with council_id, day and outcome_count."""
    by_council = defaultdict(list)
    for row in meeting_rows:
        by_council[row["council_id"]].append(row)
    fiscal_year = previous_fiscal_year(today)
    flagged = {}
    for council in councils:
        rows = by_council.get(council.pk, [])
        reasons = [
            reason
            for reason in (_no_outcome_reason(rows), _too_few_reason(council, rows, fiscal_year))
            if reason
        ]
        if reasons:
            flagged[council.pk] = reasons
    return flagged
