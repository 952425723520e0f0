"""The report page from its HTML alone: the rules that make it fit a phone, and what it shows.

This runs everywhere; tests/test_report_browser.py lays the same pages out in Chromium.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from report_fixtures import busy_month, empty_report, long_history

from bot.feedback import Day
from bot.report_chart import bucket_days
from bot.report_page import render


class Page(HTMLParser):
    """Tags with their attributes, and the text, of a page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_page_has_a_viewport_tag_and_nothing_wider_than_a_phone() -> None:
    text = render(busy_month())
    page = Page(text)
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in page.all(
        "meta"
    )
    # Every horizontal size in the page is relative: no fixed width beyond 390 px anywhere.
    fixed = [int(n) for n in re.findall(r"(?<![-\w])(?:min-)?width\s*:\s*(\d+)px", text)]
    assert all(n <= 390 for n in fixed), fixed
    for rect in page.all("rect"):
        assert str(rect["x"]).endswith("%") and str(rect["width"]).endswith("%")
    assert all("width" not in svg for svg in page.all("svg"))
    assert "svg.chart{display:block;width:100%" in text
    assert "overflow-wrap:anywhere" in text  # long questions and ids wrap instead of widening


def test_page_is_self_contained() -> None:
    text = render(busy_month()).lower()
    assert "<script" not in text and "http" not in text.replace('"http://x"', "")
    assert "<link" not in text and "@import" not in text and "url(" not in text


def test_time_axis_is_continuous_and_weekly_when_long() -> None:
    first = dt.date(2026, 3, 29)
    days = [Day(first, 1, 0, 0), Day(first + dt.timedelta(days=3), 2, 1, 0)]
    buckets = bucket_days(days, None)
    assert [b.label for b in buckets] == ["03-29", "03-30", "03-31", "04-01"]
    assert [b.questions for b in buckets] == [1, 0, 0, 2]
    weeks = bucket_days(long_history().days, long_history().period)
    assert {b.unit for b in weeks} == {"按周"} and len(weeks) == 38
    assert all(dt.date.fromisoformat(b.title[:10]).weekday() == 0 for b in weeks[1:])
    assert sum(b.questions for b in weeks) == sum(d.questions for d in long_history().days)


def test_votes_are_one_chart_with_a_legend_and_one_scale() -> None:
    page = Page(render(busy_month()))
    charts = page.all("svg")
    assert len(charts) == 2 and charts[1]["aria-label"] == "投票"
    text = "".join(page.text)
    assert "👍 有帮助" in text and "👎 没帮助" in text


def test_worst_entries_are_by_share_of_thumbs_down_with_their_questions() -> None:
    text = render(busy_month())
    worst = text[text.index("评价最差的条目") : text.index("最新评论")]
    assert worst.index("ChatGPT是在哪里训练的") < worst.index("ChatGPT是什么？")
    assert "83%" in worst and "20%" in worst


def test_latest_comments_with_who_and_where_escaped() -> None:
    text = render(busy_month())
    comments = text[text.index("最新评论") : text.index("最常见的没答上来的问题")]
    assert "群 -1001234567890" in comments and "用户 8 · 私聊" in comments
    assert "&lt;b&gt;好&lt;/b&gt;" in comments and "<b>好" not in comments


def test_header_says_the_period_and_when_it_was_made() -> None:
    text = render(busy_month())
    assert "2026-08-22 至 2026-09-20" in text and "生成于 2026-09-21 08:30 UTC" in text


def test_empty_database_gets_a_sentence_not_bare_headers() -> None:
    text = render(empty_report())
    assert "还没有数据" in text and "<table" not in text and "<svg" not in text
