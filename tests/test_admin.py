"""The admin service over a small in-memory FeedbackReader: no database needed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from bot.admin import DAY, AdminService
from bot.core.reply import ReplyKind
from bot.feedback import Comment, Day, EntryFeedback, Unanswered
from bot.live_knowledge import ReloadReport

NOW = 100 * DAY


class FakeReader:
    """A FeedbackReader holding its answers in lists."""

    def __init__(self) -> None:
        self.kinds: list[tuple[float, ReplyKind]] = []
        self.declined: list[Unanswered] = []
        self.entries: list[EntryFeedback] = []

    async def count_answers(self, since: float) -> Mapping[ReplyKind, int]:
        counts: dict[ReplyKind, int] = {}
        for at, kind in self.kinds:
            if at >= since:
                counts[kind] = counts.get(kind, 0) + 1
        return counts

    async def per_entry(self, since: float, until: float) -> list[EntryFeedback]:
        return self.entries

    async def comments(self, since: float, until: float) -> list[Comment]:
        return []

    async def unanswered(self, since: float, until: float) -> list[Unanswered]:
        return [u for u in self.declined if since <= u.at < until]

    async def per_day(self, since: float, until: float) -> list[Day]:
        return []

    async def export(self, since: float, until: float) -> dict[str, list[dict[str, Any]]]:
        return {}

    async def count_before(self, before: float) -> dict[str, int]:
        return {}

    async def prune(self, before: float) -> dict[str, int]:
        return {}


@pytest.fixture
def reader() -> FakeReader:
    return FakeReader()


def admin_over(reader: FakeReader, **options: Any) -> AdminService:
    return AdminService(reader, lambda: str.lower, now=lambda: NOW, **options)


async def test_stats_count_the_day_and_the_week_and_name_the_worst_entry(
    reader: FakeReader,
) -> None:
    reader.kinds = [
        (NOW - 3 * DAY, ReplyKind.ANSWER),
        (NOW - 60, ReplyKind.ANSWER),
        (NOW - 30, ReplyKind.DECLINE),
    ]
    reader.entries = [EntryFeedback("good", 3, 3, 0), EntryFeedback("bad", 4, 1, 3)]
    report = await admin_over(reader).activity_report()
    assert report.splitlines() == [
        "最近24小时：2 次回复，其中 1 次来自知识库",
        "最近7天：3 次回复，其中 2 次来自知识库",
        "最近7天好评率：57%（👍4 / 👎3）",
        "评价最差的条目：",
        "1. bad  👍1 👎3",
    ]


async def test_unanswered_groups_similar_questions_of_the_last_week(reader: FakeReader) -> None:
    reader.declined = [
        Unanswered(NOW - 8 * DAY, "太老了", ReplyKind.DECLINE, None, 0.0),
        Unanswered(NOW - 60, "Who Are You", ReplyKind.DECLINE, None, 0.0),
        Unanswered(NOW - 30, "who are you", ReplyKind.DECLINE, None, 0.0),
    ]
    report = await admin_over(reader).unanswered_report()
    assert report.startswith("最近7天最常见的未回答问题：\n1. ×2 ")
    assert "太老了" not in report


async def test_nothing_unanswered_says_so(reader: FakeReader) -> None:
    assert await admin_over(reader).unanswered_report() == "最近7天没有未回答的问题。"


async def test_reload_is_reported_when_the_process_can_reload(reader: FakeReader) -> None:
    async def reload() -> ReloadReport:
        return ReloadReport(ok=True, added=("new-entry",))

    assert not admin_over(reader).can_reload
    assert "+new-entry" in await admin_over(reader, reload=reload).reload_report()


async def test_entry_feedback_is_worst_first(reader: FakeReader) -> None:
    reader.entries = [EntryFeedback("good", 5, 4, 0), EntryFeedback("bad", 5, 0, 4)]
    ranked = await admin_over(reader).entry_feedback(0.0, NOW)
    assert [e.entry_id for e in ranked] == ["bad", "good"]
