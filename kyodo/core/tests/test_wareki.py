from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from kyodo.core import wareki


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 11, 28), "令和8年11月28日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1873, 1, 1), "明治6年1月1日"),
    ],
)
def test_format_date_at_every_era_boundary(d, expected):
    assert wareki.format_date(d) == expected


def test_dates_before_the_gregorian_calendar_are_refused():
    with pytest.raises(ValueError):
        wareki.format_date(date(1872, 12, 31))


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 4, 1), 2026),
        (date(2026, 3, 31), 2025),
        (date(2027, 3, 31), 2026),
        (date(2026, 12, 31), 2026),
        (date(2027, 1, 1), 2026),
    ],
)
def test_fiscal_year_runs_april_to_march(d, expected):
    assert wareki.fiscal_year(d) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2026, "令和8年度"),
        (2019, "令和元年度"),
        (2020, "令和2年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
        (1926, "大正15年度"),
        (1927, "昭和2年度"),
    ],
)
def test_fiscal_year_label(year, expected):
    assert wareki.fiscal_year_label(year) == expected


def test_fiscal_year_bounds():
    assert wareki.fiscal_year_bounds(2026) == (date(2026, 4, 1), date(2027, 3, 31))


def test_format_with_western_year_and_weekday():
    assert wareki.format_date_with_western(date(2026, 12, 5), weekday=True) == (
        "2026年（令和8年）12月5日（土）"
    )
    assert wareki.format_date_with_western(date(2019, 5, 1)) == "2019年（令和元年）5月1日"


def render(template: str, **context) -> str:
    return Template(template).render(Context(context))


def test_template_filters():
    assert render("{{ d|wareki_date }}", d=date(2019, 5, 1)) == "令和元年5月1日"
    assert render("{{ y|fiscal_year_label }}", y=2026) == "令和8年度"
    assert render("{{ d|fiscal_year_label }}", d=date(2027, 2, 1)) == "令和8年度"
    assert render("{{ d|wareki_western:'weekday' }}", d=date(2026, 12, 5)) == (
        "2026年（令和8年）12月5日（土）"
    )


def test_template_filter_uses_tokyo_date_for_aware_datetimes(settings):
    # 2026-11-28 16:00 UTC is already 29 November in Tokyo.
    moment = datetime(2026, 11, 28, 16, 0, tzinfo=ZoneInfo("UTC"))
    assert render("{{ m|wareki_date }}", m=moment) == "令和8年11月29日"


def test_template_filters_never_fail_on_odd_values():
    assert render("{{ v|wareki_date }}", v=None) == ""
    assert render("{{ v|wareki_date }}", v="not a date") == ""
    assert render("{{ v|fiscal_year_label }}", v="abc") == ""
    assert render("{{ d|wareki_date }}", d=date(1850, 1, 1)) == "1850-01-01"


@pytest.mark.parametrize(
    "start, end, label",
    [
        (date(2026, 11, 1), date(2026, 12, 12), "令和8年度"),
        (date(2026, 4, 1), date(2027, 3, 31), "令和8年度"),
        (date(2027, 2, 1), date(2027, 5, 31), "令和8年度〜令和9年度"),
        (date(2019, 3, 1), date(2019, 4, 30), "平成30年度〜令和元年度"),
    ],
)
def test_the_fiscal_years_of_a_period_come_from_its_dates(start, end, label):
    assert wareki.period_fiscal_years_label(start, end) == label


@pytest.mark.parametrize(
    "value, shown",
    [
        (Decimal("12.00"), "12"),
        (Decimal("100"), "100"),
        (Decimal("1200.50"), "1,200.5"),
        (Decimal("0.00"), "0"),
        (None, ""),
    ],
)
def test_quantities_show_without_decimals_that_say_nothing(value, shown):
    assert Template("{{ v|quantity }}").render(Context({"v": value})) == shown


def test_a_deadline_reads_with_its_hour_in_japan_time():
    """Issue 17-11: the partner's home showed 「令和9年1月1日 04:30」, the portal the date only."""
    deadline = datetime(2026, 12, 31, 19, 30, tzinfo=ZoneInfo("UTC"))  # 4:30 on 1 January, JST
    rendered = Template("{{ d|wareki_datetime }}").render(Context({"d": deadline}))
    assert rendered == "令和9年1月1日（金）4時30分"
    assert Template("{{ d|wareki_datetime }}").render(Context({"d": date(2026, 12, 8)})) == (
        "令和8年12月8日"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # As partner lists kept in Excel write them (issue 17-7).
        ("H27.4.1", date(2015, 4, 1)),
        ("Ｈ２７．４．１", date(2015, 4, 1)),
        ("h27.4.1", date(2015, 4, 1)),
        ("令和2年4月1日", date(2020, 4, 1)),
        ("平成27年4月1日", date(2015, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("S60/3/31", date(1985, 3, 31)),
        ("2015/4/1", date(2015, 4, 1)),
        ("平成27年2月30日", None),
        ("そのうち", None),
    ],
)
def test_parse_date_reads_the_forms_offices_type(text, expected):
    assert wareki.parse_date(text) == expected
