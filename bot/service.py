"""The service: load a chat's state, take one pure dialogue step, save state and log in one go.

Adapters (console, Telegram) hand it plain ids and text and render the :class:`Outcome`.
It depends on the :class:`ChatStore` protocol below, never on SQLite itself.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

from cachetools import LRUCache

from bot.core import browse, phrases, script
from bot.core.dialogue import (
    GROUP_TOPICS,
    Action,
    ChatState,
    ContinueFrom,
    DialogueConfig,
    Message,
    Pick,
    Reply,
    ReplyKind,
    joining_in,
    reads_the_group,
    step,
    without_topic,
)
from bot.core.library import Library
from bot.core.script import Script
from bot.core.text import without_surrogates
from bot.errors import StoreError

log = logging.getLogger(__name__)

UNSAVED = 0
"""The answer id of a reply the database could not log (no row has id 0)."""
RECENT_CHATS = 10_000
"""Chats whose last saved state the service keeps at hand (a few hundred bytes each)."""
MAX_LOGGED_CHARS = 4096
"""The answer log's own bound: a message or comment is stored cut to this many characters.

It is the log's limit, not a platform's: a console line or a web chat has no limit of its own,
and no sender should make the database grow without bound. (It lets a whole Telegram message,
at most 4096 characters, be kept.)"""


RESET_QUERY = "[reset]"
"""How the answer log records a reset (like "[pick id]" a button): no text was sent."""
_NOT_TYPED = ("[pick ", "[continue ", RESET_QUERY)
"""How the answer log records what no user typed (see `_describe`)."""


def typed(query: str) -> bool:
    """Whether a logged query is a user's own words, not a button press or a reset."""
    return not query.startswith(_NOT_TYPED)


Decide = Callable[[ChatState, float], tuple[Reply, ChatState]]
"""A turn's decision: the chat's state and the time in, the reply and the new state out."""


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One reply, as the answer log keeps it."""

    chat_id: int
    user_id: int
    message_id: int | None
    query: str
    kind: ReplyKind
    entry_id: str | None
    best_entry_id: str | None
    score: float
    page: int
    created_at: float


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """A row of the answer log, read back (for buttons and replies to the bot)."""

    id: int
    chat_id: int
    user_id: int
    entry_id: str | None
    page: int
    kind: ReplyKind


class ChatStore(Protocol):
    """Where chat context and the answer log live."""

    async def load_state(self, key: str) -> ChatState | None: ...

    async def latest_states(self, prefix: str, *, besides: str, limit: int) -> list[ChatState]:
        """The `limit` most recently saved contexts whose keys start with `prefix`, other than
        `besides`'s, newest first (the group's latest topics, other members')."""
        ...

    async def save_turn(self, key: str, state: ChatState, record: AnswerRecord) -> int: ...

    async def answer(self, answer_id: int) -> StoredAnswer | None: ...

    async def answer_for_message(self, chat_id: int, message_id: int) -> StoredAnswer | None: ...

    async def attach_message(self, answer_id: int, message_id: int) -> None: ...

    async def record_vote(self, answer_id: int, user_id: int, value: int, at: float) -> int: ...

    async def request_comment(
        self, answer_id: int, user_id: int, chat_id: int, at: float
    ) -> bool: ...

    async def attach_comment_prompt(
        self, answer_id: int, user_id: int, message_id: int
    ) -> None: ...

    async def add_comment_to_prompt(
        self, chat_id: int, user_id: int, prompt_message_id: int, text: str, at: float
    ) -> int | None: ...


