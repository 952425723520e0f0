"""The feedback report: one self-contained HTML page that fits a laptop and a phone.

No scripts and nothing fetched: the charts are inline SVG whose horizontal positions are
percentages, so they stretch to any width while their text stays at its real size (a scaled
viewBox would shrink the labels to 5 px on a phone). The time axis is continuous: a day with
no questions is a gap, not skipped; a long period is shown by week or by month.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.feedback import Comment, EntryFeedback, Group, rate
from bot.untrusted import for_terminal

MAX_DAYS, MAX_WEEKS = 62, 104
"""Up to two months one bar a day, up to two years one a week, else one a month."""
MAX_LABELS = 7
"""Axis labels at most: seven "09-21" fit a 390 px phone screen without overlapping."""
ROWS = 10
UP, DOWN, ASKED = "#3a9a5b", "#c94a4a", "#4a7bd0"


@dataclass(frozen=True, slots=True)
class Day:
    """One UTC day of the log: first pages sent (questions), 👍 and 👎."""

    day: dt.date
    questions: int
    up: int
    down: int


@dataclass(frozen=True, slots=True)
class Bucket:
    """A bar of a chart: a day, a week or a month."""

    label: str
    title: str
    unit: str
    questions: int
    up: int
    down: int


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows; `questions` maps entry ids to their questions."""

    title: str
    period: tuple[dt.date, dt.date] | None
    days: Sequence[Day]
    disliked: Sequence[EntryFeedback]
    comments: Sequence[Comment]
    groups: Sequence[Group]
    questions: Mapping[str, str]
    generated: dt.datetime


def render(data: ReportData) -> str:
    """The whole page."""
    sections = _sections(data) if sum(d.questions for d in data.days) else [_EMPTY]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(data.title)}</title>\n<style>{STYLE}</style></head>\n"
        f"<body><main>\n{_header(data)}\n" + "\n".join(sections) + "\n</main></body></html>\n"
    )


_EMPTY = (
    '<section class="empty"><h2>还没有数据</h2><p>这段时间里机器人没有收到提问。'
    "有人提问、投票或留下评论后，这里会显示提问量、投票、评价最差的条目、最新评论和"
    "没答上来的问题。</p></section>"
)


def _header(data: ReportData) -> str:
    if data.period is None:
        period = "全部时间"
    else:
        period = f"{data.period[0].isoformat()} 至 {data.period[1].isoformat()}（UTC）"
    made = data.generated.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"<header><h1>{_e(data.title)}</h1>"
        f'<p class="meta">时间范围：{period} · 生成于 {made}</p></header>'
    )


def _sections(data: ReportData) -> list[str]:
    buckets = bucket_days(data.days, data.period)
    return [
        _totals(data.days),
        _section("提问量", _chart(buckets, questions=True), note=_unit(buckets)),
        _section("👍 与 👎", _legend() + _chart(buckets, questions=False), note=_unit(buckets)),
        _section("评价最差的条目（按 👎 占比）", _disliked(data)),
        _section("最新评论", _comments(data)),
        _section("最常见的没答上来的问题", _groups(data)),
    ]


def _totals(days: Sequence[Day]) -> str:
    questions = sum(d.questions for d in days)
    up, down = sum(d.up for d in days), sum(d.down for d in days)
    helpful = rate(up / (up + down) if up + down else None) or "—"
    cards = (("提问", questions), ("👍", up), ("👎", down), ("好评率", helpful))
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card"><span>{name}</span><b>{value}</b></div>' for name, value in cards
        )
        + "</div>"
    )


def _section(title: str, body: str, *, note: str = "") -> str:
    small = f" <small>{_e(note)}</small>" if note else ""
    return f"<section><h2>{title}{small}</h2>{body}</section>"


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


def _unit(buckets: Sequence[Bucket]) -> str:
    return buckets[0].unit if buckets else ""


def _legend() -> str:
    return (
        f'<p class="legend"><span style="--c:{UP}">👍 有帮助</span>'
        f'<span style="--c:{DOWN}">👎 没帮助</span></p>'
    )


TOP, BOTTOM, HEIGHT = 18, 150, 176
"""The plot area's top and bottom (px), and the chart's height with its axis labels."""


def _chart(buckets: Sequence[Bucket], *, questions: bool) -> str:
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


