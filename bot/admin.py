"""The admins' use cases over the answer log: what `/stats`, `/unanswered` and the `feedback`
command read, through the `FeedbackReader` Protocol that the SQLite adapter implements."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from bot.feedback import Comment, EntryFeedback, Unanswered


class FeedbackReader(Protocol):
    """The review queries over the answer log, each over answers logged in [since, until)."""

    async def per_entry(self, since: float, until: float) -> list[EntryFeedback]: ...

    async def comments(self, since: float, until: float) -> list[Comment]: ...

    async def unanswered(self, since: float, until: float) -> list[Unanswered]: ...

    async def per_day(self, since: float, until: float) -> list[tuple[str, int, int, int]]: ...

    async def export(self, since: float, until: float) -> dict[str, list[dict[str, Any]]]: ...

    async def count_before(self, before: float) -> dict[str, int]: ...

    async def prune(self, before: float) -> dict[str, int]: ...


class AnswerLog(Protocol):
    """The part of the store /stats reads."""

    async def count_answers(self, since: float) -> Mapping[str, int]: ...

    async def votes_by_entry(self, since: float) -> list[tuple[str, int, int]]: ...
