"""/review: the review queue in an admin's private chat, one question at a time with buttons.

The decisions are the ReviewService's (bot.review); this module checks who may press, renders a
proposal as text and buttons, and sends what a decision returns (to the admin; the asker's new
answer to the asker's chat).
"""

from __future__ import annotations

import logging

from telegram import Bot, CallbackQuery, Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram import Message as TelegramMessage
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.adapters.telegram import notices
from bot.adapters.telegram.callback_data import ReviewPress, decode_review, encode_review
from bot.adapters.telegram.delivery import reply, send, send_outcome
from bot.adapters.telegram.handlers import deps
from bot.adapters.telegram.render import offered_data
from bot.review import Decision, Proposal, Result, ReviewService, Source

log = logging.getLogger(__name__)

REVIEW_KEY = "review"
"""Where build_application() keeps the ReviewService in `application.bot_data`."""
UNAVAILABLE = "暂时无法审核。"
NOTHING_LEFT = "没有待审核的问题了。"
SKIP = "跳过"
NOT_OURS = "不属于本知识库"
LABEL_CHARS = 24
"""An entry's question is cut to this in a button: a phone shows about that much."""
_SOURCES = {Source.UNANSWERED: "没答上来", Source.DISLIKED: "回答后被点了 👎 并留了评论"}


async def review(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/review (admins only, in a private chat): the next question of the review queue."""
    message = update.effective_message
    if message is None:  # CommandHandler admits only updates with a message
        return
    refusal = _refusal(update, context, message.chat)
    if refusal is not None:
        await reply(context.bot, message, refusal)
        return
    await offer(context.bot, _service(context), message.chat_id)


async def decide(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press on a review button: carry out the decision, then offer the next question."""
    query = update.callback_query
    if query is None:  # the handler is registered for callback queries only
        return
    message = query.message
    if not isinstance(message, TelegramMessage):
        await query.answer(notices.BUTTON_EXPIRED)
        return
    refusal = _refusal(update, context, message.chat)
    press = _offered(query)
    if refusal is None and press is None:
        refusal = notices.BUTTON_EXPIRED
    if refusal is not None or press is None:
        await query.answer(refusal)
        return
    await query.answer()
    service = _service(context)
    result = await service.decide(
        query.from_user.id, press.answer_id, press.decision, press.entry_id
    )
    await send(context.bot, message.chat_id, result.text)
    await _tell_asker(context, result, message.chat_id)
    if result.decided:
        await offer(context.bot, service, message.chat_id)


async def offer(bot: Bot, service: ReviewService, chat_id: int) -> None:
    """Send the next question with its buttons, or say that none is left."""
    proposal = await service.next_item()
    if proposal is None:
        await send(bot, chat_id, NOTHING_LEFT)
        return
    await send(bot, chat_id, describe(proposal), markup=keyboard(proposal))


def describe(proposal: Proposal) -> str:
    """A question of the queue as the admin reads it."""
    item = proposal.item
    lines = [
        f"待审核：还有 {proposal.remaining} 个问题",
        f"问题：“{item.query}”（{proposal.times} 次）",
        f"来源：{_SOURCES[item.source]}（{'群聊' if item.chat_id < 0 else '私聊'}）",
    ]
    if item.entry_id:
        lines.append(f"当时的回答：{item.entry_id}")
    if item.comment:
        lines.append(f"评论：“{item.comment}”")
    if proposal.candidates:
        lines.append("最接近的条目：")
        lines += [f"· {c.question}（{c.entry_id}，{c.score:.2f}）" for c in proposal.candidates]
    else:
        lines.append("没有接近的条目。")
    return "\n".join(lines)


def keyboard(proposal: Proposal) -> InlineKeyboardMarkup:
    """One "add as a phrasing of …" button per candidate, then skip and not-for-us."""
    answer_id = proposal.item.answer_id
    rows: list[list[InlineKeyboardButton]] = []
    for candidate in proposal.candidates:
        data = encode_review(ReviewPress(answer_id, Decision.ADD, candidate.entry_id))
        if data is None:  # an entry id too long for 64 bytes: one button fewer
            log.warning("review button for %s cannot be encoded; left out", candidate.entry_id)
            continue
        label = f"加为「{_cut(candidate.question)}」的问法"
        rows.append([InlineKeyboardButton(label, callback_data=data)])
    last = [(SKIP, Decision.SKIP), (NOT_OURS, Decision.NOT_OURS)]
    rows.append(
        [
            InlineKeyboardButton(text, callback_data=encode_review(ReviewPress(answer_id, d)))
            for text, d in last
        ]
    )
    return InlineKeyboardMarkup(rows)


def _refusal(update: Update, context: ContextTypes.DEFAULT_TYPE, chat: Chat) -> str | None:
    """Why this user here may not review: the admin commands' refusals; None if they may."""
    user = update.effective_user
    if user is None or user.id not in deps(context).admin_ids:
        return notices.ADMIN_ONLY
    if chat.type != Chat.PRIVATE:
        return notices.PRIVATE_ONLY  # the queue quotes other users' questions
    if context.bot_data.get(REVIEW_KEY) is None:
        return UNAVAILABLE
    return None


def _offered(query: CallbackQuery) -> ReviewPress | None:
    """The decision pressed, if well formed and carried by the message it claims to be on."""
    offered = offered_data(query)
    return decode_review(offered[1]) if offered is not None else None


def _service(context: ContextTypes.DEFAULT_TYPE) -> ReviewService:
    found = context.bot_data.get(REVIEW_KEY)
    if not isinstance(found, ReviewService):
        raise RuntimeError("the application was built without a review service")
    return found


async def _tell_asker(context: ContextTypes.DEFAULT_TYPE, result: Result, admin_chat: int) -> None:
    """Send the asker their new answer; a user who blocked the bot is reported, not fatal."""
    if result.asker is None:
        return
    try:
        await send_outcome(
            context.bot, deps(context).service, result.asker, chat_id=result.asker_chat_id
        )
    except TelegramError as exc:
        log.warning("could not answer the asker in %s: %s", result.asker_chat_id, exc)
        await send(context.bot, admin_chat, f"没能把答案发给提问者：{exc}")


def _cut(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"
