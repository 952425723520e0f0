"""A Reply as Telegram shows it: plain text cut to the message limit, and an inline keyboard.

Text goes out without a parse mode, so nothing from users or the knowledge needs escaping.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.adapters.telegram import callback_data
from bot.core.dialogue import Action, Button, Reply, ReplyKind

log = logging.getLogger(__name__)

MAX_MESSAGE_UTF16 = 4096
"""Telegram's limit on a message's text, counted in UTF-16 code units (an emoji counts two)."""

_VOTES = (Action.VOTE_UP, Action.VOTE_DOWN)


def split_message(text: str, limit: int = MAX_MESSAGE_UTF16) -> list[str]:
    """The text in pieces Telegram accepts, cut at a line break where one is near the limit."""
    pieces: list[str] = []
    rest = text.strip() or "…"
    while _utf16_length(rest) > limit:
        cut = max(_fitting_prefix(rest, limit), 1)
        line_break = rest.rfind("\n", 0, cut)
        if line_break > cut // 2:  # a break in the second half keeps pieces reasonably full
            cut = line_break
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    pieces.append(rest)
    return [piece for piece in pieces if piece]


def keyboard(reply: Reply, answer_id: int) -> InlineKeyboardMarkup | None:
    """The reply's buttons: 继续 and questions one per row, a topic's ◀ ▶ side by side,
    👍 👎 side by side at the end."""
    rows: list[list[InlineKeyboardButton]] = []
    votes: list[InlineKeyboardButton] = []
    paging: list[InlineKeyboardButton] = []
    for button in reply.buttons:
        rendered = _button(button, answer_id)
        if rendered is None:
            continue
        if button.action in _VOTES:
            votes.append(rendered)
        elif _turns_page(reply, button):
            if not paging:  # the row stands where its first button does, above the way back
                rows.append(paging)
            paging.append(rendered)
        else:
            rows.append([rendered])
    if votes:
        rows.append(votes)
    return InlineKeyboardMarkup(rows) if rows else None


def examples_keyboard(questions: Sequence[str]) -> InlineKeyboardMarkup:
    """Example questions as buttons, one per row, that ask them (under /help)."""
    rows = []
    for index, question in enumerate(questions):
        data = callback_data.encode_browser(callback_data.ExamplePress(index))
        if data is not None:
            rows.append([InlineKeyboardButton(question, callback_data=data)])
    return InlineKeyboardMarkup(rows)


def _turns_page(reply: Reply, button: Button) -> bool:
    """◀ ▶ in a page of a topic: side by side, under its questions."""
    return reply.kind is ReplyKind.BROWSE and bool(reply.page and button.topic)


def offered_data(query: CallbackQuery) -> tuple[Message, str] | None:
    """A callback's message and payload, if that message carries a button with exactly that
    payload: Telegram clients can send any payload, so only an offered one counts."""
    message = query.message
    data = query.data
    if not isinstance(message, Message) or data is None:
        return None
    return (message, data) if data in offered_payloads(message.reply_markup) else None


def offered_payloads(markup: InlineKeyboardMarkup | None) -> frozenset[str]:
    """The callback data of every button in a keyboard."""
    if markup is None:
        return frozenset()
    return frozenset(
        button.callback_data
        for row in markup.inline_keyboard
        for button in row
        if isinstance(button.callback_data, str)
    )


def _button(button: Button, answer_id: int) -> InlineKeyboardButton | None:
    browsing = callback_data.browser_press_for(button)
    if browsing is not None:
        data = callback_data.encode_browser(browsing)
    else:
        press = callback_data.press_for(button, answer_id)
        data = callback_data.encode(press) if press is not None else None
    if data is None:
        # An entry id too long for 64 bytes: better one missing button than a failed reply.
        log.warning("button %r under answer %s cannot be encoded; left out", button, answer_id)
        return None
    return InlineKeyboardButton(button.label, callback_data=data)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _fitting_prefix(text: str, limit: int) -> int:
    """How many characters of the text fit in `limit` UTF-16 code units."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)
