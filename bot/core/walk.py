"""Where "继续" goes after the last page: the most relevant entry the chat has not seen yet.

Order of preference: the entry's own `related` list (the curators' choice), then the entries
that list it as related, then its nearest neighbours by search. A depth request ("展开讲讲")
first takes the sub-topics: those of its related entries whose name (subject, or first keyword
when they share the subject) the answer itself mentions (the training answer names 监督学习,
奖励模型 and 近端策略优化), in the order the answer names them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from bot.core.knowledge import Entry
from bot.core.library import Library

NEIGHBOURS = 8
"""How many search neighbours to consider once the links are exhausted."""


def next_entry(current: Entry, library: Library, shown: Collection[str]) -> Entry | None:
    """The entry to go on to, or None when everything near this one has been shown."""
    seen = set(shown) | {current.id}
    for entry in _chain(_linked(current, library), _neighbours(current, library)):
        if entry.id not in seen and not entry.declines:
            return entry
    return None


def next_subtopic(
    current: Entry, library: Library, shown: Collection[str], *, asked: str = ""
) -> Entry | None:
    """The first sub-topic of the entry the chat has not seen, or None: a related entry whose
    name (subject, or first keyword when they share the subject) the answer itself mentions
    (the training answer names 监督学习, 奖励模型 and 近端策略优化), in the order the answer
    names them. Not one the question `asked` names: "大模型和ChatGPT啥关系" then "展开说说"
    asks more of how they relate, not what ChatGPT is."""
    seen = set(shown) | {current.id}
    named = library.analyzer.normalise(asked)
    return next(
        (
            entry
            for entry, name in _named_subtopics(current, library)
            if entry.id not in seen and not entry.declines and name not in named
        ),
        None,
    )


def _chain(*parts: Iterator[Entry]) -> Iterator[Entry]:
    for part in parts:
        yield from part


def _linked(current: Entry, library: Library) -> Iterator[Entry]:
    for entry_id in (*current.related, *library.linked_from.get(current.id, ())):
        entry = library.get(entry_id)
        if entry is not None:
            yield entry


def _neighbours(current: Entry, library: Library) -> Iterator[Entry]:
    # Searched lazily: only a chat that has exhausted the links pays for a search.
    for hit in library.search(current.question, limit=NEIGHBOURS):
        yield hit.entry


def _named_subtopics(current: Entry, library: Library) -> Iterator[tuple[Entry, str]]:
    """The sub-topics (see `next_subtopic`) with the name (normalised) the answer gives them."""
    # Only the entry's own related list: entries linking to it are more often its parents.
    normalise = library.analyzer.normalise
    answer, own = normalise(current.answer), normalise(current.subject)
    placed: list[tuple[int, Entry, str]] = []
    for entry_id in current.related:
        entry = library.get(entry_id)
        if entry is None:
            continue
        name = entry.subject if entry.subject != current.subject else next(iter(entry.keywords), "")
        name = normalise(name)
        at = answer.find(name) if name and name != own else -1
        if at >= 0:
            placed.append((at, entry, name))
    placed.sort(key=lambda placing: placing[0])
    return ((entry, name) for _, entry, name in placed)
