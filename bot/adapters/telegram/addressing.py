"""In a group the bot speaks only when spoken to: an @mention of it, or a reply to its message.

Telegram gives entity offsets in UTF-16 code units, so mentions are cut out of the UTF-16 form
of the text; slicing the Python string would cut in the wrong place after an emoji. A lone
surrogate (a "\\udXXX" escape in Telegram's JSON) is one code unit there too, so it passes through.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Message, MessageEntity, User


def mentions_removed(text: str, entities: Sequence[MessageEntity], bot: User) -> tuple[bool, str]:
    """Whether the text mentions the bot, and the text with those mentions cut out."""
    encoded = text.encode("utf-16-le", "surrogatepass")
    spans = [
        (entity.offset * 2, (entity.offset + entity.length) * 2)
        for entity in entities
        if _names_bot(entity, encoded, bot)
    ]
    for start, end in sorted(spans, reverse=True):
        encoded = encoded[:start] + encoded[end:]
    remaining = encoded.decode("utf-16-le", errors="replace")
    return bool(spans), " ".join(remaining.split())


def addressed_question(message: Message, bot: User) -> str | None:
    """What a group message asks the bot, or None when it is not addressed to the bot."""
    text = message.text or ""
    mentioned, question = mentions_removed(text, message.entities, bot)
    if mentioned or is_reply_to(message, bot):
        return question
    return None


def is_reply_to(message: Message, bot: User) -> bool:
    """Whether the message replies to one of the bot's own messages."""
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot.id


def _names_bot(entity: MessageEntity, encoded: bytes, bot: User) -> bool:
    if entity.type == MessageEntity.TEXT_MENTION:
        return entity.user is not None and entity.user.id == bot.id
    if entity.type != MessageEntity.MENTION or not bot.username:
        return False
    start, end = entity.offset * 2, (entity.offset + entity.length) * 2
    name = encoded[start:end].decode("utf-16-le", errors="replace")
    return name.casefold() == f"@{bot.username}".casefold()
