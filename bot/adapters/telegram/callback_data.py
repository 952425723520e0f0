"""Button payloads: what a press means, in at most 64 bytes, and nothing else accepted.

    c:<answer_id>              the next page of that answer
    a:<answer_id>:<entry_id>   answer the suggested entry offered under that answer
    v:<answer_id>:+ | v:<answer_id>:-   👍 / 👎 on that answer

Decoding accepts only the canonical form that encoding produces, so a payload either means
exactly one press or None. Whether the answer exists and belongs to the chat is the service's
business; this module only guarantees the shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.dialogue import Action, Button
from bot.core.phrases import EXAMPLE_QUESTIONS
from bot.review import Decision

MAX_BYTES = 64
"""Telegram refuses callback data longer than this."""

_ANSWER_ID = r"[1-9][0-9]{0,17}"
_ENTRY_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_PATTERN = re.compile(
    rf"c:(?P<c>{_ANSWER_ID})"
    rf"|a:(?P<a>{_ANSWER_ID}):(?P<entry>{_ENTRY_ID})"
    rf"|v:(?P<v>{_ANSWER_ID}):(?P<sign>[+-])"
)


@dataclass(frozen=True, slots=True)
class ContinuePress:
    """继续 under an answer."""

    answer_id: int


@dataclass(frozen=True, slots=True)
class AskPress:
    """A did-you-mean or related question under an answer."""

    answer_id: int
    entry_id: str


@dataclass(frozen=True, slots=True)
class VotePress:
    """👍 (+1) or 👎 (-1) under an answer."""

    answer_id: int
    value: int


Press = ContinuePress | AskPress | VotePress


def press_for(button: Button, answer_id: int) -> Press | None:
    """What pressing this button under this logged answer means; None if it cannot be sent."""
    if button.action is Action.CONTINUE:
        return ContinuePress(answer_id)
    if button.action is Action.ASK:
        return AskPress(answer_id, button.entry_id) if button.entry_id else None
    if button.action not in (Action.VOTE_UP, Action.VOTE_DOWN):
        return None  # a browser button: browser_press_for encodes it
    return VotePress(answer_id, 1 if button.action is Action.VOTE_UP else -1)


def action_of(press: Press) -> tuple[Action, str | None]:
    """What a press asks the service to do: the button's action and its entry, if any."""
    if isinstance(press, ContinuePress):
        return Action.CONTINUE, None
    if isinstance(press, AskPress):
        return Action.ASK, press.entry_id
    return (Action.VOTE_UP if press.value > 0 else Action.VOTE_DOWN), None


def encode(press: Press) -> str | None:
    """The payload of a press; None when it would not fit Telegram's 64 bytes."""
    if isinstance(press, ContinuePress):
        data = f"c:{press.answer_id}"
    elif isinstance(press, AskPress):
        data = f"a:{press.answer_id}:{press.entry_id}"
    else:
        data = f"v:{press.answer_id}:{'+' if press.value > 0 else '-'}"
    return data if len(data.encode()) <= MAX_BYTES and decode(data) == press else None


def decode(data: str | None) -> Press | None:
    """The press a payload stands for, or None for anything malformed or oversized."""
    # Every canonical payload is ASCII, where characters are bytes; this also refuses lone
    # surrogates, which cannot even be encoded to count their bytes.
    if not data or not data.isascii() or len(data) > MAX_BYTES:
        return None
    match = _PATTERN.fullmatch(data)
    if match is None:
        return None
    if match["c"]:
        return ContinuePress(int(match["c"]))
    if match["a"]:
        return AskPress(int(match["a"]), match["entry"])
    return VotePress(int(match["v"]), 1 if match["sign"] == "+" else -1)


# --- the topic browser and /help's example questions ---------------------------------------
# Kinds of their own, under no answer (nothing in them names a logged answer):
#
#     bt                    the list of topics
#     bt:<topic>:<page>     that page of that topic's questions
#     br:<entry_id>         answer that entry (a question button in the browser)
#     bx:<n>                ask phrases.EXAMPLE_QUESTIONS[n] (a button under /help)

