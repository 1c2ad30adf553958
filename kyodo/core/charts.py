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
class Layout:
    """A chart's sizes in the SVG's user units. The default is the staff figures' chart; the
    public voices pages draw their shares narrower and with widths to a tenth of a unit
    (kyodo.voices.charts), and their pages must stay as they were."""

    bar_max_width: int = BAR_MAX_WIDTH
    row_height: int = ROW_HEIGHT
    margin: int = 4  # above the first row and below the last
    decimals: int = 0  # of a bar's width; 0 gives whole numbers


LAYOUT = Layout()


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value as the table shows it, written at the end of the bar
    y: int
    width: float
    suppressed: bool


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH


def bar_chart(rows, *, maximum: float = 1.0, layout: Layout = LAYOUT) -> BarChart:
    """`rows` are (label, value or None, text); a None value draws no bar, only its text."""
    bars = []
    for index, (label, value, text) in enumerate(rows):
        share = 0.0 if value is None or maximum <= 0 else min(float(value) / maximum, 1.0)
        width = max(share, 0.0) * layout.bar_max_width
        bars.append(
            Bar(
                label=str(label),
                text=str(text),
                y=index * layout.row_height + layout.margin,
                width=round(width, layout.decimals) if layout.decimals else round(width),
                suppressed=value is None,
            )
        )
    height = max(len(bars), 1) * layout.row_height + 2 * layout.margin
    return BarChart(bars=bars, height=height)
