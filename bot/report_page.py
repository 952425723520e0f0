"""The feedback report: one self-contained HTML page that fits a laptop and a phone.

No scripts and nothing fetched; the charts are inline SVG (bot.report_chart). Text from users
is escaped and stripped of control characters.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.feedback import Comment, Day, EntryFeedback, Group, rate
from bot.report_chart import DOWN, UP, bucket_days, chart
from bot.untrusted import for_terminal

ROWS = 10
"""Rows of each table: the worst entries, the latest comments, the top unanswered groups."""


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
        _section("提问量", chart(buckets, questions=True), note=buckets[0].unit),
        _section("👍 与 👎", _legend() + chart(buckets, questions=False), note=buckets[0].unit),
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


def _legend() -> str:
    return (
        f'<p class="legend"><span style="--c:{UP}">👍 有帮助</span>'
        f'<span style="--c:{DOWN}">👎 没帮助</span></p>'
    )


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
