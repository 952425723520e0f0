"""What the bot says in a turn, as a value any adapter can render: text, kind and buttons."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from bot.core.search import Hit


class Action(Enum):
    """What pressing a button does."""

    CONTINUE = "continue"  # the next page of the answer the button is under
    ASK = "ask"  # answer the entry `Button.entry_id`
    VOTE_UP = "up"
    VOTE_DOWN = "down"
    BROWSE = "browse"  # the topic browser: `Button.topic` at `Button.page`, or None for the list
    READ = "read"  # answer the entry `Button.entry_id` from the browser (under no answer)


@dataclass(frozen=True, slots=True)
class Button:
    """A choice offered under a reply."""

    label: str
    action: Action
    entry_id: str | None = None
    topic: str | None = None
    """The topic key a BROWSE button opens (None: the list of topics)."""
    page: int = 0
    """The page of that topic a BROWSE button opens."""


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
    BROWSE = "browse"  # a view of the topic browser (not a dialogue turn, never logged)


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
