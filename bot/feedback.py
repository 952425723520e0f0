"""Turning feedback rows into what an admin reads: tables, groups of questions, one HTML page."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

SIMILAR = 72
"""Two unanswered questions whose normalised texts are this similar (0-100) are one group."""


@dataclass(frozen=True, slots=True)
class EntryFeedback:
    """How one entry fared: times answered, votes."""

    entry_id: str
    answered: int
    up: int
    down: int

    @property
    def helpful(self) -> float | None:
        votes = self.up + self.down
        return self.up / votes if votes else None


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment with the question it was about."""

    at: float
    entry_id: str | None
    query: str
    vote: int
    text: str


@dataclass(frozen=True, slots=True)
class Unanswered:
    """A question the bot declined or answered with a did-you-mean."""

    at: float
    query: str
    kind: str
    best_entry_id: str | None
    score: float


@dataclass
class Group:
    """Unanswered questions that ask the same thing."""

    examples: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    count: int = 0
    nearest: str | None = None
    nearest_score: float = 0.0


def group_unanswered(rows: Sequence[Unanswered], normalise: Callable[[str], str]) -> list[Group]:
    """Similar questions together, most frequent group first (greedy, by fuzzy similarity)."""
    groups: list[Group] = []
    for row in rows:
        key = normalise(row.query)
        group = next(
            (
                g
                for g in groups
                if any(fuzz.token_set_ratio(" ".join(key), " ".join(k)) >= SIMILAR for k in g.keys)
            ),
            None,
        )
        if group is None:
            group = Group()
            groups.append(group)
        group.count += 1
        if key not in group.keys:
            group.keys.append(key)
            group.examples.append(row.query)
        if row.score >= group.nearest_score:
            group.nearest, group.nearest_score = row.best_entry_id, row.score
    return sorted(groups, key=lambda g: -g.count)


def worst_first(entries: Sequence[EntryFeedback]) -> list[EntryFeedback]:
    """Lowest helpful rate first (entries without votes last), then most 👎."""
    return sorted(entries, key=lambda e: (e.helpful is None, e.helpful or 0.0, -e.down, e.entry_id))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An aligned plain-text table; Chinese characters count as two columns."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def rate(value: float | None) -> str:
    """A helpful rate as a percentage, blank when nobody voted."""
    return "" if value is None else f"{value:.0%}"


def html_report(
    *,
    title: str,
    per_day: Sequence[tuple[str, int, int, int]],
    worst: Sequence[EntryFeedback],
    groups: Sequence[Group],
) -> str:
    """One self-contained page: charts per day, worst entries, top unanswered groups."""
    questions = sum(d[1] for d in per_day)
    up, down = sum(d[2] for d in per_day), sum(d[3] for d in per_day)
    helpful = rate(up / (up + down) if up + down else None)
    worst_rows = "".join(
        f"<tr><td>{_e(e.entry_id)}</td><td>{e.answered}</td><td>{e.up}</td><td>{e.down}</td>"
        f"<td>{rate(e.helpful)}</td></tr>"
        for e in worst[:10]
    )
    group_rows = "".join(
        f"<tr><td>{g.count}</td><td>{_e(' / '.join(g.examples[:3]))}</td>"
        f"<td>{_e(g.nearest or '')}</td><td>{g.nearest_score:.2f}</td></tr>"
        for g in groups[:10]
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;color:#222}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px 8px}}th{{background:#f3f3f3}}.n{{color:#666}}</style>
</head><body><h1>{_e(title)}</h1>
<p>问题 {questions} · 👍 {up} · 👎 {down} · 好评率 {helpful}</p>
<h2>每天的问题</h2>{_bars(per_day, 1, "#4a7bd0")}
<h2>每天的 👍 与 👎</h2>{_bars(per_day, 2, "#3a9a5b")}{_bars(per_day, 3, "#c94a4a")}
<h2>评价最差的条目</h2><table><tr><th>条目</th><th>回答次数</th><th>👍</th><th>👎</th>
<th>好评率</th></tr>{worst_rows}</table>
<h2>最常见的未回答问题</h2><table><tr><th>次数</th><th>例子</th><th>最接近的条目</th>
<th>分数</th></tr>{group_rows}</table></body></html>
"""


def _bars(per_day: Sequence[tuple[str, int, int, int]], column: int, colour: str) -> str:
    """An inline SVG bar chart of one column per day."""
    if not per_day:
        return '<p class="n">（无数据）</p>'
    values = [int(d[column]) for d in per_day]
    top = max(*values, 1)
    width, height, bar = 40 * len(per_day) + 20, 140, 28
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">']
    for i, (day, value) in enumerate(zip(per_day, values, strict=True)):
        h = round(100 * value / top)
        x = 10 + 40 * i
        parts.append(
            f'<rect x="{x}" y="{110 - h}" width="{bar}" height="{h}" fill="{colour}">'
            f"<title>{_e(day[0])}: {value}</title></rect>"
            f'<text x="{x}" y="{125}" font-size="9">{_e(day[0][5:])}</text>'
            f'<text x="{x}" y="{105 - h}" font-size="10">{value}</text>'
        )
    return "".join(parts) + "</svg>"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
