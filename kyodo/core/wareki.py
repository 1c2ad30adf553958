"""和暦 (Japanese era) dates and 年度 (fiscal years, April to March).

Only the eras of the modern calendar are supported: Japan adopted the Gregorian calendar on
明治6年1月1日 (1873-01-01), so earlier dates have no meaningful era-and-Gregorian-day form.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

WEEKDAYS_JA = "月火水木金土日"


@dataclass(frozen=True)
class Era:
    name: str
    start: date


# Newest first, so that the first era whose start is on or before a date is the right one.
ERAS: tuple[Era, ...] = (
    Era("令和", date(2019, 5, 1)),
    Era("平成", date(1989, 1, 8)),
    Era("昭和", date(1926, 12, 25)),
    Era("大正", date(1912, 7, 30)),
    Era("明治", date(1873, 1, 1)),
)
# 明治 counts its years from 1868 even though our table starts when the calendar changed.
_ERA_FIRST_YEAR = {"明治": 1868}


def era_of(d: date) -> tuple[str, int]:
    """The era name and the year within it, e.g. (令和, 8) for 2026-11-28."""
    for era in ERAS:
        if d >= era.start:
            first_year = _ERA_FIRST_YEAR.get(era.name, era.start.year)
            return era.name, d.year - first_year + 1
    raise ValueError(f"{d.isoformat()} is before the Gregorian calendar was used in Japan.")


def _year_label(era_year: int) -> str:
    return "元" if era_year == 1 else str(era_year)


def era_year_label(d: date) -> str:
    """e.g. 令和8年, 令和元年."""
    name, year = era_of(d)
    return f"{name}{_year_label(year)}年"


def format_date(d: date) -> str:
    """e.g. 令和8年11月28日, 令和元年5月1日."""
    return f"{era_year_label(d)}{d.month}月{d.day}日"


def format_date_with_western(d: date, *, weekday: bool = False) -> str:
    """The public-sector form with both calendars, e.g. 2026年（令和8年）12月5日（土）.

    The era follows the year it names, so that a weekday never doubles the parentheses
    (not 2026年12月5日（令和8年）（土）).
    """
    text = f"{d.year}年（{era_year_label(d)}）{d.month}月{d.day}日"
    if weekday:
        text += f"（{WEEKDAYS_JA[d.weekday()]}）"
    return text


def fiscal_year(d: date) -> int:
    """The Western year in which the fiscal year containing d starts (April to March)."""
    return d.year if d.month >= 4 else d.year - 1


def fiscal_year_bounds(year: int) -> tuple[date, date]:
    """First and last day of fiscal year `year`: 1 April `year` to 31 March `year + 1`."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def period_fiscal_years_label(start: date, end: date) -> str:
    """The 年度 of a period, from its dates: 令和8年度, or 令和8年度〜令和9年度 across 31 March."""
    first, last = fiscal_year(start), fiscal_year(end)
    if last <= first:
        return fiscal_year_label(first)
    return f"{fiscal_year_label(first)}〜{fiscal_year_label(last)}"


def fiscal_year_label(year: int) -> str:
    """e.g. 令和8年度 for 2026, 令和元年度 for 2019.

    The era is the one in force on 1 May of the starting year: when 令和 began on 1 May 2019
    the fiscal year then running was renamed from 平成31年度 to 令和元年度, and 1 May gives
    the established names at the other changes too (昭和63年度, 平成元年度, 大正15年度).
    """
    name, era_year = era_of(date(year, 5, 1))
    return f"{name}{_year_label(era_year)}年度"


# How people type a date: 2026-11-28, 2026/11/28, 2026.11.28, 2026年11月28日, 令和8年11月28日,
# 令和元年5月1日, R8.11.28, R8/11/28 (full-width digits are folded before this is read).
_ERA_INITIALS = {"R": "令和", "H": "平成", "S": "昭和", "T": "大正", "M": "明治"}
_WESTERN = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_ERA = re.compile(
    r"(令和|平成|昭和|大正|明治|[RHSTM])\s*(\d{1,2}|元)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
)


def parse_date(text: str) -> date | None:
    """The date that `text` spells in 西暦 or 和暦, or None if it spells none.

    An era year past the era's end (平成32年) is read as the same day of the calendar, as
    people and Excel do; a day that does not exist (2月30日) is None.
    """
    text = unicodedata.normalize("NFKC", text).strip().upper()
    if match := _WESTERN.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _ERA.fullmatch(text):
        name = _ERA_INITIALS.get(match[1], match[1])
        era_year = 1 if match[2] == "元" else int(match[2])
        start = next(era.start for era in ERAS if era.name == name)
        year = _ERA_FIRST_YEAR.get(name, start.year) + era_year - 1
        month, day = int(match[3]), int(match[4])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