@dataclass(frozen=True, slots=True)
class Turn:
    """A message from a user, as an adapter sees it."""

    chat_id: int
    user_id: int
    message: Message
    is_group: bool = False
    message_id: int | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The reply to a turn and the id under which the answer log keeps it."""

    reply: Reply
    answer_id: int


@dataclass(frozen=True, slots=True)
class Pressed:
    """What pressing a button did, for the adapter to show.

    `outcome` is the new reply of 继续 or a question button; `vote` the vote a 👍/👎 replaced
    (0 for none); `ask_comment` is set on the first 👎 of a user on an answer, which the adapter
    follows with a request for a comment. Nothing set at all: a forged or stale press.
    """

    outcome: Outcome | None = None
    vote: int | None = None
    ask_comment: bool = False
    value: int = 0
    """The vote pressed: +1, -1, or 0 for no vote."""

    def vote_notice(self) -> str:
        """How a vote press is acknowledged (recorded, changed, the same, or expired)."""
        return phrases.vote_notice(self.vote, self.value)

    @property
    def expired(self) -> bool:
        return self.outcome is None and self.vote is None


def context_key(chat_id: int, user_id: int, *, is_group: bool) -> str:
    """Private chats share one context; in a group each member has their own."""
    return f"{_group_prefix(chat_id)}{user_id}" if is_group else str(chat_id)


def _group_prefix(chat_id: int) -> str:
    """What the context keys of a group's members start with."""
    return f"{chat_id}:"


