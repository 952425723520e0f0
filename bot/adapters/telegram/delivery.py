"""Putting replies into a chat: cut to Telegram's limit, buttons under the last piece, and in
groups the first piece sent as a reply to the asker.
"""

from __future__ import annotations

from telegram import Bot, Chat, InlineKeyboardMarkup, Message, ReplyParameters

from bot.adapters.telegram.render import keyboard, split_message
from bot.core.reply import Reply
from bot.service import UNSAVED, ChatService, Outcome


async def send_outcome(
    bot: Bot,
    service: ChatService,
    outcome: Outcome,
    *,
    chat_id: int,
    asked: Message | None = None,
) -> None:
    """Send a reply (buttons under its last piece) and remember which message carried it."""
    markup = keyboard(outcome.reply, outcome.answer_id)
    sent = await send(bot, chat_id, outcome.reply.text, asked=asked, markup=markup)
    await service.attach_message(outcome.answer_id, sent.message_id)


async def send_view(
    bot: Bot, view: Reply, *, chat_id: int, asked: Message | None = None
) -> Message:
    """Send a reply that is no logged answer (a view of the topic browser), with its buttons."""
    return await send(bot, chat_id, view.text, asked=asked, markup=keyboard(view, UNSAVED))


async def reply(bot: Bot, message: Message, text: str) -> Message:
    """Answer a message with plain text (quoting it in groups)."""
    return await send(bot, message.chat_id, text, asked=message)


async def send(
    bot: Bot,
    chat_id: int,
    text: str,
    *,
    asked: Message | None = None,
    markup: InlineKeyboardMarkup | None = None,
) -> Message:
    """Send text cut to Telegram's limit; in groups the first piece replies to the asker."""
    pieces = split_message(text)
    quote = asked is not None and is_group(asked.chat)
    sent: Message | None = None
    for number, piece in enumerate(pieces, start=1):
        sent = await bot.send_message(
            chat_id,
            piece,
            reply_markup=markup if number == len(pieces) else None,
            reply_parameters=_reply_to(asked) if quote and number == 1 else None,
        )
    if sent is None:
        raise ValueError("split_message() returned no pieces")
    return sent


def _reply_to(message: Message | None) -> ReplyParameters | None:
    if message is None:
        return None
    # The asker may have deleted the question meanwhile: answer anyway.
    return ReplyParameters(message.message_id, allow_sending_without_reply=True)


def is_group(chat: Chat) -> bool:
    """Whether a chat is a group or supergroup (where members have their own context)."""
    return chat.type in (Chat.GROUP, Chat.SUPERGROUP)
