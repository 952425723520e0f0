"""One turn of a conversation as a pure function: ``step(state, message, library)``.

The chat's :class:`ChatState` (current answer and page, current subject, the entries shown,
a question asked back) goes in with the message and comes back updated with a :class:`Reply`
that any adapter can render. No I/O, no clock of its own: the caller passes `now`.

The conversation never dead-ends and never guesses: "继续" after the last page goes on to the
next entry worth reading (:mod:`bot.core.walk`); a follow-up is restated with the context
(:mod:`bot.core.follow_up`); a reference with no context is asked back (:mod:`bot.core.clarify`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from bot.core import clarify, follow_up, phrases, walk
from bot.core import intent as intents
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
    END = "end"  # 继续 with nothing left near the current answer
    NOTHING_TO_CONTINUE = "nothing_to_continue"  # 继续 with no topic: asks what to go on with
    ASK_BACK = "ask_back"  # 它/这个/为什么 with no topic: asks what is meant
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
    shown: tuple[str, ...] = ()
    """Entries this chat has been shown, oldest first: 继续 goes on to one not among them."""
    pending: str = ""
    """A message the bot asked back about: the next one may say what it meant."""

    def __post_init__(self) -> None:
        # A store may hand back JSON lists; the state stays hashable and comparable.
        for name in ("suggestions", "shown"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))

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

CONFIRM_MARGIN = 0.05
"""How far a did-you-mean's first candidate must lead for the context to settle on it."""


@dataclass(frozen=True, slots=True)
class DialogueConfig:
    """Knobs of the conversation."""

    page_size: int = 300
    ttl_seconds: float = 30 * 60
    related_limit: int = 3
    shown_limit: int = 200
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
        state = ChatState(shown=state.shown)  # the topic is stale; what was read stays read
    pending, state = state.pending, replace(state, pending="")
    if isinstance(message, Pick):
        reply, new_state = _pick(state, message.entry_id, library, config)
    elif isinstance(message, ContinueFrom):
        reply, new_state = _continue(
            replace(state, entry_id=message.entry_id, page=message.page), library, config
        )
    else:
        reply, new_state = _say(state, pending, message, library, config)
    return reply, replace(new_state, updated_at=now)