_TOPIC = r"[a-z0-9]+(?:_[a-z0-9]+)*"
_BROWSER_PATTERN = re.compile(
    rf"bt(?::(?P<topic>{_TOPIC}):(?P<page>[1-9][0-9]{{0,3}}))?"
    rf"|br:(?P<read>{_ENTRY_ID})"
    rf"|bx:(?P<example>[0-9])"
)


@dataclass(frozen=True, slots=True)
class BrowsePress:
    """A topic (at a page), or with no topic the list of topics."""

    topic: str | None
    page: int = 0


@dataclass(frozen=True, slots=True)
class ReadPress:
    """A question in the browser: its answer."""

    entry_id: str


@dataclass(frozen=True, slots=True)
class ExamplePress:
    """An example question under /help, by its place in phrases.EXAMPLE_QUESTIONS."""

    index: int


BrowserPress = BrowsePress | ReadPress | ExamplePress


def browser_press_for(button: Button) -> BrowserPress | None:
    """What pressing a browser button means; None for a button of another kind."""
    if button.action is Action.BROWSE:
        return BrowsePress(button.topic, button.page) if button.topic else BrowsePress(None)
    if button.action is Action.READ and button.entry_id:
        return ReadPress(button.entry_id)
    return None


def encode_browser(press: BrowserPress) -> str | None:
    """The payload of a browser press; None when it would not fit or is not canonical."""
    if isinstance(press, BrowsePress):
        data = f"bt:{press.topic}:{press.page}" if press.topic is not None else "bt"
    elif isinstance(press, ReadPress):
        data = f"br:{press.entry_id}"
    else:
        data = f"bx:{press.index}"
    return data if len(data.encode()) <= MAX_BYTES and decode_browser(data) == press else None


def decode_browser(data: str | None) -> BrowserPress | None:
    """The browser press a payload stands for, or None for anything else."""
    if not data or not data.isascii() or len(data) > MAX_BYTES:
        return None
    match = _BROWSER_PATTERN.fullmatch(data)
    if match is None:
        return None
    if match["read"]:
        return ReadPress(match["read"])
    if match["example"]:
        index = int(match["example"])
        return ExamplePress(index) if index < len(EXAMPLE_QUESTIONS) else None
    return BrowsePress(match["topic"], int(match["page"])) if match["topic"] else BrowsePress(None)


# --- the review queue (/review, admins only) ------------------------------------------------
#
#     r:<answer_id>:+:<entry_id>   add that question as a phrasing of the entry
#     r:<answer_id>:s              skip it
#     r:<answer_id>:x              not for this knowledge base
#
# Apart from the presses above: they go to their own handler (REVIEW_PATTERN), never to the
# conversation's dispatch.

REVIEW_PATTERN = r"^r:"
"""What the review handler is registered for (any payload so marked, to refuse a forged one)."""
_REVIEW = re.compile(rf"r:(?P<r>{_ANSWER_ID}):(?:\+:(?P<entry>{_ENTRY_ID})|(?P<other>[sx]))")
_REVIEW_CODES = {"s": Decision.SKIP, "x": Decision.NOT_OURS}


@dataclass(frozen=True, slots=True)
class ReviewPress:
    """A decision on a question of the review queue (an ADD names its entry)."""

    answer_id: int
    decision: Decision
    entry_id: str | None = None


def encode_review(press: ReviewPress) -> str | None:
    """The payload of a review decision; None when it would not fit or means nothing."""
    if press.decision is Decision.ADD:
        data = f"r:{press.answer_id}:+:{press.entry_id}"
    else:
        code = next(c for c, decision in _REVIEW_CODES.items() if decision is press.decision)
        data = f"r:{press.answer_id}:{code}"
    return data if len(data.encode()) <= MAX_BYTES and decode_review(data) == press else None


def decode_review(data: str | None) -> ReviewPress | None:
    """The review decision a payload stands for, or None for anything else."""
    if not data or not data.isascii() or len(data) > MAX_BYTES:
        return None
    match = _REVIEW.fullmatch(data)
    if match is None:
        return None
    if match["entry"]:
        return ReviewPress(int(match["r"]), Decision.ADD, match["entry"])
    return ReviewPress(int(match["r"]), _REVIEW_CODES[match["other"]])
