"""Conversation cases (`bot.core.conversations`) played through the real service, each on a
fresh database of its own: `kb test` runs them beside the question cases."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

from bot.core.conversations import ExpectedTurn, Scenario
from bot.core.library import Library
from bot.service import ChatService, Turn

ServiceAt = Callable[[Library, Path], AbstractAsyncContextManager[ChatService]]
"""The service over a database file (opened on entry, closed on exit): the composition root's."""


@dataclass(frozen=True, slots=True)
class Played:
    """How a scenario went: what each failing turn got wrong."""

    scenario: Scenario
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


async def play(
    scenarios: Sequence[Scenario], library: Library, service_at: ServiceAt, directory: Path
) -> list[Played]:
    """Play every scenario on its own database file in `directory`."""
    return [
        await _play(scenario, library, service_at, directory / f"scenario-{number}.sqlite3")
        for number, scenario in enumerate(scenarios, start=1)
    ]


async def _play(
    scenario: Scenario, library: Library, service_at: ServiceAt, database: Path
) -> Played:
    failures = []
    earlier: list[str] = []
    async with AsyncExitStack() as running:
        service = await running.enter_async_context(service_at(library, database))
        for number, turn in enumerate(scenario.turns, start=1):
            if turn.restart:  # the bot stops and starts again on the same database
                await running.aclose()
                service = await running.enter_async_context(service_at(library, database))
            reply = (await service.handle(_as_sent(turn))).reply
            wrong = turn.failures(reply.text, reply.matched, earlier)
            if wrong:
                failures.append(f"第 {number} 轮 {turn.say!r}：{'；'.join(wrong)}")
            earlier.append(reply.text)
    return Played(scenario, tuple(failures))


def _as_sent(turn: ExpectedTurn) -> Turn:
    return Turn(_id(turn.chat), _id(turn.user), turn.say, is_group=turn.in_group)


def _id(name: str) -> int:
    """A chat or user id from the file's name for it: the number itself, or a stable one."""
    try:
        return int(name)
    except ValueError:
        return zlib.crc32(name.encode("utf-8"))
