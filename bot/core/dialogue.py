"""One turn of a conversation as a pure function: ``step(state, message, library)``.

The chat's :class:`ChatState` (current answer and page, current subject, the entries shown,
a question asked back) goes in with the message and comes back updated with a :class:`Reply`
that any adapter can render. No I/O, no clock of its own: the caller passes `now`.

The conversation never dead-ends and never guesses: "继续" after the last page goes on to the
next entry worth reading (:mod:`bot.core.walk`); a follow-up is restated with the context
(:mod:`bot.core.follow_up`); a reference with no context is asked back (:mod:`bot.core.clarify`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from bot.core import clarify, facts, follow_up, parts, people, phrases, provenance, resolve, walk
from bot.core import intent as intents
from bot.core.focus import with_pauses_marked
from bot.core.knowledge import Entry
from bot.core.library import Library, written_in_english
from bot.core.paging import split_pages
from bot.core.reply import Action, Button, Reply, ReplyKind
from bot.core.script import Script
from bot.core.search import Hit, Match, Verdict
from bot.core.text import QUESTION_WORDS

__all__ = [
    "Action",
    "Button",
    "ChatState",
    "ContinueFrom",
    "DialogueConfig",
    "Message",
    "Pick",
    "Reply",
    "ReplyKind",
    "step",
]

CORRECTED_CHARS = 200
"""Messages up to this long are read with their typos corrected before telling a follow-up."""


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
    heard: tuple[str, ...] = ()
    """In a group, the latest entries shown to the member whose topic this one joined, or who
    was answered since, oldest first: "第二点" may point into them."""
    listed: str = ""
    """The answer whose list the chat was last shown a point of ("第一个"), and that point's
    place (`point`, from 1): "下一个" and 继续 go on to the next point."""
    point: int = 0

    def __post_init__(self) -> None:
        # A store may hand back JSON lists; the state stays hashable and comparable.
        for name in ("suggestions", "shown", "heard"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))

    def is_fresh(self, now: float, ttl_seconds: float) -> bool:
        """Whether the context is recent enough to be used."""
        return now - self.updated_at <= ttl_seconds


def without_topic(state: ChatState) -> ChatState:
    """A chat's state without its topic: what it has read (shown, and heard in a group) stays."""
    return ChatState(shown=state.shown, heard=state.heard)


def new_to_the_talk(member: ChatState, *, now: float, ttl_seconds: float) -> bool:
    """Whether a group member has had no answer yet and has no topic or choices of their own:
    what they ask may lean on the group's topic (see `joining_in`). One asked back ("你说的“它”
    是指什么？") may still name what they meant, and is told so whatever the group's topic."""
    live = bool(member.subject) and member.is_fresh(now, ttl_seconds)
    offered = bool(member.suggestions) and not member.pending  # not the topics asked back with
    return not (member.shown or live or offered)


GROUP_TOPICS = 2
"""How many of a group's latest topics a newcomer's message is weighed against."""


def joining_in(
    member: ChatState, group: Sequence[ChatState], *, now: float, ttl_seconds: float
) -> ChatState:
    """A group member's state for this turn, given the group's latest topics (other members',
    newest first).

    Each member of a group has a topic of their own, so that two conversations can interleave;
    but one who has had no answer yet and says "它有多少参数" or "自注意力是那个架构里的吗" right
    after someone else's question means that question's topic. Not one who has read answers
    (and then said 换个话题, or let the topic go stale): they had a conversation of their own.
    Nor while two members talk about different subjects: "那它呢" or "继续" could mean either,
    and the newcomer is asked which.

    A member who joined in and has had no answer of their own yet (their question was
    declined) still follows the talk: "具体哪家公司" after another member's next answer is about
    that answer. A member whose answer another member paged on ("还有呢" showed its second page)
    reads on from where the group is: their "继续" does not show that page again."""
    new = new_to_the_talk(member, now=now, ttl_seconds=ttl_seconds)
    if not new and not _still_following(member, group):
        return _caught_up(member, group)
    topics = [state for state in group if state.subject and state.is_fresh(now, ttl_seconds)]
    if not topics or len({state.subject for state in topics}) > 1:
        return member
    latest = topics[0]
    return replace(
        member,
        entry_id=latest.entry_id,
        page=latest.page,
        subject=latest.subject,
        last_question=latest.last_question,
        updated_at=latest.updated_at,
        heard=latest.shown[-parts.RECENT_ANSWERS :],
    )


def _still_following(member: ChatState, group: Sequence[ChatState]) -> bool:
    offered = bool(member.suggestions) and not member.pending
    return (
        not member.shown and not offered and bool(group) and group[0].updated_at > member.updated_at
    )


def _caught_up(member: ChatState, group: Sequence[ChatState]) -> ChatState:
    latest = group[0] if group else None
    if latest is None or member.entry_id is None or latest.updated_at < member.updated_at:
        return member
    # What another member was shown since: "效率那点展开说说" may point into it.
    member = replace(member, heard=latest.shown[-parts.RECENT_ANSWERS :])
    if latest.entry_id != member.entry_id or latest.page <= member.page:
        return member
    return replace(member, page=latest.page)


def reads_the_group(member: ChatState) -> bool:
    """Whether the group's latest topics may change a member's state (see `joining_in`): only
    for one who has read no answer of their own (new to the talk, or still following it) or
    has an answer open."""
    return member.entry_id is not None or not member.shown


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
    shown_limit: int = 200
    examples: tuple[str, ...] = field(default=phrases.EXAMPLE_QUESTIONS)
    show_source: bool = True
    """Whether an answer's last page says where it comes from (provenance.source_line)."""
    reply_script: Script | None = None
    """The script every reply is written in; None: the asker's (the service applies it)."""


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
        state = without_topic(state)  # the topic is stale; what was read stays read
    pending, state = state.pending, replace(state, pending="")
    if isinstance(message, Pick):
        reply, new_state = _pick(state, message.entry_id, library, config)
    elif isinstance(message, ContinueFrom):
        # The button may sit under an older answer: its question, not the latest one, goes on.
        asked = state.last_question if message.entry_id == state.entry_id else ""
        button_state = replace(
            state, entry_id=message.entry_id, page=message.page, last_question=asked
        )
        reply, new_state = _continue(button_state, library, config)
    else:
        reply, new_state = _say(state, pending, with_pauses_marked(message), library, config)
    return reply, replace(new_state, updated_at=now)


