"""The review queue: the questions the bot could not answer and the answers users disliked with a
comment, put to an admin one at a time with the entries they most likely belong to.

A decision is "add as a phrasing of entry X" (the validated `kb add-alternative` edit, then a
reload), "skip" or "not for us". Each is logged through the `ReviewStore` Protocol (the SQLite
adapter implements it), so that a question decided once is not offered again, and each can be
undone. Telegram (`/review`) and the command line (`feedback review-log`, `review-undo`) only
translate what this module returns.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Protocol

from bot.core.dialogue import Pick
from bot.core.library import Library
from bot.core.search import Thresholds, Verdict
from bot.errors import BotError, KnowledgeError
from bot.knowledge_edit import EditRefused, add_alternative, remove_alternative
from bot.live_knowledge import ReloadReport
from bot.service import Outcome, Turn, typed

CANDIDATES = 3
"""Entries offered per question: the did-you-mean count, what fits a phone's keyboard."""


class Source(Enum):
    """Why a question is in the queue."""

    UNANSWERED = "unanswered"
    DISLIKED = "disliked"


class Decision(Enum):
    """What an admin decided about a question."""

    ADD = "add"
    SKIP = "skip"
    NOT_OURS = "not_ours"


class ReviewRefused(BotError):
    """A review decision or undo that was not carried out; the message says why."""


@dataclass(frozen=True, slots=True)
class Pending:
    """A logged question not decided yet."""

    answer_id: int
    source: Source
    chat_id: int
    user_id: int
    query: str
    at: float
    entry_id: str | None = None
    """The entry that answered it (a disliked answer)."""
    comment: str = ""


@dataclass(frozen=True, slots=True)
class NewDecision:
    """A decision to log; `phrasing` and `file` say what an ADD wrote, for its undo."""

    answer_id: int
    source: Source
    query: str
    decision: Decision
    admin_id: int
    at: float
    entry_id: str | None = None
    file: str | None = None
    phrasing: str | None = None


@dataclass(frozen=True, slots=True)
class Decided:
    """A logged decision, undone or not."""

    id: int
    decision: NewDecision
    undone_at: float | None = None


class ReviewStore(Protocol):
    """Where the queue is read from and the decisions are logged."""

    async def pending(self) -> list[Pending]: ...

    async def decided_queries(self) -> list[str]: ...

    async def record(self, decision: NewDecision) -> int | None: ...

    async def decisions(self) -> list[Decided]: ...

    async def decision(self, decision_id: int) -> Decided | None: ...

    async def mark_undone(self, decision_id: int, at: float) -> bool: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry the question may belong to."""

    entry_id: str
    question: str
    score: float


@dataclass(frozen=True, slots=True)
class Proposal:
    """The next question to decide, how often it was asked, its candidates, how many are left."""

    item: Pending
    times: int
    candidates: tuple[Candidate, ...]
    remaining: int


@dataclass(frozen=True, slots=True)
class Result:
    """What a decision did: a line for the admin; the asker's new answer, if sent."""

    text: str
    decided: bool
    asker: Outcome | None = None
    asker_chat_id: int = 0


