"""Geometry of the signatures-per-day bar chart, drawn as SVG by a template.

No JavaScript and no chart library: the numbers are also in a table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaigns.dashboard.selectors import Day

WIDTH = 720
HEIGHT = 240
LEFT = 48  # room for the y-axis labels
BOTTOM = 28  # room for the date labels
TOP = 24  # room for the last bar's label


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: Day


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    baseline: float
    top: int
    scale_max: int
    bars: list[Bar]

    @property
    def last(self) -> Bar:
        return self.bars[-1]

    @property
    def label_x(self) -> float:
        """Return the x of the last bar's centre, where its count is written."""
        return self.last.x + self.last.width / 2


def _nice_max(value: int) -> int:
    """Return a round number at least `value` (1, 2, 5 × 10ⁿ), for the y axis."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= value:
                return step * magnitude
        magnitude *= 10


def bar_chart(days: list[Day]) -> Chart:
    """Return the bars for `days` (not empty), scaled to the chart's frame."""
    scale_max = _nice_max(max(max(day.count for day in days), 1))
    plot_width = WIDTH - LEFT
    plot_height = HEIGHT - BOTTOM - TOP
    slot = plot_width / len(days)
    bars = []
    for index, day in enumerate(days):
        height = plot_height * day.count / scale_max
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.1, 2),
                y=round(HEIGHT - BOTTOM - height, 2),
                width=round(slot * 0.8, 2),
                height=round(height, 2),
                day=day,
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        baseline=HEIGHT - BOTTOM,
        top=TOP,
        scale_max=scale_max,
        bars=bars,
    )