class ChatService:
    """Runs conversations over a store and the library currently in service."""

    def __init__(
        self,
        store: ChatStore,
        library: Callable[[], Library],
        config: DialogueConfig | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._library = library
        self._config = config or DialogueConfig()
        self._clock = clock
        # One turn at a time per context, so that two quick messages cannot both read the same
        # state and the second overwrite the first; different chats run concurrently.
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        # What this service last saved for its most active chats, so that a turn is one trip to
        # the database instead of two. The database stays the truth: a restart reads it back.
        self._recent: LRUCache[str, ChatState] = LRUCache(maxsize=RECENT_CHATS)
        # The script each chat last wrote in, so that a button press is answered in it too.
        # Kept in memory only: after a restart the next message tells it again.
        self._scripts: LRUCache[str, Script] = LRUCache(maxsize=RECENT_CHATS)
        # OpenCC reads its dictionaries when a converter is first used (~45 ms): at start-up,
        # not in the first user's answer.
        script.prepare()

    @property
    def library(self) -> Library:
        """The knowledge in service right now."""
        return self._library()

    async def handle(self, turn: Turn) -> Outcome:
        """Answer a turn, save the chat's new state and log the reply in one transaction."""
        message = _clean(turn.message)

        def answer(state: ChatState, now: float) -> tuple[Reply, ChatState]:
            return step(state, message, self._library(), now=now, config=self._config)

        return await self._take(turn, message, answer)

    async def reset(self, turn: Turn) -> Outcome:
        """Forget the context (/reset: the chat's, in a group this member's); logged as a turn.

        The turn's message is not read: a reset is this call, not a phrase sent through the
        dialogue. What was already read stays read, as when the dialogue hears 换个话题.
        """

        def forget(state: ChatState, now: float) -> tuple[Reply, ChatState]:
            forgotten = replace(without_topic(state), updated_at=now)
            return Reply(phrases.RESET, ReplyKind.RESET), forgotten

        # Nothing written: the reply keeps the script this chat last wrote in.
        return await self._take(turn, "", forget, query=RESET_QUERY)

    async def _take(
        self, turn: Turn, message: Message, decide: Decide, *, query: str | None = None
    ) -> Outcome:
        """One turn of a context: its state in, `decide`, the new state and the reply saved
        (logged as `query`, by default the message as written)."""
        key = _key(turn)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            state = self._recent.get(key) or await self._load_state(key)
            now = self._clock()
            if turn.is_group:
                state = await self._joining_in(turn, key, state, now)
            reply, new_state = decide(state, now)
            record = AnswerRecord(
                chat_id=turn.chat_id,
                user_id=turn.user_id,
                message_id=turn.message_id,
                query=(_describe(message) if query is None else query)[:MAX_LOGGED_CHARS],
                kind=reply.kind,
                entry_id=reply.entry_id if reply.kind is ReplyKind.ANSWER else None,
                best_entry_id=reply.hits[0].entry.id if reply.hits else reply.entry_id,
                score=reply.score,
                page=reply.page,
                created_at=now,
            )
            try:
                answer_id = await self._store.save_turn(key, new_state, record)
            except StoreError as exc:
                # The answer is still worth sending; only this turn's context and log are lost
                # (and its buttons will say they expired).
                log.error("could not save a turn of %s: %s", key, exc)
                answer_id = UNSAVED
                self._recent.pop(key, None)
            else:
                self._recent[key] = new_state
        return Outcome(self._in_script(key, message, reply), answer_id)

    async def _joining_in(self, turn: Turn, key: str, state: ChatState, now: float) -> ChatState:
        """A group member's state, with the group's topic when they are new to the talk, or
        its page when another member read on in their answer (`dialogue.joining_in`); the
        group's is looked up only then."""
        ttl = self._config.ttl_seconds
        if not reads_the_group(state):
            return state
        try:
            group = await self._store.latest_states(
                _group_prefix(turn.chat_id), besides=key, limit=GROUP_TOPICS
            )
        except StoreError as exc:
            log.error("could not read the topic of group %s: %s", turn.chat_id, exc)
            return state
        return joining_in(state, group, now=now, ttl_seconds=ttl)

    async def _load_state(self, key: str) -> ChatState:
        try:
            return await self._store.load_state(key) or ChatState()
        except StoreError as exc:
            log.error("could not read the context of %s, answering without it: %s", key, exc)
            return ChatState()

    async def press(
        self, turn: Turn, answer_id: int, action: Action, entry_id: str | None = None
    ) -> Pressed:
        """A button under a logged answer, pressed: the one dispatch every adapter uses."""
        if action is Action.CONTINUE:
            return Pressed(outcome=await self.continue_answer(turn, answer_id))
        if action is Action.ASK:
            picked = await self.pick(turn, answer_id, entry_id) if entry_id else None
            return Pressed(outcome=picked)
        value = 1 if action is Action.VOTE_UP else -1
        previous = await self.vote(turn.chat_id, turn.user_id, answer_id, value)
        ask = previous is not None and value < 0
        ask = ask and await self.ask_for_comment(turn.chat_id, turn.user_id, answer_id)
        return Pressed(vote=previous, ask_comment=ask, value=value)

    async def continue_answer(self, turn: Turn, answer_id: int) -> Outcome | None:
        """The next page of a logged answer (its 继续 button); None if not this chat's answer."""
        stored = await self._owned_answer(answer_id, turn.chat_id)
        if stored is None or stored.entry_id is None:
            return None
        return await self.handle(_with(turn, ContinueFrom(stored.entry_id, stored.page)))

    async def pick(self, turn: Turn, answer_id: int, entry_id: str) -> Outcome | None:
        """Answer a suggested entry (its button); None if not this chat's or not offered."""
        stored = await self._owned_answer(answer_id, turn.chat_id)
        if stored is None or self._library().get(entry_id) is None:
            return None
        return await self.handle(_with(turn, Pick(entry_id)))

    async def reply_to_answer(self, chat_id: int, message_id: int) -> StoredAnswer | None:
        """The logged answer that a bot message carried, if any."""
        return await self._store.answer_for_message(chat_id, message_id)

    async def attach_message(self, answer_id: int, message_id: int) -> None:
        """Remember which bot message carried an answer (for replies and buttons)."""
        await self._store.attach_message(answer_id, message_id)

    async def vote(self, chat_id: int, user_id: int, answer_id: int, value: int) -> int | None:
        """Record 👍 (+1) or 👎 (-1); the latest vote of a user on an answer wins.

        Returns the previous vote (0 for none), or None when the answer is not this chat's
        answer from the knowledge base (a forged or stale button): nothing is written then.
        """
        if value not in (1, -1):
            return None
        stored = await self._owned_answer(answer_id, chat_id)
        if stored is None or stored.kind is not ReplyKind.ANSWER:
            return None
        return await self._store.record_vote(answer_id, user_id, value, self._clock())

    async def ask_for_comment(self, chat_id: int, user_id: int, answer_id: int) -> bool:
        """Whether to ask this user what was wrong with this answer: once per user and answer."""
        stored = await self._owned_answer(answer_id, chat_id)
        if stored is None:
            return False
        return await self._store.request_comment(answer_id, user_id, chat_id, self._clock())

    async def comment_prompt_sent(self, answer_id: int, user_id: int, message_id: int) -> None:
        """Remember the message that asked for a comment, so that a reply to it is the comment."""
        await self._store.attach_comment_prompt(answer_id, user_id, message_id)

    async def comment(
        self, chat_id: int, user_id: int, reply_to_message_id: int, text: str
    ) -> int | None:
        """Store a reply to a comment prompt; the answer id it attached to, or None."""
        text = without_surrogates(text).strip()[:MAX_LOGGED_CHARS]
        if not text:
            return None
        return await self._store.add_comment_to_prompt(
            chat_id, user_id, reply_to_message_id, text, self._clock()
        )

    async def _owned_answer(self, answer_id: int, chat_id: int) -> StoredAnswer | None:
        stored = await self._store.answer(answer_id)
        return stored if stored is not None and stored.chat_id == chat_id else None

    def browse(self, turn: Turn, topic: str | None = None, page: int = 1) -> Reply | None:
        """A view of the topic browser (no topic: the topics), in the asker's script; None for
        a topic or page that is not there (a stale button)."""
        found = browse.view(self._library(), topic, page)
        return self._in_script(_key(turn), "", found) if found is not None else None

    async def read(self, turn: Turn, entry_id: str) -> Outcome | None:
        """Answer an entry chosen in the browser or by a deep link, through the same Pick path
        as a suggestion (paged, with votes, logged); None when there is no such entry."""
        if self._library().get(entry_id) is None:
            return None
        return await self.handle(_with(turn, Pick(entry_id)))

    async def browse_press(
        self,
        turn: Turn,
        action: Action,
        *,
        topic: str | None = None,
        page: int = 1,
        entry_id: str | None = None,
    ) -> Outcome | Reply | None:
        """A press in the topic browser, the one dispatch every adapter uses: another view, or
        the answer to a question; None when it names nothing there is (expired)."""
        if action is Action.READ:
            return await self.read(turn, entry_id) if entry_id else None
        if action is Action.BROWSE:
            return self.browse(turn, topic, page)
        return None

    async def start(self, turn: Turn, payload: str) -> Outcome | Reply | None:
        """/start with a deep-link payload: the browser for "topics", the answer for an entry
        id; None for anything else, which gets the normal welcome."""
        if payload == browse.DEEP_LINK_TOPICS:
            return self.browse(turn)
        if browse.DEEP_LINK_PAYLOAD.fullmatch(payload) is None:
            return None
        return await self.read(turn, payload)

    def _in_script(self, key: str, message: Message, reply: Reply) -> Reply:
        """The reply in the configured script, or else in the script this chat last wrote in."""
        fixed = self._config.reply_script
        if fixed is None:
            seen = script.detect(message) if isinstance(message, str) else None
            if seen is not None:
                self._scripts[key] = seen
            fixed = self._scripts.get(key, Script.SIMPLIFIED)
        return script.reply_in(reply, fixed)


def _key(turn: Turn) -> str:
    return context_key(turn.chat_id, turn.user_id, is_group=turn.is_group)


def _with(turn: Turn, message: Message) -> Turn:
    return Turn(turn.chat_id, turn.user_id, message, turn.is_group, turn.message_id)


def _describe(message: Message) -> str:
    if isinstance(message, Pick):
        return f"[pick {message.entry_id}]"
    if isinstance(message, ContinueFrom):
        return f"[continue {message.entry_id} after page {message.page}]"
    return message


def _clean(message: Message) -> Message:
    # A lone surrogate cannot be encoded for SQLite; it would fail the whole turn.
    return without_surrogates(message) if isinstance(message, str) else message