def _disliked(data: ReportData) -> str:
    rows = [
        [
            _question(data, e.entry_id),
            f"{e.down / (e.up + e.down):.0%}",
            str(e.up),
            str(e.down),
            str(e.answered),
        ]
        for e in data.disliked[:ROWS]
    ]
    return _table(["条目", "👎 占比", "👍", "👎", "回答次数"], rows, numeric_from=1) or _none(
        "还没有人点 👎。"
    )


def _comments(data: ReportData) -> str:
    votes = {1: "👍", -1: "👎", 0: ""}
    rows = [
        [
            _e(_moment(c.at)),
            _e(c.text),
            f"{_e(c.query)}<br><small>→ {_question(data, c.entry_id) if c.entry_id else '无'}"
            "</small>",
            votes.get(c.vote, ""),
            _e(_who(c)),
        ]
        for c in data.comments[:ROWS]
    ]
    headers = ["时间", "评论", "问题 → 条目", "投票", "谁 · 在哪"]
    return _table(headers, rows, stacked=True) or _none("这段时间没有评论。")


def _groups(data: ReportData) -> str:
    rows = [
        [
            str(g.count),
            _e(" / ".join(g.examples[:3])),
            _question(data, g.nearest) if g.nearest else "—",
        ]
        for g in data.groups[:ROWS]
    ]
    return _table(["次数", "例子", "最接近的条目"], rows) or _none("没有没答上来的问题。")


def _question(data: ReportData, entry_id: str) -> str:
    question = data.questions.get(entry_id)
    if question is None:
        return f"<code>{_e(entry_id)}</code>"
    return f"{_e(question)} <code>{_e(entry_id)}</code>"


def _who(comment: Comment) -> str:
    where = "私聊" if comment.chat_id > 0 else f"群 {comment.chat_id}"
    return f"用户 {comment.user_id} · {where}"


def _moment(at: float) -> str:
    return dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y-%m-%d %H:%M")


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    numeric_from: int = 99,
    stacked: bool = False,
) -> str:
    """An HTML table of cells that are already escaped; `stacked` is a list of cards on a phone."""
    if not rows:
        return ""

    def cells(tag: str, row: Sequence[str]) -> str:
        return "".join(
            f"<{tag}{' class=n' if i >= numeric_from else ''}>{cell}</{tag}>"
            for i, cell in enumerate(row)
        )

    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    kind = ' class="stack"' if stacked else ""
    head = f"<thead><tr>{cells('th', headers)}</tr></thead>"
    return f"<table{kind}>{head}<tbody>{body}</tbody></table>"


def _none(text: str) -> str:
    return f'<p class="none">{text}</p>'


def _e(text: str) -> str:
    """Escaped for HTML, without the control characters that users' text may carry."""
    return html.escape(for_terminal(text), quote=True)


STYLE = """
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#222;line-height:1.5;
font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:1100px;margin:0 auto;padding:20px}
h1{font-size:1.5rem;margin:0}h2{font-size:1.1rem;margin:0 0 8px}h2 small{color:#777;font-weight:400}
.meta{color:#666;margin:4px 0 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:12px;margin-top:16px}
.card,section{background:#fff;border-radius:8px;box-shadow:0 1px 2px #0001}
.card{padding:10px 14px}.card span{color:#666}.card b{display:block;font-size:1.6rem}
section{padding:16px;margin-top:16px;min-width:0}
svg.chart{display:block;width:100%;height:176px;font-size:11px}
.grid{stroke:#e3e3e3}.tick{fill:#777}.value{paint-order:stroke;stroke:#fff;stroke-width:3px}
.legend{margin:0 0 4px}.legend span{margin-right:16px;white-space:nowrap}
.legend span::before{content:"";display:inline-block;width:10px;height:10px;margin-right:4px;
background:var(--c)}
table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #eee;
overflow-wrap:anywhere}
th{color:#555;font-weight:600;white-space:nowrap}.n{text-align:right;white-space:nowrap}
code{color:#888;font-size:.8em;overflow-wrap:anywhere}small{color:#777}
.none,.empty p{color:#777}
@media (max-width:600px){main{padding:10px}section{padding:10px}th,td{padding:4px}
h1{font-size:1.25rem}
table.stack thead{display:none}
table.stack tr{display:block;padding:6px 0;border-bottom:1px solid #eee}
table.stack td{display:inline;border:0;padding:0 6px 0 0}table.stack td:nth-child(2){display:block;
font-size:1rem;padding:2px 0}table.stack td:nth-child(3){display:block}}
"""
