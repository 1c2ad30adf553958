"""The shape of a figure on the dashboard: a table of rows by fiscal year, and its definition."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

from kyodo.core.templatetags.kyodo import percent
from kyodo.core.wareki import fiscal_year_bounds, fiscal_year_label

YEARS_SHOWN = 3  # the chosen fiscal year and the two before it


@dataclass(frozen=True)
class Scope:
    """What a figure counts: one fiscal year (and those before it), the city or one department."""

    year: int
    department: object = None  # a Department, or None for the whole city

    @property
    def years(self) -> list[int]:
        return list(range(self.year - YEARS_SHOWN + 1, self.year + 1))

    @property
    def as_of(self) -> date:
        """The day the year's state is read: its last day, or today for the running year."""
        return min(fiscal_year_bounds(self.year)[1], timezone.localdate())

    def for_city(self) -> "Scope":
        return Scope(self.year)


@dataclass
class Row:
    label: str
    values: list  # one per year of the scope, oldest first (None: not counted)
    link: str = ""  # the list of the records behind the chosen year's value
    percent: bool = False  # values are shares (0.4), shown as 40.0%


@dataclass
class Section:
    key: str
    title: str
    definition: str
    years: list[int]
    rows: list[Row] = field(default_factory=list)
    unit: str = ""
    chart_percent: bool = False  # the chart draws shares (0 to 100 %) rather than counts

    @property
    def year_labels(self) -> list[str]:
        return [fiscal_year_label(year) for year in self.years]

    def chart_bars(self) -> tuple[list[tuple[str, object, str]], float]:
        """(label, value, text) bars for the chart beside the table, and the scale's top.

        A section of shares draws its first share across the years; any other draws each
        count row's value in the chosen year.
        """
        if self.chart_percent:
            row = next(row for row in self.rows if row.percent)
            bars = [
                (label, value, percent(value))
                for label, value in zip(self.year_labels, row.values, strict=True)
            ]
            return bars, 1.0
        counted = [row for row in self.rows if not row.percent and row.values[-1] is not None]
        bars = [(row.label, row.values[-1], f"{row.values[-1]:,}") for row in counted]
        top = max((value for _label, value, _text in bars), default=0)
        return bars, float(top or 1)


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def day_end(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def per_year(queryset, field_name: str, years: list[int], *, datetimes=False, **aggregates):
    """{year: {name: value}} in one query: each aggregate, a function of the year's filter,
    computed for every year (conditional aggregates over the rows of those years only)."""
    bounds = {}
    for year in years:
        start, end = fiscal_year_bounds(year)
        bounds[year] = (day_start(start), day_end(end)) if datetimes else (start, end)
    expressions = {
        f"{name}_{year}": make(Q(**{f"{field_name}__range": bounds[year]}))
        for year in years
        for name, make in aggregates.items()
    }
    span = (bounds[years[0]][0], bounds[years[-1]][1])
    found = queryset.filter(**{f"{field_name}__range": span}).aggregate(**expressions)
    return {year: {name: found[f"{name}_{year}"] or 0 for name in aggregates} for year in years}


def column(found: dict, years: list[int], name: str) -> list:
    return [found[year][name] for year in years]
