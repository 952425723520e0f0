"""Putting replies into a chat: cut to Telegram's limit, buttons under the last piece, in groups
the first piece sent as a reply to the asker, and in forum groups into the asker's topic.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from telegram import (
    Bot,
    Chat,
    InlineKeyboardMarkup,
    MaybeInaccessibleMessage,
    Message,
    ReplyParameters,
)
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.adapters.telegram.render import keyboard, split_message
from bot.core.reply import Reply
from bot.service import UNSAVED, ChatService, Outcome

log = logging.getLogger(__name__)

TYPING_DELAY = 1.0
"""Seconds an answer may take before the chat shows "typing…": most answers come well within
it, and a typing flash before every instant reply would only be one more request each."""


async def send_outcome(
    bot: Bot,
    service: ChatService,
    outcome: Outcome,
    *,
    chat_id: int,
    asked: Message | None = None,
    thread_id: int | None = None,
) -> None:
    """Send a logged reply and remember which message carried it (for its buttons)."""
    sent = await send_reply(
        bot,
        outcome.reply,
        chat_id=chat_id,
        asked=asked,
        thread_id=thread_id,
        answer_id=outcome.answer_id,
    )
    await service.attach_message(outcome.answer_id, sent.message_id)


async def send_reply(
    bot: Bot,
    reply: Reply,
    *,
    chat_id: int,
    asked: Message | None = None,
    thread_id: int | None = None,
    answer_id: int = UNSAVED,
) -> Message:
    """Send a reply with its buttons under its last piece; a reply that is no logged answer
    (a view of the topic browser) has none that name an answer."""
    markup = keyboard(reply, answer_id)
    return await send(bot, chat_id, reply.text, asked=asked, markup=markup, thread_id=thread_id)


async def reply(bot: Bot, message: Message, text: str) -> Message:
    """Answer a message with plain text (quoting it in groups, in its topic in forums)."""
    return await send(bot, message.chat_id, text, asked=message)


async def send(
    bot: Bot,
    chat_id: int,
    text: str,
    *,
    asked: Message | None = None,
    markup: InlineKeyboardMarkup | None = None,
    thread_id: int | None = None,
) -> Message:
    """Send text cut to Telegram's limit; in groups the first piece replies to the asker.

    Every piece goes to `thread_id`, or else to the topic of the message asked.
    """
    pieces = split_message(text)
    quote = asked is not None and is_group(asked.chat)
    thread = thread_id if thread_id is not None else thread_of(asked)
    sent: Message | None = None
    for number, piece in enumerate(pieces, start=1):
        sent = await bot.send_message(
            chat_id,
            piece,
            reply_markup=markup if number == len(pieces) else None,
            reply_parameters=_reply_to(asked) if quote and number == 1 else None,
            message_thread_id=thread,
        )
    if sent is None:
        raise ValueError("split_message() returned no pieces")
    return sent


def thread_of(message: MaybeInaccessibleMessage | None) -> int | None:
    """The forum topic a message belongs to, or None (not a forum, or its General topic).

    Only a topic message's thread id names a topic: in an ordinary supergroup a reply carries
    the id of its reply thread too, and sending there is not what the asker meant.
    """
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


@contextlib.asynccontextmanager
async def typing_while_slow(
    bot: Bot, chat_id: int, *, thread_id: int | None = None, delay: float = TYPING_DELAY
) -> AsyncIterator[None]:
    """Show "typing…" in the chat if the body takes longer than `delay` seconds."""
    task = asyncio.create_task(_type_after(bot, chat_id, thread_id, delay))
    try:
        yield
    finally:
        # Not awaited: a cancelled sleep ends by itself, and awaiting it here could swallow a
        # cancellation meant for the handler.
        task.cancel()


async def _type_after(bot: Bot, chat_id: int, thread_id: int | None, delay: float) -> None:
    await asyncio.sleep(delay)
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING, message_thread_id=thread_id)
    except TelegramError as exc:  # a cosmetic: the answer goes out without it
        log.info("sendChatAction failed in chat %s: %s", chat_id, exc)


def _reply_to(message: Message | None) -> ReplyParameters | None:
    if message is None:
        return None
    # The asker may have deleted the question meanwhile: answer anyway.
    return ReplyParameters(message.message_id, allow_sending_without_reply=True)


def is_group(chat: Chat) -> bool:
    """Whether a chat is a group or supergroup (where members have their own context)."""
    return chat.type in (Chat.GROUP, Chat.SUPERGROUP)
