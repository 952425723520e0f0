"""The names and terms the knowledge knows, for telling a follow-up from a new question.

"那GPT呢" is an ellipsis only because GPT is something the knowledge talks about; "文心一言怎么样"
is a new question (and declined) because no entry knows 文心一言. A *name* is what an entry is
about (its `subject`: ChatGPT, 大模型, 思维链); a *term* is any keyword or name (参数, 训练数据).
Everything is kept in normalised form, so callers compare normalised text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from bot.core.knowledge import Entry

_Lengths = dict[str, tuple[int, ...]]
MIN_HEAD_CHARS = 2
"""A term's head shorter than this is no word (数 of 数据处理)."""
_VERSION = re.compile(r"[a-z][a-z.+_-]*-?[0-9][0-9a-z.+_-]*")
"""A latin name with a version number (gpt-2, gpt-3.5), as normalised."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Normalised names (entry subjects) and terms (subjects and keywords) of a knowledge base."""

    names: tuple[str, ...]
    """Most discussed first (by how many entries have that subject)."""
    terms: frozenset[str]
    display: dict[str, str]
    """How a normalised name is written in the knowledge ("chatgpt" -> "ChatGPT")."""
    name_of: dict[str, str] = field(default_factory=dict)
    """An entry's `subject` as written -> its normalised name."""
    _name_lengths: _Lengths = field(init=False, repr=False, compare=False)
    _term_lengths: _Lengths = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_name_lengths", _lengths_by_first_character(self.display))
        object.__setattr__(self, "_term_lengths", _lengths_by_first_character(self.terms))

    @classmethod
    def build(cls, entries: Iterable[Entry], *, normalise: Callable[[str], str]) -> Vocabulary:
        """Collect the names and terms of the entries, normalised with the library's pipeline."""
        counts: Counter[str] = Counter()
        display: dict[str, str] = {}
        terms: set[str] = set()
        name_of: dict[str, str] = {}
        versions: dict[str, str] = {}
        for entry in entries:
            if entry.subject not in name_of:
                name_of[entry.subject] = _squeezed(normalise(entry.subject))
            name = name_of[entry.subject]
            if name:
                counts[name] += 1
                display.setdefault(name, entry.subject)
            for keyword in entry.keywords:
                term = _squeezed(normalise(keyword))
                terms.add(term)
                if _VERSION.fullmatch(term):
                    versions.setdefault(term, keyword)
        terms.update(counts)
        terms.discard("")
        names = tuple(name for name, _ in counts.most_common())
        # A model's version that no entry is about (GPT-2) is a name all the same: "那GPT-2呢"
        # after GPT-3's parameters asks GPT-2's, not "GPT-3's GPT-2".
        versions = {term: keyword for term, keyword in versions.items() if term not in display}
        return cls((*names, *versions), frozenset(terms), display | versions, name_of)

    def is_name(self, text: str) -> bool:
        """Whether the whole (normalised) text is a name."""
        return _squeezed(text) in self.display

    def is_term(self, text: str) -> bool:
        """Whether the whole (normalised) text is a name or a keyword of some entry."""
        return _squeezed(text) in self.terms

    def heads_a_term(self, text: str) -> bool:
        """Whether the whole (normalised) text begins a keyword or name of two words or more:
        数据 of 数据处理 and 数据分片, the aspect "那数据那块呢" asks about."""
        head = _squeezed(text)
        return len(head) >= MIN_HEAD_CHARS and any(
            term != head and term.startswith(head) for term in self.terms
        )

    def names_in(self, text: str) -> list[str]:
        """The names a normalised text mentions, left to right, each the longest that fits
        there ("chatgpt", not the "gpt" inside it)."""
        return _found(_squeezed(text), self.display, self._name_lengths)

    def terms_in(self, text: str) -> list[str]:
        """The terms (names and keywords) a normalised text mentions, left to right."""
        return _found(_squeezed(text), self.terms, self._term_lengths)

    def mentions_term(self, text: str) -> bool:
        """Whether a normalised text mentions any name or keyword."""
        return bool(_found(_squeezed(text), self.terms, self._term_lengths, first=True))

    def shown_as(self, name: str) -> str:
        """A normalised name as the knowledge writes it."""
        return self.display.get(name, name)


def _squeezed(text: str) -> str:
    return text.replace(" ", "")


def _lengths_by_first_character(words: Iterable[str]) -> _Lengths:
    """For each character that begins a word, the lengths of such words, longest first."""
    lengths: dict[str, set[int]] = defaultdict(set)
    for word in words:
        if word:
            lengths[word[0]].add(len(word))
    return {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}


def _found(
    text: str, words: Collection[str], lengths: _Lengths, *, first: bool = False
) -> list[str]:
    """The words in a text, left to right, the longest at each place; only one with `first`."""
    found: list[str] = []
    start = 0
    # Only the lengths of the words that begin with the character at hand are tried: knowledge
    # may hold 100k names, and most characters of a message begin none of them.
    while start < len(text):
        for size in lengths.get(text[start], ()):
            word = text[start : start + size]
            if len(word) == size and word in words:
                found.append(word)
                if first:
                    return found
                start += size
                break
        else:
            start += 1
    return found
