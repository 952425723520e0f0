"""A message read in the chat's context: the readings of a follow-up searched, the best kept.

:mod:`bot.core.follow_up` says how a message may lean on the context; this module asks the
knowledge which reading it answers, and falls back to the message's own words only when that
is not a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import follow_up
from bot.core import intent as intents
from bot.core.library import Library
from bot.core.search import Match, Verdict

CONFIRM_MARGIN = 0.05
"""How far a did-you-mean's first candidate must lead for the context to settle on it."""


@dataclass(frozen=True, slots=True)
class Context:
    """The chat's topic as the dialogue keeps it (display forms, not normalised)."""

    subject: str
    last_question: str
    entry_id: str | None


def match_in_context(
    message: str, text: str, context: Context, library: Library
) -> tuple[Match, str]:
    """Match a message (`message` compact normalised, `text` as sent) in the chat's context;
    the match and the question it answers.

    Every reading is searched and the best answer kept ("它跟ChatGPT的关系" after a question
    on 大模型 and 生成式AI: 它 is whichever the knowledge answers best). A message that says
    it refers back (它, 那X呢) is not also answered on its own words, which would be a guess.
    """
    normalise = library.analyzer.normalise
    topic = follow_up.Context(
        intents.compact(normalise(context.subject)),
        intents.compact(normalise(context.last_question)),
    )
    readings = follow_up.restatements(message, topic, library.vocabulary)
    if not readings:
        return library.match(text), text
    plain: Match | None = None
    best: tuple[Match, str] | None = None
    fallback: tuple[Match, str] | None = None
    for reading in readings:
        match = _confirmed(library.match(reading.text), context, library)
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


def _confirmed(match: Match, context: Context, library: Library) -> Match:
    """A did-you-mean that the context settles: one clear candidate, and it is the current
    entry or linked to it, so the words and the context agree on it."""
    best = match.best
    if match.verdict is not Verdict.SUGGEST or best is None or context.entry_id is None:
        return match
    runner_up = match.hits[1].score if len(match.hits) > 1 else 0.0
    current = library.get(context.entry_id)
    linked = {context.entry_id, *library.linked_from.get(context.entry_id, ())}
    linked.update(current.related if current else ())
    if best.entry.id in linked and best.score - runner_up >= CONFIRM_MARGIN:
        return Match(Verdict.ANSWER, (best,))
    return match


def _score(match: Match) -> float:
    return match.best.score if match.best else 0.0