def _say(
    state: ChatState, pending: str, text: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    normalised = library.analyzer.normalise(text)
    intent = intents.classify(normalised)
    if intent in intents.CONTINUING:
        return _continue(state, library, config, depth=intent is intents.Intent.DEPTH)
    if intent is intents.Intent.RESET:
        return Reply(phrases.RESET, ReplyKind.RESET), ChatState(shown=state.shown)
    if intent is intents.Intent.WHY:
        return _why(state, intents.squeeze(normalised), library, config)
    if intent is not intents.Intent.QUESTION:
        return _small_talk(intent, config), state
    message = intents.compact(normalised)
    chosen = _numbered_choice(normalised, state)
    if chosen is not None:
        return _pick(state, chosen, library, config)
    name = clarify.named_answer(message, library) if pending else None
    if name is not None:
        asked = clarify.complete(pending, name, library)
        return _respond(state, library.match(asked), asked, library, config)
    if not state.subject and _needs_a_topic(message, library):
        return _ask_back(state, message, library)
    match, asked = _match_with_context(state, message, text, library)
    return _respond(state, match, asked, library, config)


def _needs_a_topic(message: str, library: Library) -> bool:
    """Whether a message leans on a topic ("它有多少参数", "那参数呢") that it does not name."""
    vocabulary = library.vocabulary
    if vocabulary.names_in(message):
        return False
    if follow_up.has_pronoun(message, vocabulary):
        return True
    focus = intents.ellipsis_focus(message)
    return focus is not None and vocabulary.is_term(focus)


def _match_with_context(
    state: ChatState, message: str, text: str, library: Library
) -> tuple[Match, str]:
    """Match the message, read in the chat's context when it leans on it.

    Every reading is searched and the best answer kept ("它跟ChatGPT的关系" after a question
    on 大模型 and 生成式AI: 它 is whichever the knowledge answers best). A message that says
    it refers back (它, 那X呢) is not also answered on its own words, which would be a guess.
    """
    normalise = library.analyzer.normalise
    context = follow_up.Context(
        intents.compact(normalise(state.subject)), intents.compact(normalise(state.last_question))
    )
    readings = follow_up.restatements(message, context, library.vocabulary)
    if not readings:
        return library.match(text), text
    plain: Match | None = None
    best: tuple[Match, str] | None = None
    fallback: tuple[Match, str] | None = None
    for reading in readings:
        match = _confirmed(library.match(reading.text), state, library)
        if match.verdict is not Verdict.ANSWER:
            if reading.reference.explicit and (
                fallback is None or _score(match) > _score(fallback[0])
            ):
                fallback = (match, reading.text)
            continue
        if not reading.reference.explicit:
            plain = plain or library.match(text)
            if plain.verdict is Verdict.ANSWER and _score(plain) > _score(match):
                continue
        if best is None or _score(match) > _score(best[0]):
            best = (match, reading.text)
    if best is not None:
        return best
    plain = plain or library.match(text)
    if fallback is None or (
        plain.verdict is Verdict.ANSWER and library.vocabulary.names_in(message)
    ):
        return plain, text
    return fallback


def _confirmed(match: Match, state: ChatState, library: Library) -> Match:
    """A did-you-mean that the context settles: one clear candidate, and it is the current
    entry or linked to it, so the words and the context agree on it."""
    best = match.best
    if match.verdict is not Verdict.SUGGEST or best is None or state.entry_id is None:
        return match
    runner_up = match.hits[1].score if len(match.hits) > 1 else 0.0
    current = library.get(state.entry_id)
    linked = {state.entry_id, *library.linked_from.get(state.entry_id, ())}
    linked.update(current.related if current else ())
    if best.entry.id in linked and best.score - runner_up >= CONFIRM_MARGIN:
        return Match(Verdict.ANSWER, (best,))
    return match


def _score(match: Match) -> float:
    return match.best.score if match.best else 0.0


def _respond(
    state: ChatState, match: Match, asked: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    if match.verdict is Verdict.ANSWER and match.best is not None:
        hit = match.best
        return _answer(state, hit.entry, asked, config, score=hit.score, hits=match.hits)
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
    state: ChatState,
    entry: Entry,
    asked: str,
    config: DialogueConfig,
    *,
    score: float = 1.0,
    page: int = 1,
    hits: tuple[Hit, ...] = (),
    intro: str = "",
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
    text = f"{intro}\n\n{text}" if intro else text
    reply = Reply(text, ReplyKind.ANSWER, entry.id, score, page, len(pages), tuple(buttons), hits)
    shown = (*(i for i in state.shown if i != entry.id), entry.id)
    new_state = ChatState(
        entry_id=entry.id,
        page=page,
        subject=entry.subject,
        last_question=asked if page == 1 else state.last_question or entry.question,
        shown=shown[-config.shown_limit :],
    )
    return reply, new_state


def _continue(
    state: ChatState, library: Library, config: DialogueConfig, *, depth: bool = False
) -> tuple[Reply, ChatState]:
    if state.entry_id is None:
        return _nothing_to_continue(state, library)
    entry = library.get(state.entry_id)
    if entry is None:
        return Reply(phrases.GONE, ReplyKind.GONE), ChatState(shown=state.shown)
    pages = split_pages(entry.answer, config.page_size)
    if state.page < len(pages):
        return _answer(state, entry, state.last_question, config, page=state.page + 1)
    following = walk.next_entry(entry, library, state.shown, depth=depth)
    if following is None:
        # Said once: the context is dropped, so a further 继续 asks what to go on with.
        reply, _ = _nothing_to_continue(state, library)
        end = Reply(phrases.walked_to_the_end(), ReplyKind.END, buttons=reply.buttons)
        return end, replace(ChatState(shown=state.shown), subject=state.subject)
    title = following.subject if following.subject != entry.subject else None
    intro = phrases.moved_on(title)
    return _answer(state, following, following.question, config, intro=intro)


def _nothing_to_continue(state: ChatState, library: Library) -> tuple[Reply, ChatState]:
    offered = clarify.topics_for("", library)
    buttons = tuple(Button(t.name, Action.ASK, t.entry.id) for t in offered)
    text = phrases.nothing_to_continue([t.name for t in offered])
    return Reply(text, ReplyKind.NOTHING_TO_CONTINUE, buttons=buttons), state


def _ask_back(
    state: ChatState, message: str, library: Library, *, why: bool = False
) -> tuple[Reply, ChatState]:
    """Ask what the message leans on; its topics are buttons, the next message may answer."""
    offered = clarify.topics_for("" if why else message, library)
    buttons = tuple(Button(t.name, Action.ASK, t.entry.id) for t in offered)
    found = intents.PRONOUN.search(message)
    word = found.group(0) if found else intents.ellipsis_focus(message) or message
    vocabulary = library.vocabulary
    names = [t.name for t in offered] or [vocabulary.shown_as(n) for n in vocabulary.names[:3]]
    text = phrases.ask_back(None if why else word, names)
    reply = Reply(text, ReplyKind.ASK_BACK, buttons=buttons)
    return reply, replace(state, pending=message, suggestions=tuple(t.entry.id for t in offered))


def _why(
    state: ChatState, message: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    """为什么 / 怎么做到的 about the current answer: the entry that explains it, or ask back."""
    current = library.get(state.entry_id) if state.entry_id else None
    if current is None:
        return _ask_back(state, message, library, why=True)
    reason = clarify.reason_for(current, library)
    if reason is not None:
        return _answer(state, reason, reason.question, config)
    related = [e for e in (library.get(i) for i in current.related) if e is not None]
    related = related[: config.related_limit]
    buttons = tuple(Button(e.question, Action.ASK, e.id) for e in related)
    text = phrases.which_reason(current.subject, [e.question for e in related])
    reply = Reply(text, ReplyKind.ASK_BACK, buttons=buttons)
    return reply, replace(state, suggestions=tuple(e.id for e in related))


def _pick(
    state: ChatState, entry_id: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    entry = library.get(entry_id)
    if entry is None:
        return Reply(phrases.GONE, ReplyKind.GONE), state
    return _answer(state, entry, entry.question, config)


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