def _say(
    state: ChatState, pending: str, text: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    text = _without_pointing(text, library)
    # Typos corrected ("那gtp-4呢"), for what a follow-up is: a long message is none, and
    # correcting 4,000 characters costs milliseconds the search would spend again.
    short = len(text) <= CORRECTED_CHARS
    normalised = library.normalise_corrected(text) if short else library.analyzer.normalise(text)
    intent = intents.classify(normalised)
    if intent is intents.Intent.QUESTION and intents.laughs_without_asking(text, normalised):
        intent = intents.Intent.NOD
    message = intents.compact(normalised)
    compact = message.replace(" ", "")
    if intent in intents.CONTINUING or parts.asks_next(compact):
        following = _next_point(state, library)
        if following is not None:
            return _about_the_point(state, following, text, library, config, going_on=True)
        return _continue(state, library, config, depth=intent is intents.Intent.DEPTH)
    if intent is intents.Intent.RESET:
        return Reply(phrases.RESET, ReplyKind.RESET), without_topic(state)
    if intent is intents.Intent.PREVIOUS:
        return _previous(state, library, config)
    if intent is intents.Intent.AGAIN:
        return _previous(state, library, config, back=0)
    if intent is intents.Intent.IN_ENGLISH:
        return _in_chinese_only(state, library, config)
    if intent is intents.Intent.EXAMPLE:
        return _example(state, library, config)
    if intent is intents.Intent.DOUBT:
        claim = intents.doubted(intents.squeeze(normalised)) or ""
        checked = _another_kind_of_fact(state, claim, library)
        if checked is not None:
            return _answer(state, checked, claim, config)
        if not _a_claim_of_its_own(state, claim, library):
            return _stand_by(state, claim, library, config)
    current = _current(state, library)
    claimed = intents.recalled(intents.squeeze(normalised))
    # "我记得是一年" after ChatGPT's 两个月 to 1亿 users: the figure remembered otherwise, a doubt
    # without its word (it was declined); not one of another thing.
    if (
        claimed is not None
        and current is not None
        and _of_a_kind_told(claimed, current)
        and not _a_claim_of_its_own(state, claimed, library)
    ):
        return _stand_by(state, claimed, library, config)
    echoed = intents.figure_echoed(compact)
    if echoed and current is not None and _gives_a_figure_like(current.answer, echoed):
        # "290亿人民币?" after OpenAI's 290亿美元: the figure said back, doubted; "所以是175亿对吧"
        # after GPT-3's 1750亿: the figure got wrong, and what the article says is the reply.
        return _stand_by(state, compact, library, config)
    if intent is intents.Intent.SUMMARY:
        return _summary(state, library, config)
    if intent is intents.Intent.NONE_OF_THESE and state.suggestions:
        names = [topic.name for topic in clarify.topics_for("", library)]
        reply = Reply(phrases.none_of_these(names), ReplyKind.SMALL_TALK)
        return reply, replace(state, suggestions=())
    if intent is intents.Intent.WHY:
        return _why(state, intents.squeeze(normalised), library, config)
    about_the_topic = state.subject and intents.squeeze(normalised) in intents.TOPICAL_CAPABILITY
    if intent in intents.SMALL_TALK and not about_the_topic:
        return _small_talk(intent, config), state
    number = _number_said(normalised)
    chosen = _numbered_choice(number, state)
    if chosen is not None:
        return _pick(state, chosen, library, config)
    name = clarify.named_answer(message, library) if pending else None
    if name is not None:
        asked = clarify.complete(pending, name, library)
        return _respond(state, library.match(asked), asked, library, config)
    pointed = intents.one_of_two(compact)
    last_asked = library.analyzer.normalise(state.last_question) if pointed is not None else ""
    if pointed is not None and _EACH.search(last_asked):
        # 第一个/后者 right after a question asked of each of two things is one of them, not a
        # point of a list shown before it.
        named = _named(last_asked, library)
        if len(named) == 2:
            return _one_of_the_two(state, named, pointed, library, config)
    latest = _latest_answers(state, library)
    point = parts.asked(
        compact, [*latest, *_heard(state, latest, library)], focus=intents.ellipsis_focus(message)
    )
    if point is not None:
        return _about_the_point(state, point, text, library, config)
    named = _the_two_asked(state, library) if pointed is not None else []
    if pointed is not None and named:
        return _one_of_the_two(state, named, pointed, library, config)
    if number is not None and len(number) == 1 and number != "0":
        return Reply(phrases.NO_CHOICES, ReplyKind.SMALL_TALK), state  # nothing to choose from
    listed = parts.list_asked(compact, latest)
    if listed and not library.vocabulary.mentions_term(compact):
        return _the_points(state, listed, text, config)
    person = people.spoken_of(normalised, latest or _still_on_the_subject(state, library))
    if person is not None:
        return _about_the_person(state, *person, normalised, text, library, config)
    if not state.subject and _needs_a_topic(message, normalised, library):
        return _ask_back(state, message, library)
    going_on = _going_on_about(state, intents.going_on_about(normalised), library, config)
    if going_on is not None:
        return going_on
    gone_back = _going_back_to(state, intents.going_back_to(normalised), library, config)
    if gone_back is not None:
        return gone_back
    spelled = _spelled_out(state, intents.letter_asked(normalised), library)
    if spelled is not None:
        return _respond(state, library.match(spelled), spelled, library, config)
    name = parts.name_given(compact, current, state.last_question) if current else None
    if name is not None:
        asked = f"{name}是什么"
        return _respond(state, library.match(asked), asked, library, config)
    context = resolve.Context(state.subject, state.last_question, state.entry_id, state.shown)
    match, asked = resolve.match_in_context(
        message, _without_an_example_request(text, library), context, library
    )
    answered = match.answered
    if answered and answered.entry.id == state.entry_id:
        unsaid = _left_unsaid_by_the_answer(answered.entry, compact, library)
        if unsaid:
            return Reply(unsaid, ReplyKind.DECLINE, score=answered.score, hits=match.hits), state
        if intents.asks_what_else(compact):
            # "还能干啥" right after what it can do: what else, as 继续 gives it.
            return _continue(state, library, config)
        rest = _besides(answered.entry, normalised, library)
        if rest:
            return _the_points(state, rest, text, config)
        if intents.asks_for_more_of_the_kind(compact):
            if not _read_to_the_end(state, answered.entry, config):
                return _continue(state, library, config)
            return _all_there_is(state, answered.entry, library, config)
    return _respond(state, match, asked, library, config)


def _read_to_the_end(state: ChatState, entry: Entry, config: DialogueConfig) -> bool:
    """Whether the chat was shown the last page of `entry`, the answer it is on."""
    return state.page >= len(split_pages(entry.answer, config.page_size))


def _all_there_is(
    state: ChatState, entry: Entry, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    """ "还有啥缺点" after the whole of the answer on them: that was all the article says (its
    points named again), and on to a related entry, as 继续 would go."""
    listed = parts.counted(entry)
    told = phrases.all_said(entry.answer, [part.head for part in listed])
    reply, moved = _continue(state, library, config)
    return replace(reply, text=f"{told}\n\n{reply.text}"), moved


def _one_of_the_two(
    state: ChatState,
    named: Sequence[str],
    pointed: tuple[int, str],
    library: Library,
    config: DialogueConfig,
) -> tuple[Reply, ChatState]:
    """What "第二个展开讲讲" or "前者有什么效果" asks of one of two things asked about."""
    which, of_it = pointed
    asked = f"{named[which]}{of_it}" if of_it else f"什么是{named[which]}"
    reply, answered = _respond(state, library.match(asked), asked, library, config)
    # The two stay asked about: "第一个呢" after "第二个展开讲讲" is the other.
    return reply, replace(answered, last_question=state.last_question)


def _the_two_asked(state: ChatState, library: Library) -> list[str]:
    """The two names the last question asked about ("RLHF和思维链分别是啥"), else the question of
    one of the latest answers ("GPT和ChatGPT有什么区别？", then 前者, then 那参数呢: 后者 is still
    ChatGPT); none when no such question named just two."""
    latest = (library.get(i) for i in reversed(state.shown[-parts.RECENT_ANSWERS :]))
    asked = [state.last_question, *(entry.question for entry in latest if entry is not None)]
    for question in asked:
        named = _named(library.analyzer.normalise(question), library)
        if len(named) == 2:
            return named
    return []


def _named(normalised: str, library: Library) -> list[str]:
    """The names a normalised text mentions, each once, as the knowledge writes them."""
    vocabulary = library.vocabulary
    return [vocabulary.shown_as(name) for name in dict.fromkeys(vocabulary.names_in(normalised))]


def _gives_a_figure_like(answer: str, figure: str) -> bool:
    """Whether an answer gives `figure`, or a figure counted in the same unit (亿, 万)."""
    if figure in answer:
        return True
    unit = figure[-1]
    return unit in "万亿" and re.search(rf"\d{unit}", answer) is not None


def _besides(entry: Entry, normalised: str, library: Library) -> tuple[parts.Part, ...]:
    """The points of the answer just shown that a message setting one of them aside asks for
    ("除了计算资源还有呢" after the challenges of large models: the others), none when it sets
    none of them aside or all."""
    if "除了" not in normalised:
        return ()
    aside = library.read(normalised).set_aside
    if not aside:
        return ()
    listed = parts.counted(entry)
    normalise = library.analyzer.normalise
    said = [normalise(f"{part.head}{part.says}") for part in listed]
    rest = tuple(
        part for part, text in zip(listed, said, strict=True) if not any(w in text for w in aside)
    )
    return rest if 0 < len(rest) < len(listed) else ()


def _latest_answers(state: ChatState, library: Library) -> list[Entry]:
    """The answers a point may be asked of, latest first: none once the topic is gone."""
    if state.entry_id is None:
        return []
    latest = [state.entry_id, *(i for i in reversed(state.shown) if i != state.entry_id)]
    found = (library.get(entry_id) for entry_id in latest[: parts.RECENT_ANSWERS])
    return [entry for entry in found if entry is not None]


def _still_on_the_subject(state: ChatState, library: Library) -> list[Entry]:
    """After a decline that kept the subject ("他是哪天说的这话" declined with the sentence on
    博伊德), the answers the chat was shown on it, latest first: "他原话说了啥" is still of him."""
    if not state.subject or state.entry_id is not None:
        return []
    found = (library.get(entry_id) for entry_id in reversed(state.shown))
    on_it = [entry for entry in found if entry is not None and entry.subject == state.subject]
    return on_it[: parts.RECENT_ANSWERS]


def _about_the_point(
    state: ChatState,
    point: parts.Part,
    text: str,
    library: Library,
    config: DialogueConfig,
    *,
    going_on: bool = False,
) -> tuple[Reply, ChatState]:
    """A point of a list the chat was shown (`text` asks about it): the entry about it when
    there is one (数据处理, a challenge of 大模型, has its own), else what the list says of it.
    Going on through the list ("下一个", 继续), an entry the chat has read already is not shown
    again: the list's line is. A figure or a name asked of the point that what would be shown
    does not hold ("说回第一个，用云计算一个月大概要花多少钱") is declined with it."""
    entry = point.entry
    match = library.match(f"{entry.subject}的{point.head}" if entry.subject else point.head)
    best = match.best
    wanted = facts.asked(library.read(text).tokens)
    if (
        match.verdict is Verdict.ANSWER
        and best is not None
        and not _COMPARES.search(entry.question)  # its line is on both: 微调 of GPT and ChatGPT
        and best.entry.id != entry.id
        and not best.not_in_sources
        and _is_about(best.entry, point.head)
        and not (going_on and best.entry.id in state.shown)
    ):
        if not facts.answered(wanted, facts.held(best.entry.answer)):
            return _not_said_of_the_point(state, point, best.entry, best.entry.answer, text)
        reply, said = _answer(state, best.entry, text, config, score=best.score, hits=match.hits)
    else:
        body = phrases.point_of(entry.answer, point.head, point.says)
        if not facts.answered(wanted, facts.held(body)):
            return _not_said_of_the_point(state, point, entry, body, text)
        reply, said = _excerpt(state, entry, body, text, config)
    return reply, replace(said, listed=entry.id, point=parts.place_of(point))


def _not_said_of_the_point(
    state: ChatState, point: parts.Part, entry: Entry, said: str, text: str
) -> tuple[Reply, ChatState]:
    """The decline of what is asked of a point, with what is said of it; the list goes on
    from the point ("第二个", "下一个")."""
    reply = Reply(phrases.not_in_sources(said, unsaid=True), ReplyKind.DECLINE)
    reply, declined = _not_in_sources(state, entry, text, reply)
    return reply, replace(declined, listed=point.entry.id, point=parts.place_of(point))


def _next_point(state: ChatState, library: Library) -> parts.Part | None:
    """The point after the one the chat was just shown alone, if that was the last thing shown
    and its list goes on."""
    listing = library.get(state.listed) if state.listed and state.point else None
    return parts.after(listing, state.point) if listing is not None else None


def _the_points(
    state: ChatState, listed: Sequence[parts.Part], text: str, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    """The points of a list the chat was shown, asked for again ("具体体现在哪几个方面"): just
    those, without the rest of the answer."""
    entry = listed[0].entry
    body = phrases.points_of(entry.answer, [(part.head, part.says) for part in listed])
    return _excerpt(state, entry, body, text, config)


def _about_the_person(
    state: ChatState,
    entry: Entry,
    sentence: str,
    normalised: str,
    text: str,
    library: Library,
    config: DialogueConfig,
) -> tuple[Reply, ChatState]:
    """他 or 她 after an answer naming someone: the sentence that does, which tells who they
    are and what they said, and nothing else of them ("他今年多大了", "他是哪天说的这话" are
    declined with it)."""
    wanted = facts.asked(library.read(text).tokens)
    if people.told(normalised) and facts.answered(wanted, facts.held(sentence)):
        return _excerpt(state, entry, phrases.said_of_someone(sentence), text, config)
    reply = Reply(phrases.not_said_of_someone(sentence), ReplyKind.DECLINE)
    return _not_in_sources(state, entry, text, reply)


def _excerpt(
    state: ChatState, entry: Entry, body: str, text: str, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    """Part of an entry's answer, said again under its question, as the answer to `text`."""
    source = provenance.source_line(entry.source, said=body) if config.show_source else None
    said = phrases.answer_page(entry.question, body, 1, 1, source=source or "")
    reply = Reply(said, ReplyKind.ANSWER, entry.id, 1.0, 1, 1, _votes(entry.id))
    topic = replace(state, entry_id=entry.id, page=1, last_question=text, listed="", point=0)
    return reply, replace(topic, subject=entry.subject or state.subject)


_COMPARES = re.compile(r"区别|不同|对比|比较|异同")
"""A question that compares two things: each point of its answer is about both."""
_EACH = re.compile(r"分别|各自|各是")
"""A question asked of each of two things ("RLHF和思维链分别是啥"): an answer on one of them
leaves half of it unanswered."""


def _is_about(entry: Entry, head: str) -> bool:
    """Whether an entry is about a point's head: its subject, its question or a keyword names
    it ("大模型的数据处理难题怎么解决？" is about 数据处理). A phrasing that only touches it
    ("为什么大模型能加速内容生成", of the efficiency entry) does not: the line says more of it."""
    return (
        head == entry.subject
        or (len(entry.subject) > 1 and entry.subject in head)
        or head in entry.keywords
        or head in entry.question
    )


def _heard(state: ChatState, latest: list[Entry], library: Library) -> list[Entry]:
    """The answers a group member heard given to another (`ChatState.heard`), latest first,
    besides their own: "第二点" may point into those too (not "分别是什么" or 他, which mean
    the member's own latest answers)."""
    if state.entry_id is None:
        return []  # the topic is gone
    own = {entry.id for entry in latest}
    found = (library.get(entry_id) for entry_id in reversed(state.heard) if entry_id not in own)
    return [entry for entry in found if entry is not None]


def _needs_a_topic(message: str, normalised: str, library: Library) -> bool:
    """Whether a message leans on a topic ("它有多少参数", "那参数呢") that it does not name."""
    vocabulary = library.vocabulary
    if vocabulary.names_in(message):
        return False
    if follow_up.has_pronoun(message, vocabulary):
        return not _points_within(normalised, library)
    focus = intents.ellipsis_focus(message)
    return focus is not None and vocabulary.is_term(focus)


def _points_within(normalised: str, library: Library) -> bool:
    """Whether the pointing word of a message points at its own clauses before it ("模型参数过了
    某个数就会推理了，这个门槛是多少来着"): only its last clause points, and one before it
    names a term of the knowledge. Clauses are what the punctuation left between them."""
    if written_in_english(normalised):
        return False  # the spaces are between words, not clauses
    *before, last = normalised.split()
    vocabulary = library.vocabulary
    said_before = "".join(before)
    return (
        vocabulary.mentions_term(said_before)
        and not follow_up.has_pronoun(said_before, vocabulary)
        and follow_up.has_pronoun(last, vocabulary)
    )


def _score(match: Match) -> float:
    return match.best.score if match.best else 0.0


def _respond(
    state: ChatState, match: Match, asked: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    if match.verdict is Verdict.ANSWER and match.best is not None:
        hit = match.best
        if hit.not_in_sources:
            text = phrases.not_in_sources(
                hit.entry.answer, asked_of=hit.asked_of, unsaid=hit.leaves_out_what_is_asked
            )
            reply = Reply(text, ReplyKind.DECLINE, score=hit.score, hits=match.hits)
            return _not_in_sources(state, hit.entry, asked, reply)
        return _answer(
            state,
            hit.entry,
            asked,
            config,
            score=hit.score,
            hits=match.hits,
            intro=_the_other_side(hit.entry, asked, library),
            aside=_said_later(hit.entry, asked, library, config),
        )
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
        offered = tuple(h.entry.id for h in match.hits)
        return reply, replace(_declined_about(state, asked, library), suggestions=offered)
    topics = [topic.name for topic in library.topics]
    reply = Reply(
        phrases.decline(topics, config.examples),
        ReplyKind.DECLINE,
        score=_score(match),
        hits=match.hits,
    )
    return reply, _declined_about(state, asked, library)


def _the_other_side(entry: Entry, asked: str, library: Library) -> str:
    """For a question that compares two things ("思维链跟RLHF有啥不同"), or asks the same of each
    ("RLHF和思维链分别是啥"), when the entry found is about one of them and never speaks of the
    other: what the articles say first of the other goes before the answer, which alone ignored
    half the question (and, compared, that no article compares them). "" otherwise."""
    normalise = library.analyzer.normalise
    normalised = normalise(asked)
    compared = _COMPARES.search(normalised) is not None
    if not compared and not _EACH.search(normalised):
        return ""
    named = _named(normalised, library)
    if len(named) != 2 or entry.subject not in named:
        return ""
    said = _all_it_says(entry, library)
    others = [n for n in named if normalise(n).replace(" ", "") not in said]
    if len(others) != 1:
        return ""
    other = library.match(f"什么是{others[0]}").answered
    if other is None or other.entry.subject != others[0]:
        return ""
    first = parts.SENTENCE.findall(other.entry.answer)[0].strip()
    if not compared:
        return phrases.each_told(entry.subject, others[0], first)
    return phrases.not_compared(entry.subject, others[0], first)


def _declined_about(state: ChatState, asked: str, library: Library) -> ChatState:
    """The state after a question not answered (declined, or offered a did-you-mean). A chat
    with no topic yet takes the one subject the question names ("做ChatGPT一共烧了多少钱",
    "ChatGPT能帮我画图吗"), so that "那它商业化了吗" is about ChatGPT; one that names none or
    several leaves it without. A chat with a topic keeps it, and what it may continue: "接着说"
    after "它住在哪" goes on with the answer before."""
    vocabulary = library.vocabulary
    named = set(vocabulary.names_in(library.analyzer.normalise(asked)))
    if state.subject or len(named) != 1:
        return replace(state, suggestions=())
    subject = vocabulary.shown_as(named.pop())
    return replace(without_topic(state), subject=subject, last_question=asked)


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
    aside: str = "",
) -> tuple[Reply, ChatState]:
    """A page of an entry's answer; `aside`: a line of a later page that says what was asked,
    shown after the first (see `_said_later`)."""
    pages = split_pages(entry.answer, config.page_size)
    page = min(max(page, 1), len(pages))
    # The source goes under the last page, like a footnote: the first page stays the shortest
    # way to the answer, and whoever reads on to the end has read what it is the source of.
    source = provenance.source_line(entry.source) if page == len(pages) else None
    source = source if config.show_source else None
    shown_text = phrases.with_aside(pages[page - 1], aside) if aside else pages[page - 1]
    text = phrases.answer_page(entry.question, shown_text, page, len(pages), source=source or "")
    buttons = (
        [Button(phrases.CONTINUE_BUTTON, Action.CONTINUE, entry.id)] if page < len(pages) else []
    )
    buttons += _votes(entry.id)
    text = f"{intro}\n\n{text}" if intro else text
    reply = Reply(text, ReplyKind.ANSWER, entry.id, score, page, len(pages), tuple(buttons), hits)
    shown = (*(i for i in state.shown if i != entry.id), entry.id)
    new_state = ChatState(
        entry_id=entry.id,
        page=page,
        subject=entry.subject,
        last_question=asked if page == 1 else state.last_question or entry.question,
        shown=shown[-config.shown_limit :],
        heard=state.heard,
    )
    return reply, new_state


def _votes(entry_id: str) -> tuple[Button, Button]:
    """The 👍/👎 under every answer."""
    return (
        Button(phrases.VOTE_UP, Action.VOTE_UP, entry_id),
        Button(phrases.VOTE_DOWN, Action.VOTE_DOWN, entry_id),
    )


_BULLET_HEAD = re.compile(r"^\s*-\s*([^：:]{1,12})[：:]")
"""The head of a bullet line that is about one aspect ("- 微调：GPT可以针对…")."""


def _said_later(entry: Entry, asked: str, library: Library, config: DialogueConfig) -> str:
    """The line of a later page that says what the question asks about, when the first page
    does not: "GPT和ChatGPT的应用领域有啥不同" gets the comparison's summary and its line on 应用
    领域, which is on the second page; "GPT能微调吗" its line headed 微调, though the summary
    mentions 微调 in passing. A word asked about is one of substance (not a question word, not
    everyday) and, unless a line is headed by it, no subject's name, which an answer need not
    repeat; "" when no later line is headed by such a word and the first page says them all."""
    pages = split_pages(entry.answer, config.page_size)
    if len(pages) == 1:
        return ""
    analyzer = library.analyzer
    substance = {
        word
        for word in library.read(asked).tokens
        if len(word) > 1 and word not in QUESTION_WORDS and not analyzer.is_everyday_word(word)
    }
    words_of = library.answer_words
    later = [line for page in pages[1:] for line in page.splitlines() if line.strip()]
    for line in later:
        head = _BULLET_HEAD.match(line)
        if head and substance & words_of(head.group(1)):
            return line
    asked_about = {word for word in substance if not library.vocabulary.is_name(word)}
    unsaid_first = asked_about - words_of(pages[0])
    return next((line for line in later if unsaid_first & words_of(line)), "")


def _continue(
    state: ChatState, library: Library, config: DialogueConfig, *, depth: bool = False
) -> tuple[Reply, ChatState]:
    if state.entry_id is None:
        return _nothing_to_continue(state, library)
    entry = library.get(state.entry_id)
    if entry is None:
        return Reply(phrases.GONE, ReplyKind.GONE), without_topic(state)
    pages = split_pages(entry.answer, config.page_size)
    if state.page < len(pages):
        return _answer(state, entry, state.last_question, config, page=state.page + 1)
    # A depth request ("展开讲讲") goes into a sub-topic first. After a short answer with none
    # left it asks for more of that answer: the articles say no more, and going on to a linked
    # entry answered what was not asked.
    deeper = (
        walk.next_subtopic(entry, library, state.shown, asked=state.last_question)
        if depth
        else None
    )
    if depth and deeper is None and len(pages) == 1:
        return _quoted_from(entry, phrases.goes_no_deeper(entry.answer)), state
    following = deeper or walk.next_entry(entry, library, state.shown)
    if following is None:
        # Said once: the context is dropped, so a further 继续 asks what to go on with.
        reply, _ = _nothing_to_continue(state, library)
        end = Reply(phrases.walked_to_the_end(), ReplyKind.END, buttons=reply.buttons)
        return end, replace(without_topic(state), subject=state.subject)
    title = following.subject if following.subject != entry.subject else None
    intro = phrases.moved_on(title)
    reply, moved = _answer(state, following, following.question, config, intro=intro)
    if state.subject:
        # 继续 and 展开讲讲 go on from what was asked: "它" after them still means what was
        # asked about (RLHF, not the 奖励模型 or the ChatGPT of the entry it went on to).
        moved = replace(moved, subject=state.subject, last_question=state.last_question)
    return reply, moved


_SPELLED_OUT = re.compile(r"[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+)+")
"""A name spelled out in words ("Chat Generative Pre-trained Transformer")."""
SPELLED_LOOK_BACK = 3
"""How many of the latest answers a letter asked about may point into."""


def _spelled_out(state: ChatState, letter: str | None, library: Library) -> str | None:
    """What "T呢" after "ChatGPT的全称是Chat Generative Pre-trained Transformer" asks: "Transformer
    是什么意思", the word of the name spelled out in a latest answer that the letter begins; None
    when no such answer spells it."""
    if letter is None:
        return None
    for entry_id in reversed(state.shown[-SPELLED_LOOK_BACK:]):
        entry = library.get(entry_id)
        for name in _SPELLED_OUT.findall(entry.answer if entry else ""):
            word = next((w for w in name.split() if w[0].upper() == letter), None)
            if word is not None:
                return f"{word}是什么意思"
    return None


def _going_on_about(
    state: ChatState, about: str | None, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState] | None:
    """继续 with a subject the chat has left ("回到生成式AI，继续" after an aside, or after
    another subject): on from the latest answer shown about it, read to its end, as 继续 would
    have gone on then. None when `about` names no one subject or none of its answers was shown
    (the message is then asked as it is)."""
    # `about` comes from the normalised message, as the names the vocabulary finds do.
    if about is None or library.vocabulary.names_in(about) != [about]:
        return None
    for entry_id in reversed(state.shown):
        entry = library.get(entry_id)
        if entry is not None and library.vocabulary.name_of.get(entry.subject) == about:
            read = len(split_pages(entry.answer, config.page_size))
            back = replace(
                state,
                entry_id=entry.id,
                page=read,
                subject=entry.subject,
                last_question=entry.question,
            )
            return _continue(back, library, config)
    return None


GOING_BACK_ANSWERS = 10
"""How many of the latest answers going back (刚才…) may mean: each is read whole for the words."""


def _going_back_to(
    state: ChatState, about: str | None, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState] | None:
    """ "回到刚才那个思维链", "刚才说的参数那个再说说": the latest answer shown that asked about
    it, else the latest that says it, shown again from its start; None when none of the last
    `GOING_BACK_ANSWERS` says it (the message is then asked as it is)."""
    if about is None:
        return None
    normalise = library.analyzer.normalise
    latest = reversed(state.shown[-GOING_BACK_ANSWERS:])
    shown = [e for e in map(library.get, latest) if e is not None]
    asked = (
        e
        for e in shown
        if library.vocabulary.name_of.get(e.subject) == about or about in normalise(e.question)
    )
    said = (e for e in shown if about in normalise(e.answer))
    entry = next(asked, None) or next(said, None)
    if entry is None:
        return None
    return _answer(state, entry, entry.question, config)


def _previous(
    state: ChatState, library: Library, config: DialogueConfig, *, back: int = 1
) -> tuple[Reply, ChatState]:
    """上一页: the page before the current one (the first page again when on the first);
    再说一遍 (`back=0`): the current page once more."""
    entry = _current(state, library)
    if entry is None:
        return _nothing_to_continue(state, library)
    return _answer(state, entry, state.last_question, config, page=state.page - back)


def _in_chinese_only(
    state: ChatState, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    """ "in English please": the answers quote Chinese articles, so said so, with the current
    page once more (or that alone when there is none)."""
    if _current(state, library) is None:
        return Reply(phrases.CHINESE_ONLY, ReplyKind.SMALL_TALK), state
    reply, new_state = _previous(state, library, config, back=0)
    return replace(reply, text=f"{phrases.CHINESE_ONLY}\n\n{reply.text}"), new_state


def _summary(state: ChatState, library: Library, config: DialogueConfig) -> tuple[Reply, ChatState]:
    """一句话总结: the gist of the current answer (its first sentence, which leads with the
    comparison's summary or the definition before the details); its first page again when it
    has no shorter form."""
    entry = _current(state, library)
    if entry is None:
        return _nothing_to_continue(state, library)
    gist = parts.gist(entry, library.analyzer.normalise(state.last_question))
    if gist and len(gist) < len(entry.answer.strip()):
        return _excerpt(state, entry, phrases.in_short(gist), state.last_question, config)
    return _answer(state, entry, state.last_question, config, page=1)


def _current(state: ChatState, library: Library) -> Entry | None:
    """The answer the chat is on (a page of it was shown last), if any."""
    return library.get(state.entry_id) if state.entry_id else None


def _without_an_example_request(text: str, library: Library) -> str:
    """A follow-up without the example request before it ("举个例子，能用在哪" asks where the
    topic is used: the request hid the question); not one that names what it is about."""
    asked = intents.without_an_example_request(text)
    named = asked != text and library.vocabulary.names_in(library.analyzer.normalise(asked))
    return text if named else asked


def _without_pointing(text: str, library: Library) -> str:
    """A message without its opening pointer at another member's question ("leo那个问题，GPT
    预训练用的啥数据": its 那个 was asked back); what it goes on to ask is read on its own words
    and the chat's topic. Not a name the knowledge knows ("GPT那个问题" is about GPT)."""
    pointing = intents.pointing_at_another(text)
    if pointing is None:
        return text
    who, asked = pointing
    return text if who and library.vocabulary.mentions_term(who.casefold()) else asked


_EXAMPLE_MARK = re.compile(r"例如|比如|譬如|诸如|举例|、[^。；]*等")
"""How an answer gives examples: 例如…, or a list of things ending in 等."""
MAX_EXAMPLES = 2
"""Sentences of examples shown: the first an answer gives are the ones it leads with."""


def _example(state: ChatState, library: Library, config: DialogueConfig) -> tuple[Reply, ChatState]:
    """举个例子: the sentences of the current answer that give examples (例如…, or a list of
    things ending in 等); said so when it gives none. The chat stays where it was."""
    entry = _current(state, library)
    if entry is None:
        return _nothing_to_continue(state, library)
    found = _examples_in(entry)
    if found:
        body = phrases.for_example("\n".join(found[:MAX_EXAMPLES]))
        reply, _ = _excerpt(state, entry, body, state.last_question, config)
        return reply, state
    # None here: a linked entry on the same subject may give them ("举个例子" after how large
    # models help generative AI learn: its applications, 艺术创作、智能客服…).
    for other in (library.get(i) for i in entry.related):
        if other is None or other.subject != entry.subject or not (found := _examples_in(other)):
            continue
        body = phrases.examples_elsewhere("\n".join(found[:MAX_EXAMPLES]))
        reply, _ = _excerpt(state, other, body, state.last_question, config)
        return reply, state
    return Reply(phrases.NO_EXAMPLE, ReplyKind.SMALL_TALK), state


def _examples_in(entry: Entry) -> list[str]:
    """The sentences of an answer that give examples (例如…, or a list ending in 等)."""
    sentences = (s.strip() for s in parts.SENTENCE.findall(entry.answer))
    return [sentence for sentence in sentences if _EXAMPLE_MARK.search(sentence)]


def _stand_by(
    state: ChatState, claim: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    """真的吗 / "你确定？我记得是2023年": what the articles say, once more: the sentences of the
    current answer that hold the kind of fact the claim puts against it (a date, a figure, a
    sum), else the page shown. The chat stays where it was: 继续 goes on from there."""
    entry = _current(state, library)
    if entry is None:
        return _nothing_to_continue(state, library, say=phrases.nothing_to_stand_by)
    put = facts.held(claim)
    said = [s.strip() for s in parts.SENTENCE.findall(entry.answer) if facts.held(s) & put]
    pages = split_pages(entry.answer, config.page_size)
    body = "\n".join(said) if said else pages[min(max(state.page, 1), len(pages)) - 1]
    reply, _ = _excerpt(
        state, entry, phrases.as_the_articles_say(body), state.last_question, config
    )
    return reply, state


def _left_unsaid_by_the_answer(entry: Entry, compact: str, library: Library) -> str:
    """What a follow-up finding the answer just shown asks that the answer once more would not
    say, because no article does: what a word it only mentions means ("你说的零样本是啥"), or
    drawbacks it names none of ("那它的缺点呢" after RLHF); the reply that says so, else ""."""
    word, said = clarify.word_left_unexplained(entry, compact, library)
    if word:
        return phrases.word_left_unexplained(word, said)
    if clarify.drawbacks_unsaid(entry, compact):
        return phrases.drawbacks_unsaid(entry.subject)
    return ""


def _of_a_kind_told(claim: str, entry: Entry) -> bool:
    """Whether a claim states a fact of a kind the entry's answer gives: its date, span or the
    like when it has one beyond a number ("2019年出的" is a date, which GPT-3's 1750亿 is not)."""
    kinds = facts.held(claim)
    specific = kinds & ~facts.Fact.NUMBER or kinds
    return bool(specific & facts.held(entry.answer))


def _another_kind_of_fact(state: ChatState, claim: str, library: Library) -> Entry | None:
    """The entry that checks a doubt's claim of a fact of a kind the answer shown does not give,
    about the chat's subject: "不对吧 我记得是2020年出的" after who made ChatGPT puts its launch
    date to be checked (the maker once more would not), so its launch; else None."""
    entry = _current(state, library)
    if entry is None or not facts.held(claim) or _of_a_kind_told(claim, entry):
        return None
    match = library.match(f"{state.subject} {claim}")
    found = match.best.entry if match.verdict is Verdict.ANSWER and match.best else None
    return found if found is not None and found.id != entry.id else None


def _a_claim_of_its_own(state: ChatState, claim: str, library: Library) -> bool:
    """Whether a doubt's claim is about something the answer shown does not speak of: "不对吧
    它根本不支持多轮对话" after ChatGPT's base model is a claim to be checked, not a doubt of
    that answer (as "不对吧 我记得是2023年" after its launch date is)."""
    entry = _current(state, library)
    vocabulary = library.vocabulary
    terms = [term for term in vocabulary.terms_in(claim) if not vocabulary.is_name(term)]
    if entry is None or not terms:
        return False
    said = _all_it_says(entry, library)
    return not any(term in said for term in terms)


def _nothing_to_continue(
    state: ChatState,
    library: Library,
    *,
    say: Callable[[Sequence[str]], str] = phrases.nothing_to_continue,
) -> tuple[Reply, ChatState]:
    offered = clarify.topics_for("", library)
    buttons = tuple(Button(t.name, Action.ASK, t.entry.id) for t in offered)
    text = say([t.name for t in offered])
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
    current = _current(state, library)
    if current is None:
        return _ask_back(state, message, library, why=True)
    # "为啥要搞这个" after RLHF, or a bare "why?" after what it is, asks what it is for, which
    # its answer says (使…友好和安全): not the training steps that a linked entry goes into.
    after = library.analyzer.normalise(state.last_question)
    purpose = clarify.stated_purpose(current, message, after=after)
    if purpose:
        return _quoted_from(current, phrases.stated_reason(purpose)), state
    # "怎么做到的" after 控制性能: the answer says how (通过有针对性的微调); "为什么要这样" after
    # ChatGPT's safety measures: it says why.
    means = clarify.stated_means(current, message)
    reason = clarify.reason_for(current, library)
    if reason is not None and _goes_into(reason, means, current, library):
        return _answer(state, reason, reason.question, config)
    stated = means or clarify.stated_reason(current)
    if stated:
        text = phrases.stated_means(means) if means else phrases.stated_reason(stated)
        return _quoted_from(current, text), state
    grounds = clarify.stated_grounds(current, message)
    if grounds:
        return _quoted_from(current, phrases.stated_grounds(grounds)), state
    related = [e for e in (library.get(i) for i in current.related) if e is not None]
    related = related[: config.related_limit]
    buttons = tuple(Button(e.question, Action.ASK, e.id) for e in related)
    text = phrases.which_reason(current.subject, [e.question for e in related])
    reply = Reply(text, ReplyKind.ASK_BACK, buttons=buttons)
    return reply, replace(state, suggestions=tuple(e.id for e in related))


def _quoted_from(entry: Entry, text: str) -> Reply:
    """A why answered by the answer shown's own sentences (`text`), voted on as that answer;
    the chat stays on it."""
    return Reply(text, ReplyKind.ANSWER, entry.id, 1.0, 1, 1, _votes(entry.id))


def _goes_into(reason: Entry, means: Sequence[str], current: Entry, library: Library) -> bool:
    """Whether a linked entry explains further how the current answer says it is done: one on
    its own subject does, and one on another subject that speaks of the means (how ChatGPT is
    trained, after RLHF's 通过强化学习); the principle of ChatGPT after Transformer's
    使用自注意力机制 does not: that answer's own sentence is how."""
    if not means or reason.subject == current.subject:
        return True
    vocabulary = library.vocabulary
    said = _all_it_says(reason, library)
    ways = vocabulary.terms_in(library.analyzer.normalise(" ".join(means)))
    return any(term in said for term in ways if not vocabulary.is_name(term))


def _all_it_says(entry: Entry, library: Library) -> str:
    """Everything an entry says (phrasings, keywords, answer), normalised and squeezed: where a
    term found in a message (`Vocabulary.terms_in`, squeezed too) is looked for."""
    return resolve.said_by(entry, library.analyzer.normalise).replace(" ", "")


def _pick(
    state: ChatState, entry_id: str, library: Library, config: DialogueConfig
) -> tuple[Reply, ChatState]:
    entry = library.get(entry_id)
    if entry is None:
        return Reply(phrases.GONE, ReplyKind.GONE), state
    if entry.declines:
        reply, picked = _not_in_sources(
            state, entry, entry.question, Reply(entry.answer, ReplyKind.DECLINE)
        )
    else:
        reply, picked = _answer(state, entry, entry.question, config)
    # The other choices stay open: "2" after reading the first one picks the second.
    return reply, replace(picked, suggestions=state.suggestions)


def _not_in_sources(
    state: ChatState, entry: Entry, asked: str, reply: Reply
) -> tuple[Reply, ChatState]:
    """A question the articles do not answer, said with what they do say nearby: a decline
    (no votes, nothing to continue), whose subject stays for a follow-up ("那GPT-3呢")."""
    new_state = replace(without_topic(state), subject=entry.subject, last_question=asked)
    return reply, new_state


_CHINESE_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5"}


def _number_said(normalised: str) -> str | None:
    """The number a message is and nothing else ("2", "第二个"), in digits, or None."""
    text = normalised.replace(" ", "").removeprefix("第").removesuffix("个")
    text = _CHINESE_DIGITS.get(text, text)
    return text if text.isdigit() else None


def _numbered_choice(number: str | None, state: ChatState) -> str | None:
    """'2' right after a did-you-mean picks the second suggestion."""
    if number is not None and state.suggestions and 1 <= int(number) <= len(state.suggestions):
        return state.suggestions[int(number) - 1]
    return None


def _small_talk(intent: intents.Intent, config: DialogueConfig) -> Reply:
    return Reply(phrases.small_talk(intent, config.examples), ReplyKind.SMALL_TALK)
