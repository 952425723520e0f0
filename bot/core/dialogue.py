"""One turn of a conversation as a pure function: ``step(state, message, library)``.

The chat's :class:`ChatState` (current answer and page, current subject, last suggestions) goes
in with the message and comes back updated with a :class:`Reply` that any adapter can render.
No I/O, no clock of its own: the caller passes `now`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from bot.core import intent as intents
from bot.core import phrases
from bot.core.knowledge import Entry
from bot.core.library import Library
from bot.core.paging import split_pages
from bot.core.search import Hit, Match, Verdict


class Action(Enum):
    """What pressing a button does."""

    CONTINUE = "continue"  # the next page of the answer the button is under
    ASK = "ask"  # answer the entry `Button.entry_id`
    VOTE_UP = "up"
    VOTE_DOWN = "down"


@dataclass(frozen=True, slots=True)
class Button:
    """A choice offered under a reply."""

    label: str
    action: Action
    entry_id: str | None = None


class ReplyKind(Enum):
    """Why the bot said what it said."""

    ANSWER = "answer"  # a page of an entry's answer
    SUGGEST = "suggest"  # did you mean...
    DECLINE = "decline"  # nothing fits
    END = "end"  # 继续 after the last page
    NOTHING_TO_CONTINUE = "nothing_to_continue"
    GONE = "gone"  # 继续 on an entry that a reload removed
    SMALL_TALK = "small_talk"
    RESET = "reset"


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot answers: text plus what an adapter needs to render and log it."""

    text: str
    kind: ReplyKind
    entry_id: str | None = None
    score: float = 0.0
    page: int = 0
    pages: int = 0
    buttons: tuple[Button, ...] = ()
    hits: tuple[Hit, ...] = ()

    @property
    def matched(self) -> bool:
        """Whether this answers from the knowledge base."""
        return self.kind is ReplyKind.ANSWER

    @property
    def has_more(self) -> bool:
        return self.matched and self.page < self.pages


@dataclass(frozen=True, slots=True)
class ChatState:
    """What a chat remembers between turns."""

    entry_id: str | None = None
    page: int = 0
    subject: str = ""
    last_question: str = ""
    suggestions: tuple[str, ...] = ()
    updated_at: float = 0.0

    def is_fresh(self, now: float, ttl_seconds: float) -> bool:
        """Whether the context is recent enough to be used."""
        return now - self.updated_at <= ttl_seconds


@dataclass(frozen=True, slots=True)
class Pick:
    """The user chose an entry (a did-you-mean or related-question button)."""

    entry_id: str


@dataclass(frozen=True, slots=True)
class ContinueFrom:
    """Continue a specific answer (its button, or 继续 sent as a reply to it)."""

    entry_id: str
    page: int


Message = str | Pick | ContinueFrom


@dataclass(frozen=True, slots=True)
class DialogueConfig:
    """Knobs of the conversation."""

    page_size: int = 300
    ttl_seconds: float = 30 * 60
    related_limit: int = 3
    examples: tuple[str, ...] = field(default=phrases.EXAMPLE_QUESTIONS)


def step(
    state: ChatState,
    message: Message,
    library: Library,
    *,
    now: float,
    config: DialogueConfig = DialogueConfig(),
) -> tuple[Reply, ChatState]:
    """Answer one message; return the reply and the chat's new state."""
    if not state.is_fresh(now, config.ttl_seconds):
        state = ChatState()
    if isinstance(message, Pick):
        reply, new_state = _pick(state, message.entry_id, library, config)
    elif isinstance(message, ContinueFrom):
        reply, new_state = _continue(
            replace(state, entry_id=message.entry_id, page=message.page), library, config
        )
    else:
        reply, new_state = _say(state, message, library, config)
    return reply, replace(new_state, updated_at=now)


