"""The report's bar charts: inline SVG whose horizontal positions are percentages.

So a chart stretches to any width while its text stays at its real size (a scaled viewBox
would shrink the labels to 5 px on a phone). The time axis is continuous: a day with no
questions is a gap, not skipped; a long period is shown by week or by month.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.feedback import Day

MAX_DAYS, MAX_WEEKS = 62, 104
"""Up to two months one bar a day, up to two years one a week, else one a month."""
MAX_LABELS = 7
"""Axis labels at most: seven "09-21" fit a 390 px phone screen without overlapping."""
UP, DOWN, ASKED = "#3a9a5b", "#c94a4a", "#4a7bd0"


@dataclass(frozen=True, slots=True)
class Bucket:
    """A bar of a chart: a day, a week or a month."""

    label: str
    title: str
    unit: str
    questions: int
    up: int
    down: int


def bucket_days(days: Sequence[Day], period: tuple[dt.date, dt.date] | None) -> list[Bucket]:
    """Every day from the first to the last (gaps as zeros), by week or month when long."""
    if not days and period is None:
        return []
    first, last = period or (min(d.day for d in days), max(d.day for d in days))
    grain = _grain((last - first).days + 1)
    counts: dict[dt.date, list[int]] = {}
    day = first
    while day <= last:
        counts.setdefault(grain.start(day), [0, 0, 0])
        day += dt.timedelta(days=1)
    for d in days:
        bucket = counts.setdefault(grain.start(d.day), [0, 0, 0])
        bucket[0] += d.questions
        bucket[1] += d.up
        bucket[2] += d.down
    return [grain.bucket(start, *values) for start, values in sorted(counts.items())]


@dataclass(frozen=True, slots=True)
class _Grain:
    unit: str
    start: Callable[[dt.date], dt.date]
    label: str
    title: str

    def bucket(self, start: dt.date, questions: int, up: int, down: int) -> Bucket:
        return Bucket(
            start.strftime(self.label), start.strftime(self.title), self.unit, questions, up, down
        )


def _grain(span_days: int) -> _Grain:
    if span_days <= MAX_DAYS:
        return _Grain("按天", lambda day: day, "%m-%d", "%Y-%m-%d")
    if span_days <= 7 * MAX_WEEKS:
        return _Grain(
            "按周", lambda day: day - dt.timedelta(days=day.weekday()), "%m-%d", "%Y-%m-%d 起的一周"
        )
    return _Grain("按月", lambda day: day.replace(day=1), "%Y-%m", "%Y 年 %m 月")


TOP, BOTTOM, HEIGHT = 18, 150, 176
"""The plot area's top and bottom (px), and the chart's height with its axis labels."""


def chart(buckets: Sequence[Bucket], *, questions: bool) -> str:
    """Bars in percent of the width: one series (questions) or 👍 and 👎 side by side."""
    series = [(ASKED, "提问", [b.questions for b in buckets])]
    if not questions:
        series = [(UP, "👍", [b.up for b in buckets]), (DOWN, "👎", [b.down for b in buckets])]
    top = max([1, *(v for _, _, values in series for v in values)])
    slot = 100 / len(buckets)
    width = slot * 0.7 / len(series)
    parts = [f'<svg class="chart" role="img" aria-label="{"提问量" if questions else "投票"}">']
    parts.extend(_grid(top))
    for i, bucket in enumerate(buckets):
        for k, (colour, name, values) in enumerate(series):
            height = (BOTTOM - TOP) * values[i] / top
            x = i * slot + slot * 0.15 + k * width
            parts.append(
                f'<rect x="{x:.3f}%" y="{BOTTOM - height:.1f}" width="{width:.3f}%" '
                f'height="{height:.1f}" fill="{colour}"><title>{_e(bucket.title)} {name} '
                f"{values[i]}</title></rect>"
            )
    parts.extend(_axis_labels(buckets, slot))
    return "".join(parts) + "</svg>"


def _grid(top: int) -> list[str]:
    lines = []
    for value in sorted({0, math.ceil(top / 2), top}):
        y = BOTTOM - (BOTTOM - TOP) * value / top
        lines.append(f'<line x1="0" x2="100%" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        if value:  # zero is where the bars stand: a label there would sit on the first bar
            lines.append(f'<text x="0" y="{y - 3:.1f}" class="tick value">{value}</text>')
    return lines


def _axis_labels(buckets: Sequence[Bucket], slot: float) -> list[str]:
    step = max(1, math.ceil(len(buckets) / MAX_LABELS))
    labels = []
    for i in range(0, len(buckets), step):
        centre = i * slot + slot / 2
        anchor = "start" if i == 0 else "end" if centre > 92 else "middle"
        x = 0 if anchor == "start" else 100 if anchor == "end" else centre
        labels.append(
            f'<text x="{x:.3f}%" y="{HEIGHT - 4}" text-anchor="{anchor}" class="tick">'
            f"{_e(buckets[i].label)}</text>"
        )
    return labels


def _e(text: str) -> str:
    return html.escape(text, quote=True)
