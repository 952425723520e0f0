"""Turning feedback rows into what an admin reads: tables and groups of unanswered questions."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.core.reply import ReplyKind
from bot.core.search import Thresholds
from bot.untrusted import for_terminal

SIMILAR = 72
"""Two unanswered questions whose normalised texts are this similar (0-100) are one group."""


EXPORTED_COLUMNS: dict[str, tuple[str, ...]] = {
    "answers": (
        "id",
        "chat_id",
        "user_id",
        "message_id",
        "bot_message_id",
        "query",
        "kind",
        "entry_id",
        "best_entry_id",
        "score",
        "page",
        "created_at",
    ),
    "votes": ("answer_id", "user_id", "value", "voted_at"),
    "comments": ("id", "answer_id", "user_id", "text", "created_at"),
}
"""The tables `feedback export` writes and their columns, in order."""


@dataclass(frozen=True, slots=True)
class EntryFeedback:
    """How one entry fared: times answered, votes."""

    entry_id: str
    answered: int
    up: int
    down: int

    @property
    def helpful(self) -> float | None:
        votes = self.up + self.down
        return self.up / votes if votes else None


@dataclass(frozen=True, slots=True)
class Day:
    """One UTC day of the log: first pages sent (questions), 👍 and 👎."""

    day: dt.date
    questions: int
    up: int
    down: int


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment with the question it was about, who wrote it and in which chat."""

    at: float
    entry_id: str | None
    query: str
    vote: int
    text: str
    user_id: int = 0
    chat_id: int = 0


@dataclass(frozen=True, slots=True)
class Unanswered:
    """A question the bot declined or answered with a did-you-mean."""

    at: float
    query: str
    kind: ReplyKind
    best_entry_id: str | None
    score: float


@dataclass
class Group:
    """Unanswered questions that ask the same thing."""

    examples: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    count: int = 0
    nearest: str | None = None
    nearest_score: float = 0.0


def group_unanswered(
    rows: Sequence[Unanswered],
    normalise: Callable[[str], str],
    *,
    min_nearest: float = Thresholds().suggest,
) -> list[Group]:
    """Similar questions together, most frequent group first (greedy, by fuzzy similarity).

    Commands and messages with no words (emoji, punctuation) are left out: no entry could
    answer them. A nearest entry scoring below `min_nearest` is no lead, so it is not named.
    """
    groups: list[Group] = []
    for row in rows:
        key = normalise(row.query)
        if row.query.lstrip().startswith("/") or not key.strip():
            continue
        group = next((g for g in groups if _similar(key, g.keys)), None)
        if group is None:
            group = Group()
            groups.append(group)
        group.count += 1
        if key not in group.keys:
            group.keys.append(key)
            group.examples.append(row.query)
        if row.score >= max(group.nearest_score, min_nearest):
            group.nearest, group.nearest_score = row.best_entry_id, row.score
    return sorted(groups, key=lambda g: -g.count)


def _similar(key: str, keys: Sequence[str]) -> bool:
    return any(fuzz.token_set_ratio(" ".join(key), " ".join(k)) >= SIMILAR for k in keys)


def worst_first(entries: Sequence[EntryFeedback]) -> list[EntryFeedback]:
    """Lowest helpful rate first (entries without votes last), then most 👎."""
    return sorted(entries, key=lambda e: (e.helpful is None, e.helpful or 0.0, -e.down, e.entry_id))


def most_disliked(entries: Sequence[EntryFeedback]) -> list[EntryFeedback]:
    """Entries with any 👎, the largest share of 👎 first, then the most 👎."""
    disliked = [e for e in entries if e.down]
    return sorted(disliked, key=lambda e: (-e.down / (e.up + e.down), -e.down, e.entry_id))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """An aligned plain-text table; Chinese characters count as two columns."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def rate(value: float | None) -> str:
    """A helpful rate as a percentage, blank when nobody voted."""
    return "" if value is None else f"{value:.0%}"


def _cell(value: object) -> str:
    """Text from users may hold terminal escape sequences: they are removed, never printed."""
    text = "" if value is None else for_terminal(str(value))
    return text if len(text) <= 40 else text[:39] + "…"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