class ReviewService:
    """Offers the queue and carries out decisions on the knowledge folder in `directory`.

    `reload` swaps the edited knowledge into service (the bot has it, the CLI leaves it to the
    running bot's watcher); `answer`, when given, answers an asker's question once it is added
    (BOT_REVIEW_ANSWERS_ASKER).
    """

    def __init__(
        self,
        store: ReviewStore,
        library: Callable[[], Library],
        directory: Path,
        *,
        thresholds: Thresholds | None = None,
        reload: Callable[[], Awaitable[ReloadReport]] | None = None,
        answer: Callable[[Turn], Awaitable[Outcome]] | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._library = library
        self._directory = directory
        self._thresholds = thresholds
        self._reload = reload
        self._answer = answer
        self._now = now
        # One edit of the knowledge files at a time: two admins pressing at once must not
        # both read a file and the second write over the first's edit.
        self._lock = asyncio.Lock()

    async def next_item(self) -> Proposal | None:
        """The most asked undecided question (oldest first among equals), or None."""
        groups = await self._queue()
        if not groups:
            return None
        first = groups[0]
        return Proposal(first[0], len(first), self._candidates(first[0]), len(groups))

    async def decide(
        self, admin_id: int, answer_id: int, decision: Decision, entry_id: str | None = None
    ) -> Result:
        """Carry out and log an admin's decision on a pending question."""
        async with self._lock:
            item = next(
                (p for g in await self._queue() for p in g if p.answer_id == answer_id), None
            )
            if item is None:
                return Result("这个问题已经处理过了（或已不在待审核列表里）。", decided=False)
            if decision is not Decision.ADD:
                await self._log(item, decision, admin_id)
                said = "已跳过" if decision is Decision.SKIP else "已标记为不属于本知识库"
                return Result(f"{said}：“{item.query}”", decided=True)
            if entry_id is None:
                return Result("没有添加：没有指明条目。", decided=False)
            return await self._add(item, entry_id, admin_id)

    async def decisions(self) -> list[Decided]:
        """Every logged decision, newest first."""
        return await self._store.decisions()

    async def undo(self, decision_id: int) -> str:
        """Undo a decision: an ADD takes the phrasing out again; the question is back in the
        queue. A ReviewRefused (or EditRefused) says why not."""
        async with self._lock:
            found = await self._store.decision(decision_id)
            if found is None:
                raise ReviewRefused(f"没有编号为 {decision_id} 的审核记录")
            if found.undone_at is not None:
                raise ReviewRefused(f"第 {decision_id} 条审核记录已经撤销过了")
            done = found.decision
            note = ""
            if done.decision is Decision.ADD and done.entry_id and done.phrasing:
                path = await asyncio.to_thread(
                    remove_alternative, self._directory, done.entry_id, done.phrasing
                )
                note = f"，已从 {done.entry_id}（{path.name}）删除“{done.phrasing}”"
                note += await self._reloaded()
            if not await self._store.mark_undone(decision_id, self._now()):
                raise ReviewRefused(f"第 {decision_id} 条审核记录已经撤销过了")
            return f"已撤销第 {decision_id} 条{note}；“{done.query}”重新回到待审核列表"

    async def _add(self, item: Pending, entry_id: str, admin_id: int) -> Result:
        try:
            added = await asyncio.to_thread(
                add_alternative, self._directory, entry_id, item.query, thresholds=self._thresholds
            )
        except (EditRefused, KnowledgeError) as exc:
            reason = str(exc).removesuffix("；确实要加，用 --force")  # no --force in the chat
            return Result(reason if reason.startswith("没有添加") else f"没有添加：{reason}", False)
        phrasing = " ".join(item.query.split())
        await self._log(item, Decision.ADD, admin_id, entry_id, added.file.name, phrasing)
        text = (
            f"已把“{phrasing}”加为 {entry_id} 的问法（{added.file.name}）{await self._reloaded()}"
        )
        if self._answer is None:
            return Result(text, decided=True)
        turn = Turn(item.chat_id, item.user_id, Pick(entry_id), is_group=item.chat_id < 0)
        outcome = await self._answer(turn)
        lead = f"你之前问过“{item.query}”，现在有答案了：\n\n"
        told = Outcome(replace(outcome.reply, text=lead + outcome.reply.text), outcome.answer_id)
        return Result(f"{text}；已回答提问者", True, asker=told, asker_chat_id=item.chat_id)

    async def _reloaded(self) -> str:
        if self._reload is None:
            return "；运行中的机器人会自动重新加载"
        return f"。{(await self._reload()).summary()}"

    async def _log(
        self,
        item: Pending,
        decision: Decision,
        admin_id: int,
        entry_id: str | None = None,
        file: str | None = None,
        phrasing: str | None = None,
    ) -> None:
        logged = NewDecision(
            item.answer_id,
            item.source,
            item.query,
            decision,
            admin_id,
            self._now(),
            entry_id,
            file,
            phrasing,
        )
        if await self._store.record(logged) is None:
            # Only possible from another process (this one holds the lock): it decided first.
            raise ReviewRefused("这个问题刚刚已经有人处理过了")

    async def _queue(self) -> list[list[Pending]]:
        """Pending questions grouped by their normalised text, most asked first."""
        decided, pending = await self._store.decided_queries(), await self._store.pending()
        # A match per question (0.5 ms) for up to QUEUE_LIMIT of them: off the event loop,
        # so that the chats are answered meanwhile (the library is immutable).
        return await asyncio.to_thread(_grouped, self._library(), decided, pending)

    def _candidates(self, item: Pending) -> tuple[Candidate, ...]:
        """The entries the search ranks highest, but not the one a user already disliked."""
        hits = self._library().search(item.query, limit=CANDIDATES + 1)
        chosen = [h for h in hits if h.entry.id != item.entry_id and h.score > 0][:CANDIDATES]
        return tuple(Candidate(h.entry.id, h.entry.question, h.score) for h in chosen)


def _not_a_question(query: str) -> bool:
    text = query.lstrip()
    return text.startswith("/") or not typed(text)


def _grouped(library: Library, decided: list[str], pending: list[Pending]) -> list[list[Pending]]:
    """Pending questions grouped by their normalised text, most asked first.

    Left out: questions already decided (by their text: the same question asked again is
    the same decision), button presses and commands, texts with no words, and unanswered
    questions the knowledge in service now answers (added some other way meanwhile).
    """
    normalise = library.analyzer.normalise
    done = {normalise(query) for query in decided}
    groups: dict[str, list[Pending]] = {}
    for item in pending:
        key = normalise(item.query)
        if key in done or not key.strip() or _not_a_question(item.query):
            continue
        fixed = item.source is Source.UNANSWERED and key not in groups
        if fixed and library.match(item.query).verdict is Verdict.ANSWER:
            done.add(key)  # its other askers too: one match per question is enough
            continue
        groups.setdefault(key, []).append(item)
    # Stable sort: among equally frequent questions, the oldest first (the store's order).
    return sorted(groups.values(), key=len, reverse=True)
