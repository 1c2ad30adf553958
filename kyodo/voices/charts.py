"""The voices pages' charts of shares: core's bar geometry (kyodo.core.charts) at the size these
pages have always drawn, and the figures in words for the SVG's <desc>. Each is shown beside a
table of the same numbers; the template draws it with classes, no inline style (the CSP)."""

from dataclasses import dataclass

from kyodo.core.charts import Bar, Layout, bar_chart

# 100 % is 300 units wide; a row is a 24-unit bar and a gap of 8 (voices/public/_bar_chart.html).
LAYOUT = Layout(bar_max_width=300, row_height=32, margin=0, decimals=1)


@dataclass(frozen=True)
class PercentChart:
    key: str  # unique on the page, for the ids of <title> and <desc>
    title: str
    bars: list[Bar]
    height: int
    text_alternative: str


def percent_chart(key: str, title: str, rows) -> PercentChart:
    """`rows` are (label, percent, count or None): a bar each, its percent written after it."""
    rows = list(rows)
    drawn = bar_chart(
        ((label, percent, f"{percent}%") for label, percent, _count in rows),
        maximum=100,
        layout=LAYOUT,
    )
    words = "、".join(
        f"{label} {count}件（{percent}%）" if count is not None else f"{label} {percent}%"
        for label, percent, count in rows
    )
    return PercentChart(key, title, drawn.bars, drawn.height, words)