def _say(
    state: ChatState, text: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    normalised = library.analyzer.normalise(text)
    intent = intents.classify(normalised)
    if intent is intents.Intent.CONTINUE:
        return _continue(state, library, config)
    if intent is intents.Intent.RESET:
        return Reply(phrases.RESET, ReplyKind.RESET), ChatState()
    if intent is not intents.Intent.QUESTION:
        return _small_talk(intent, config), state
    chosen = _numbered_choice(normalised, state)
    if chosen is not None:
        return _pick(state, chosen, library, config)
    match, asked = _match_with_context(state, normalised, text, library)
    return _respond(state, match, asked, library, config)


def _match_with_context(
    state: ChatState, normalised: str, text: str, library: Library
) -> tuple[Match, str]:
    """Match the message, first restated with the current subject when it refers back."""
    rewrite = (
        intents.resolve_follow_up(
            normalised, subject=state.subject, last_question=state.last_question
        )
        if state.subject
        else None
    )
    if rewrite is None:
        return library.match(text), text
    restated = library.match(rewrite.text)
    # A pronoun can only mean the current subject: if the restated question has an answer,
    # that is the answer (no need to weigh the message on its own).
    if rewrite.kind == "pronoun" and restated.verdict is Verdict.ANSWER:
        return restated, rewrite.text
    plain = library.match(text)
    if restated.verdict is Verdict.ANSWER and (
        plain.verdict is not Verdict.ANSWER or _score(restated) >= _score(plain)
    ):
        return restated, rewrite.text
    return plain, text


def _score(match: Match) -> float:
    return match.best.score if match.best else 0.0


def _respond(
    state: ChatState, match: Match, asked: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    if match.verdict is Verdict.ANSWER and match.best is not None:
        hit = match.best
        return _answer(hit.entry, asked, hit.score, config, hits=match.hits)
    if match.verdict is Verdict.SUGGEST:
        questions = [hit.entry.question for hit in match.hits]
        buttons = tuple(Button(hit.entry.question, Action.ASK, hit.entry.id) for hit in match.hits)
        reply = Reply(
            phrases.suggest(questions),
            ReplyKind.SUGGEST,
            score=_score(match),
            buttons=buttons,
            hits=match.hits,
        )
        return reply, replace(state, suggestions=tuple(h.entry.id for h in match.hits))
    topics = [topic.name for topic in library.topics]
    reply = Reply(
        phrases.decline(topics, config.examples),
        ReplyKind.DECLINE,
        score=_score(match),
        hits=match.hits,
    )
    return reply, replace(state, suggestions=())


def _answer(
    entry: Entry,
    asked: str,
    score: float,
    config: DialogueConfig,
    *,
    page: int = 1,
    hits: tuple[Hit, ...] = (),
) -> tuple[Reply, ChatState]:
    pages = split_pages(entry.answer, config.page_size)
    page = min(max(page, 1), len(pages))
    text = phrases.answer_page(entry.question, pages[page - 1], page, len(pages))
    buttons = (
        [Button(phrases.CONTINUE_BUTTON, Action.CONTINUE, entry.id)] if page < len(pages) else []
    )
    buttons += [
        Button(phrases.VOTE_UP, Action.VOTE_UP, entry.id),
        Button(phrases.VOTE_DOWN, Action.VOTE_DOWN, entry.id),
    ]
    reply = Reply(text, ReplyKind.ANSWER, entry.id, score, page, len(pages), tuple(buttons), hits)
    state = ChatState(
        entry_id=entry.id,
        page=page,
        subject=entry.subject,
        last_question=asked if page == 1 else entry.question,
    )
    return reply, state


def _continue(
    state: ChatState, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    if state.entry_id is None:
        return Reply(phrases.NOTHING_TO_CONTINUE, ReplyKind.NOTHING_TO_CONTINUE), state
    entry = library.get(state.entry_id)
    if entry is None:
        return Reply(phrases.GONE, ReplyKind.GONE), ChatState()
    pages = split_pages(entry.answer, config.page_size)
    if state.page >= len(pages):
        related = [e for e in (library.get(i) for i in entry.related) if e is not None]
        related = related[: config.related_limit]
        buttons = tuple(Button(e.question, Action.ASK, e.id) for e in related)
        reply = Reply(
            phrases.end_of_answer([e.question for e in related]),
            ReplyKind.END,
            entry.id,
            buttons=buttons,
        )
        return reply, replace(state, suggestions=tuple(e.id for e in related))
    reply, new_state = _answer(
        entry, state.last_question or entry.question, 1.0, config, page=state.page + 1
    )
    return reply, replace(new_state, last_question=state.last_question or entry.question)


def _pick(
    state: ChatState, entry_id: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    entry = library.get(entry_id)
    if entry is None:
        return Reply(phrases.GONE, ReplyKind.GONE), state
    return _answer(entry, entry.question, 1.0, config)


def _numbered_choice(normalised: str, state: ChatState) -> str | None:
    """'2' right after a did-you-mean picks the second suggestion."""
    text = normalised.replace(" ", "").removeprefix("第").removesuffix("个")
    digits = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5"}
    text = digits.get(text, text)
    if state.suggestions and text.isdigit() and 1 <= int(text) <= len(state.suggestions):
        return state.suggestions[int(text) - 1]
    return None


def _small_talk(intent: intents.Intent, config: DialogueConfig) -> Reply:
    return Reply(phrases.small_talk(intent.value, config.examples), ReplyKind.SMALL_TALK)
