"""The update handlers: each extracts chat, user and text, awaits the service and renders.

build_application() stores a :class:`Deps` in `application.bot_data` and registers these in
order; the handlers find the service, the flood gate and the admin list there.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field

from telegram import Bot, CallbackQuery, Chat, ForceReply, Message, Update
from telegram.error import NetworkError, TelegramError
from telegram.ext import ContextTypes

from bot.adapters.telegram import notices
from bot.adapters.telegram.addressing import addressed_question
from bot.adapters.telegram.callback_data import (
    BrowsePress,
    BrowserPress,
    ExamplePress,
    Press,
    ReadPress,
    VotePress,
    action_of,
    decode,
    decode_browser,
)
from bot.adapters.telegram.delivery import (
    TYPING_DELAY,
    is_group,
    reply,
    send,
    send_outcome,
    send_reply,
    thread_of,
    typing_while_slow,
)
from bot.adapters.telegram.render import examples_keyboard, offered_data
from bot.core import intent, phrases
from bot.core.reply import Action, Reply
from bot.flood import Admission, FloodGate
from bot.service import ChatService, Outcome, Turn

log = logging.getLogger(__name__)

DEPS_KEY = "deps"
_COMMAND = re.compile(r"^/\S*\s*")
HELP_EXAMPLES = 3
"""Example questions under /help: enough to show the range, few enough to stay a short list."""

Hook = Callable[[], Awaitable[str]]


@dataclass(frozen=True)
class Deps:
    """What the handlers need, stored once in `application.bot_data[DEPS_KEY]`."""

    service: ChatService
    flood: FloodGate
    """Questions per user."""
    group_flood: FloodGate
    """Questions per group (Telegram's group sending limit)."""
    admin_ids: frozenset[int]
    reload: Hook | None = None
    stats: Hook | None = None
    unanswered: Hook | None = None
    clock: Callable[[], float] = field(default=time.monotonic)
    typing_delay: float = TYPING_DELAY


# --- commands ------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, or a deep link's /start <payload>: that answer, the topics, or a greeting."""
    message = _message(update)
    payload = context.args[0] if context.args else ""
    if not payload or not await _opened_link(context, message, payload):
        await reply(context.bot, message, notices.start())


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: what the bot knows, how to ask it, example questions as buttons that ask them."""
    examples = examples_keyboard(phrases.EXAMPLE_QUESTIONS[:HELP_EXAMPLES])
    message = _message(update)
    await send(context.bot, message.chat_id, notices.help_text(), asked=message, markup=examples)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command this bot does not have, in a private chat: which ones it has. A command for
    another bot (/x@OtherBot) stays unanswered, as CommandHandler leaves it."""
    message = _message(update)
    words = (message.text or "").split(maxsplit=1)  # none if a forged mark sits on blanks
    _, at, addressee = (words[0] if words else "").partition("@")
    if at and addressee.lower() != (context.bot.username or "").lower():
        return
    await reply(context.bot, message, notices.UNKNOWN_COMMAND)


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/topics: the topic browser, each topic a button that opens its questions."""
    message = _message(update)
    view = deps(context).service.browse(_turn(message, ""))
    if view is not None:
        await send_reply(context.bot, view, chat_id=message.chat_id, asked=message)


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask 问题: a question asked explicitly (in groups, without a mention)."""
    message = _message(update)
    question = _COMMAND.sub("", message.text or "", count=1).strip()
    if not question:
        await reply(context.bot, message, notices.ASK_USAGE)
        return
    await answer_question(context, message, question)


async def reset(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reset: forget the context (the chat's; in a group, this member's)."""
    message = _message(update)
    service = deps(context).service
    outcome = await service.reset(_turn(message, message.text or ""))
    await send_outcome(context.bot, service, outcome, chat_id=message.chat_id, asked=message)


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats (admins only): counts from the answer log."""
    if await _refused(update, context):
        return
    hook = deps(context).stats
    await reply(context.bot, _message(update), await hook() if hook else notices.STATS_UNAVAILABLE)


async def unanswered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unanswered (admins only, in a private chat): the most frequent unanswered questions."""
    if await _refused(update, context):
        return
    if update.effective_chat is None or update.effective_chat.type != Chat.PRIVATE:
        # They are other users' words, some from private chats: not for a whole group.
        await reply(context.bot, _message(update), notices.PRIVATE_ONLY)
        return
    hook = deps(context).unanswered
    await reply(context.bot, _message(update), await hook() if hook else notices.STATS_UNAVAILABLE)


async def reload_knowledge(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload (admins only): reload the knowledge, or say that the watcher does it."""
    if await _refused(update, context):
        return
    hook = deps(context).reload
    await reply(context.bot, _message(update), await hook() if hook else notices.RELOAD_BY_WATCHER)


# --- messages and buttons ------------------------------------------------------------------


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chat: every text message is a question."""
    message = _message(update)
    await answer_question(context, message, message.text or "")


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Groups: only an @mention of the bot or a reply to one of its messages is a question."""
    message = _message(update)
    question = addressed_question(message, context.bot.bot)
    if question is not None:
        await answer_question(context, message, question)


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press on one of the bot's buttons: continue, pick a question, or vote."""
    query = update.callback_query
    if query is None:  # the handler is registered for callback queries only
        return
    thread_id = thread_of(query.message)
    browsing = offered_browser_press(query)
    if browsing is not None:
        pressed = await _browse(context, query.from_user.id, *browsing, thread_id=thread_id)
        await query.answer(pressed)
        return
    offered = offered_press(query)
    if offered is None or not await _names_its_message(deps(context).service, query, offered[1]):
        await query.answer(notices.BUTTON_EXPIRED)
        return
    await query.answer(await _perform(context, query.from_user.id, *offered, thread_id=thread_id))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure with its traceback; tell the user briefly that something went wrong."""
    if update is None and isinstance(context.error, NetworkError):
        return  # a failed poll: PTB retries it, and WatchedPolls has logged the outage
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed", update_id, exc_info=context.error)
    if isinstance(update, Update):
        await _apologise(update, context.bot)


# --- the flows behind the handlers ---------------------------------------------------------


def deps(context: ContextTypes.DEFAULT_TYPE) -> Deps:
    """The handlers' dependencies, as build_application() stored them."""
    found = context.bot_data.get(DEPS_KEY)
    if not isinstance(found, Deps):
        raise RuntimeError("the application was not built by build_application()")
    return found


async def answer_question(
    context: ContextTypes.DEFAULT_TYPE, message: Message, question: str
) -> None:
    """Answer a question within the asker's flood limit; 继续 as a reply continues that answer."""
    found = deps(context)
    admission, notice = _admit(found, _sender_id(message), message.chat)
    if admission is not Admission.ANSWER:
        if admission is Admission.NOTICE:
            await reply(context.bot, message, notice)
        return
    if not question:
        await reply(context.bot, message, notices.mention_only())
        return
    if await _took_comment(context.bot, found.service, message, question):
        return
    turn = _turn(message, question)
    async with _typing(context, message.chat_id, thread_of(message)):
        outcome = await _continue_replied(found.service, message, turn, question)
        if outcome is None:
            outcome = await found.service.handle(turn)
    await send_outcome(context.bot, found.service, outcome, chat_id=message.chat_id, asked=message)


def _admit(found: Deps, user_id: int, chat: Chat) -> tuple[Admission, str]:
    """The asker's own limit, then in a group the group's; the notice that goes with a refusal."""
    now = found.clock()
    admission = found.flood.admit(user_id, now)
    if admission is not Admission.ANSWER or not is_group(chat):
        return admission, notices.FLOOD
    return found.group_flood.admit(chat.id, now), notices.GROUP_FLOOD


def offered_press(query: CallbackQuery) -> tuple[Chat, Press] | None:
    """The chat and press of a callback, if well formed and offered where it claims to be."""
    offered = offered_data(query)
    press = decode(offered[1]) if offered is not None else None
    return (offered[0].chat, press) if offered is not None and press is not None else None


async def _names_its_message(service: ChatService, query: CallbackQuery, press: Press) -> bool:
    """Whether a press names the answer that its message carries.

    A message not (yet) known to carry an answer passes: the press may have beaten
    attach_message, and the service still checks that the answer is this chat's.
    """
    message = query.message
    if not isinstance(message, Message):
        return False
    carried = await service.reply_to_answer(message.chat_id, message.message_id)
    return carried is None or carried.id == press.answer_id


async def _perform(
    context: ContextTypes.DEFAULT_TYPE,
    user_id: int,
    chat: Chat,
    press: Press,
    *,
    thread_id: int | None = None,
) -> str | None:
    """Carry out a press, replying in the forum topic `thread_id` if any; the text for
    answerCallbackQuery (None for none)."""
    found = deps(context)
    if not isinstance(press, VotePress):  # votes send nothing, so they are not rate limited
        admission, notice = _admit(found, user_id, chat)
        if admission is not Admission.ANSWER:
            return notice
    turn = Turn(chat.id, user_id, "", is_group=is_group(chat))
    async with _typing(context, chat.id, thread_id):
        pressed = await found.service.press(turn, press.answer_id, *action_of(press))
    if isinstance(press, VotePress):
        if pressed.ask_comment:
            await _ask_for_comment(
                context.bot, found.service, chat.id, user_id, press.answer_id, thread_id
            )
        return pressed.vote_notice()
    if pressed.outcome is None:
        return notices.BUTTON_EXPIRED
    await send_outcome(
        context.bot, found.service, pressed.outcome, chat_id=chat.id, thread_id=thread_id
    )
    return None


def offered_browser_press(query: CallbackQuery) -> tuple[Chat, BrowserPress] | None:
    """The chat and browser press of a callback, if well formed and on its message's keyboard."""
    offered = offered_data(query)
    press = decode_browser(offered[1]) if offered is not None else None
    return (offered[0].chat, press) if offered is not None and press is not None else None


async def _browse(
    context: ContextTypes.DEFAULT_TYPE,
    user_id: int,
    chat: Chat,
    press: BrowserPress,
    *,
    thread_id: int | None = None,
) -> str | None:
    """Carry out a browser or example press; the text for answerCallbackQuery (None for none)."""
    found = deps(context)
    # Turning the browser's pages reads no knowledge base and logs nothing: like a vote it is
    # not a question. Its answers and example questions are, and count against the limit.
    if not isinstance(press, BrowsePress):
        admission, notice = _admit(found, user_id, chat)
        if admission is not Admission.ANSWER:
            return notice
    turn = Turn(chat.id, user_id, "", is_group=is_group(chat))
    result: Outcome | Reply | None
    if isinstance(press, ExamplePress):
        question = phrases.EXAMPLE_QUESTIONS[press.index]
        result = await found.service.handle(Turn(chat.id, user_id, question, turn.is_group))
    elif isinstance(press, ReadPress):
        result = await found.service.browse_press(turn, Action.READ, entry_id=press.entry_id)
    else:
        result = await found.service.browse_press(
            turn, Action.BROWSE, topic=press.topic, page=press.page
        )
    if result is None:
        return notices.BUTTON_EXPIRED
    await _show(context.bot, found.service, result, chat_id=chat.id, thread_id=thread_id)
    return None


async def _opened_link(context: ContextTypes.DEFAULT_TYPE, message: Message, payload: str) -> bool:
    """Open a deep link's payload (an answer, the topics); False when it names nothing."""
    found = deps(context)
    admission, notice = _admit(found, _sender_id(message), message.chat)
    if admission is not Admission.ANSWER:
        if admission is Admission.NOTICE:
            await reply(context.bot, message, notice)
        return True
    result = await found.service.start(_turn(message, ""), payload)
    if result is None:
        return False
    await _show(context.bot, found.service, result, chat_id=message.chat_id, asked=message)
    return True


async def _show(
    bot: Bot,
    service: ChatService,
    result: Outcome | Reply,
    *,
    chat_id: int,
    asked: Message | None = None,
    thread_id: int | None = None,
) -> None:
    """Send an answer (logged, with its message remembered) or a view of the browser."""
    if isinstance(result, Outcome):
        await send_outcome(bot, service, result, chat_id=chat_id, asked=asked, thread_id=thread_id)
    else:
        await send_reply(bot, result, chat_id=chat_id, asked=asked, thread_id=thread_id)


async def _continue_replied(
    service: ChatService, message: Message, turn: Turn, text: str
) -> Outcome | None:
    """继续 sent as a reply to one of the bot's answers: the next page of THAT answer."""
    replied = message.reply_to_message
    if replied is None:
        return None
    if intent.classify(service.library.analyzer.normalise(text)) not in intent.CONTINUING:
        return None
    stored = await service.reply_to_answer(message.chat_id, replied.message_id)
    return await service.continue_answer(turn, stored.id) if stored is not None else None


async def _ask_for_comment(
    bot: Bot,
    service: ChatService,
    chat_id: int,
    user_id: int,
    answer_id: int,
    thread_id: int | None,
) -> None:
    """After a first 👎 (the service says which), ask what was wrong; the reply is the comment."""
    prompt = await bot.send_message(
        chat_id,
        notices.COMMENT_PROMPT,
        reply_markup=ForceReply(selective=True),
        message_thread_id=thread_id,
    )
    await service.comment_prompt_sent(answer_id, user_id, prompt.message_id)


async def _took_comment(bot: Bot, service: ChatService, message: Message, text: str) -> bool:
    """A reply to the bot's comment prompt is stored as a comment, not asked as a question."""
    replied = message.reply_to_message
    if replied is None:
        return False
    answer_id = await service.comment(
        message.chat_id, _sender_id(message), replied.message_id, text
    )
    if answer_id is None:
        return False
    await reply(bot, message, notices.COMMENT_THANKS)
    return True


async def _refused(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Refuse (politely) anyone not in BOT_ADMIN_IDS; True when refused."""
    user = update.effective_user
    if user is not None and user.id in deps(context).admin_ids:
        return False
    await reply(context.bot, _message(update), notices.ADMIN_ONLY)
    return True


async def _apologise(update: Update, bot: Bot) -> None:
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(notices.SOMETHING_WENT_WRONG)
        elif update.effective_chat is not None:
            await bot.send_message(
                update.effective_chat.id,
                notices.SOMETHING_WENT_WRONG,
                message_thread_id=thread_of(update.effective_message),
            )
    except TelegramError as exc:  # the failure may well be Telegram itself; it is logged above
        log.warning("could not tell the user about the failure: %s", exc)


def _typing(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, thread_id: int | None
) -> AbstractAsyncContextManager[None]:
    """Show "typing…" in the chat (topic) if the answer is slow to come."""
    delay = deps(context).typing_delay
    return typing_while_slow(context.bot, chat_id, thread_id=thread_id, delay=delay)


def _turn(message: Message, text: str) -> Turn:
    return Turn(
        message.chat_id,
        _sender_id(message),
        text,
        is_group=is_group(message.chat),
        message_id=message.message_id,
    )


def _sender_id(message: Message) -> int:
    # A message sent as a channel (or by an anonymous group admin) comes from a placeholder
    # user shared by all of them (136817688, 1087968824): the chat it was sent as is the sender.
    if message.sender_chat is not None:
        return message.sender_chat.id
    return message.from_user.id if message.from_user is not None else message.chat_id


def _message(update: Update) -> Message:
    message = update.effective_message
    if message is None:  # the handlers' filters admit only updates with a message
        raise TypeError(f"update {update.update_id} has no message")
    return message
