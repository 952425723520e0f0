"""The admins' use cases: `/stats`, `/unanswered`, `/reload`, and the `feedback` command's
summary and unanswered list, all read through the `FeedbackReader` Protocol (which the SQLite
adapter implements). Telegram and the command line only translate what these return.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

from bot.core.reply import ReplyKind
from bot.core.search import Thresholds
from bot.feedback import (
    Comment,
    Day,
    EntryFeedback,
    Group,
    Unanswered,
    group_unanswered,
    most_disliked,
    worst_first,
)
from bot.live_knowledge import ReloadReport

DAY = 24 * 3600


class FeedbackReader(Protocol):
    """The review queries over the answer log, each over answers logged in [since, until)."""

    async def count_answers(self, since: float) -> Mapping[ReplyKind, int]: ...

    async def per_entry(self, since: float, until: float) -> list[EntryFeedback]: ...

    async def comments(self, since: float, until: float) -> list[Comment]: ...

    async def unanswered(self, since: float, until: float) -> list[Unanswered]: ...

    async def per_day(self, since: float, until: float) -> list[Day]: ...

    async def export(self, since: float, until: float) -> dict[str, list[dict[str, Any]]]: ...

    async def count_before(self, before: float) -> dict[str, int]: ...

    async def prune(self, before: float) -> dict[str, int]: ...


class AdminService:
    """The admins' questions about the bot, answered from the answer log and the knowledge.

    `normaliser` returns the normalisation of the knowledge in service (read when needed, so
    that a reload or a lexicon the command line loads lazily takes effect); `reload` reloads
    the knowledge, when this process can.
    """

    def __init__(
        self,
        reader: FeedbackReader,
        normaliser: Callable[[], Callable[[str], str]],
        *,
        reload: Callable[[], Awaitable[ReloadReport]] | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.reader = reader
        self._normaliser = normaliser
        self._reload = reload
        self._now = now

    async def activity_report(self) -> str:
        """/stats: replies in the last 24 hours and 7 days, the helpful rate, the worst entries."""
        now = self._now()
        day = await self.reader.count_answers(now - DAY)
        week = await self.reader.count_answers(now - 7 * DAY)
        entries = await self.reader.per_entry(now - 7 * DAY, now + DAY)
        lines = [f"最近24小时：{_counts(day)}", f"最近7天：{_counts(week)}", _helpful(entries)]
        worst = most_disliked(entries)[:3]
        if worst:
            lines.append("评价最差的条目：")
            lines += [
                f"{n}. {e.entry_id}  👍{e.up} 👎{e.down}" for n, e in enumerate(worst, start=1)
            ]
        return "\n".join(lines)

    async def unanswered_report(self) -> str:
        """/unanswered: the top 10 groups of questions declined or unsure about in 7 days."""
        now = self._now()
        groups = (await self.unanswered_groups(now - 7 * DAY, now + DAY))[:10]
        if not groups:
            return "最近7天没有未回答的问题。"
        lines = [
            f"{n}. ×{g.count} {' / '.join(g.examples[:2])}（最接近：{g.nearest or '无'}）"
            for n, g in enumerate(groups, start=1)
        ]
        return "最近7天最常见的未回答问题：\n" + "\n".join(lines)

    @property
    def can_reload(self) -> bool:
        """Whether this process can reload the knowledge (the bot can, the CLI does not)."""
        return self._reload is not None

    async def reload_report(self) -> str:
        """/reload: reload the knowledge and say what changed (or why the old one stays)."""
        if self._reload is None:
            raise RuntimeError("this process cannot reload the knowledge")
        return (await self._reload()).summary()

    async def entry_feedback(self, since: float, until: float) -> list[EntryFeedback]:
        """`feedback summary`: per answered entry, worst first."""
        return worst_first(await self.reader.per_entry(since, until))

    async def unanswered_groups(
        self, since: float, until: float, *, min_nearest: float = Thresholds().suggest
    ) -> list[Group]:
        """`feedback unanswered`: similar unanswered questions grouped, most frequent first."""
        rows = await self.reader.unanswered(since, until)
        return group_unanswered(rows, self._normaliser(), min_nearest=min_nearest)


def _helpful(entries: list[EntryFeedback]) -> str:
    up = sum(e.up for e in entries)
    down = sum(e.down for e in entries)
    if not up + down:
        return "最近7天好评率：还没有评价"
    return f"最近7天好评率：{up / (up + down):.0%}（👍{up} / 👎{down}）"


def _counts(by_kind: Mapping[ReplyKind, int]) -> str:
    total = sum(by_kind.values())
    answered = by_kind.get(ReplyKind.ANSWER, 0)
    return f"{total} 次回复，其中 {answered} 次来自知识库"
