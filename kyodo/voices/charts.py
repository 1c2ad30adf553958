"""Horizontal bar charts drawn on the server as SVG (no JavaScript, no inline style: the CSP
forbids it), always shown beside a table of the same numbers; the chart's <desc> says them too."""

from dataclasses import dataclass

BAR_WIDTH = 300  # the width of a full (100 %) bar, in user units
BAR_HEIGHT = 24
GAP = 8


@dataclass
class Bar:
    label: str
    percent: float
    count: int | None = None

    @property
    def width(self) -> float:
        return round(max(0.0, min(self.percent, 100.0)) * BAR_WIDTH / 100, 1)


@dataclass
class BarChart:
    key: str  # unique on the page, for the ids of <title> and <desc>
    title: str
    bars: list[Bar]

    @property
    def height(self) -> int:
        return len(self.bars) * (BAR_HEIGHT + GAP)

    def rows(self):
        """(bar, top, baseline of its text) for the template."""
        step = BAR_HEIGHT + GAP
        return [(bar, i * step, i * step + 17) for i, bar in enumerate(self.bars)]

    @property
    def text_alternative(self) -> str:
        return "、".join(
            f"{bar.label} {bar.count}件（{bar.percent}%）"
            if bar.count is not None
            else f"{bar.label} {bar.percent}%"
            for bar in self.bars
        )
