"""Server-rendered charts: the geometry of a horizontal bar chart, drawn by a template.

JIS X 8341-3 asks for the data beside a chart, so every chart is drawn next to its table
(`templates/core/_bar_chart.html` draws the SVG; the page renders the table). No JavaScript.
"""

from dataclasses import dataclass

BAR_HEIGHT = 20
ROW_HEIGHT = 28
LABEL_WIDTH = 200
BAR_MAX_WIDTH = 360


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value as the table shows it, written at the end of the bar
    y: int
    width: int
    suppressed: bool


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH


def bar_chart(rows, *, maximum: float = 1.0) -> BarChart:
    """`rows` are (label, value or None, text); a None value draws no bar, only its text."""
    bars = []
    for index, (label, value, text) in enumerate(rows):
        share = 0.0 if value is None or maximum <= 0 else min(float(value) / maximum, 1.0)
        bars.append(
            Bar(
                label=str(label),
                text=str(text),
                y=index * ROW_HEIGHT + 4,
                width=round(share * BAR_MAX_WIDTH),
                suppressed=value is None,
            )
        )
    return BarChart(bars=bars, height=max(len(bars), 1) * ROW_HEIGHT + 8)
