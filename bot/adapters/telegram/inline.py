"""Inline mode: `@bot RLHF` in any chat lists the matching entries; choosing one posts it.

The query is matched as a chat message is, with the same verdict: what a chat would decline
lists nothing here, only a button that opens a private chat with the bot. Nothing is logged
to the answer log: an inline query has no chat to answer in, and most are half-typed words.
"""

from __future__ import annotations

import hashlib
import logging

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.adapters.telegram.handlers import deps
from bot.adapters.telegram.render import MAX_MESSAGE_UTF16, split_message
from bot.core import intent, phrases
from bot.core.knowledge import Entry
from bot.core.library import Library
from bot.core.paging import split_pages
from bot.core.search import Hit, Verdict, decide

log = logging.getLogger(__name__)

CACHE_SECONDS = 30
"""How long Telegram may serve the same results to anyone typing the same query: short, so
that a reloaded knowledge base shows within half a minute."""
QUERY_LIMIT = 256
"""Telegram's own cap on an inline query; a longer one (a forged update) is cut, not refused."""
MAX_RESULTS = 5
ANSWER_CHARS = 1000
"""An answer posted into someone else's chat is cut after this many characters (at a sentence):
the whole of it is one private message away."""
DESCRIPTION_CHARS = 60
START_PARAMETER = "inline"
"""The /start payload of the button that opens a private chat (A-Z, a-z, 0-9, _ and -)."""
_TEXT_ROOM = MAX_MESSAGE_UTF16 - 100
"""The posted text without its last line (a bot's username has at most 32 characters)."""
_RESULT_ID_BYTES = 64
"""Telegram's limit on a result id."""


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline query: the matching entries as articles, and a button to ask in private."""
    query = update.inline_query
    if query is None:  # the handler is registered for inline queries only
        return
    library = deps(context).service.library
    asked = query.query[:QUERY_LIMIT].strip()
    hits = matching(library, asked)
    username = context.bot.username or ""
    try:
        await query.answer(
            [article(hit.entry, username) for hit in hits],
            cache_time=CACHE_SECONDS,
            is_personal=False,
            button=InlineQueryResultsButton(
                text=_button_text(asked, found=bool(hits)), start_parameter=START_PARAMETER
            ),
        )
    except BadRequest as exc:
        # Telegram takes answers for about 10 s only; after a restart the backlog is stale.
        # Nobody is waiting for these any more, so this is no failure worth a traceback.
        log.info("inline query %s not answered: %s", query.id, exc)


def matching(library: Library, text: str) -> list[Hit]:
    """The entries to list for an inline query, best first; none where a chat would decline.

    The verdict is the chat's own (`Library.match`): a chat declines below the thresholds and
    when the best entry is one the articles do not answer (`Hit.not_in_sources`). A sure answer
    lists the runners-up that a chat would offer as choices too, since here the asker picks; an
    entry that declines is never posted as if it were an answer.
    """
    if not text or intent.classify(library.analyzer.normalise(text)) is not intent.Intent.QUESTION:
        return []  # a greeting or "继续" is not a question about anything
    thresholds = library.thresholds
    # One search serves both: Library.match judges exactly these first candidates.
    hits = library.search(text, limit=max(MAX_RESULTS, thresholds.max_suggestions + 2))
    match = decide(hits[: thresholds.max_suggestions + 2], thresholds)
    if match.verdict is Verdict.DECLINE or (
        match.verdict is Verdict.ANSWER and match.answered is None
    ):
        return []
    return [h for h in hits[:MAX_RESULTS] if h.score >= thresholds.suggest and not h.not_in_sources]


def article(entry: Entry, bot_username: str) -> InlineQueryResultArticle:
    """An entry as an inline result: its question, the answer's start, the message it posts."""
    return InlineQueryResultArticle(
        id=result_id(entry),
        title=entry.question,
        description=_shorten(" ".join(entry.answer.split()), DESCRIPTION_CHARS),
        input_message_content=InputTextMessageContent(posted_text(entry, bot_username)),
    )


def posted_text(entry: Entry, bot_username: str) -> str:
    """The message an inline answer posts: question, answer (its first part if long), and a
    line pointing to the bot; plain text within Telegram's message limit."""
    pages = split_pages(entry.answer, ANSWER_CHARS)
    # split_pages never cuts a sentence, so one sentence past the limit is cut here, hard.
    pieces = split_message(phrases.answer_page(entry.question, pages[0], 1, 1), _TEXT_ROOM)
    bot = f"@{bot_username}" if bot_username else "机器人"
    if len(pages) == 1 and len(pieces) == 1:
        return f"{pieces[0]}\n\n—— 来自 {bot}，私聊我可以继续问"
    return f"{pieces[0]}……\n\n—— 来自 {bot}，私聊我看完整回答"


def result_id(entry: Entry) -> str:
    """The entry's id, or a digest of it when it is longer than Telegram allows."""
    if len(entry.id.encode()) <= _RESULT_ID_BYTES:
        return entry.id
    return hashlib.sha256(entry.id.encode()).hexdigest()[:_RESULT_ID_BYTES]


def _button_text(asked: str, *, found: bool) -> str:
    if found:
        return "私聊我，可以继续追问"
    if not asked:
        return "输入问题，或点这里私聊我"
    return "没有找到答案，点这里私聊我提问"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
