"""The Telegram bot: `build_application()` registers every handler in order; `run_bot()` serves.

run_bot() is the Telegram half of the composition root (cli.run hands it the settings and the
library): it opens the database, builds the service and the application, polls (or takes
webhooks) until SIGTERM/SIGINT, and closes the database on the way out.

Tests build the same application with their own request class: offline handler tests with one
that never reaches a network, end-to-end tests with one that smooths the Bot API emulator's
deviations (tests/e2e/). The product itself only ever uses PTB's HTTPXRequest.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from functools import partial
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
from telegram import Bot, BotCommand, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.adapters.feedback_queries import FeedbackQueries
from bot.adapters.sqlite_store import SqliteStore, claim_database
from bot.adapters.telegram import handlers, limits, notices
from bot.adapters.telegram.flood import FloodGate
from bot.adapters.telegram.outage import Outage, WatchedPolls
from bot.adapters.telegram.redaction import redact, redact_logs
from bot.core.dialogue import DialogueConfig
from bot.core.library import Library
from bot.errors import BotError, ConfigError
from bot.feedback import group_unanswered
from bot.service import ChatService
from bot.settings import Settings

log = logging.getLogger(__name__)

ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY)
"""Edits, joins, reactions and the rest are not even fetched."""
CONCURRENT_UPDATES = 256
"""Updates handled at once. A reply waiting for the rate limiter holds one of these, and
private chats must not wait behind a busy group's queue."""
POOL_SIZE = 64
"""Connections to the Bot API at most (the rate limiter, not the pool, paces the sends)."""
IDLE_CONNECTIONS = 8
"""Connections kept open between sends. httpcore checks every idle connection on every request,
so keeping all that a burst opened made every later send slower (bot CPU per answer -5 % at
200 answers/s, bench/e2e.py); Telegram's 30 sends a second need only a few."""

_POOL_LIMITS = {
    "limits": httpx.Limits(max_connections=POOL_SIZE, max_keepalive_connections=IDLE_CONNECTIONS)
}
DAY = 24 * 3600
Hook = handlers.Hook
Notify = Callable[[str], Awaitable[None]]
Watch = Callable[[Notify], Coroutine[Any, Any, None]]
BotApplication = Application[Any, Any, Any, Any, Any, Any]


class AnswerLog(Protocol):
    """The part of the store /stats reads."""

    async def count_answers(self, since: float) -> Mapping[str, int]: ...

    async def votes_by_entry(self, since: float) -> list[tuple[str, int, int]]: ...


def build_application(
    settings: Settings,
    service: ChatService,
    *,
    request_class: type[HTTPXRequest] = HTTPXRequest,
    reload: Hook | None = None,
    stats: Hook | None = None,
    unanswered: Hook | None = None,
    on_shutdown: Callable[[], Awaitable[None]] | None = None,
    on_start: Callable[[BotApplication], Awaitable[None]] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> BotApplication:
    """The PTB application with every handler registered, in the order they are tried."""
    # Any: the rate limiter changes the builder's type parameters, and only build() matters.
    polls = WatchedPolls(request_class(connection_pool_size=1), Outage(clock))
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(settings.telegram_token.strip())
        .base_url(settings.api_base_url)
        .request(request_class(connection_pool_size=POOL_SIZE, httpx_kwargs=_POOL_LIMITS))
        .get_updates_request(polls)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(partial(_start, on_start))
    )
    if settings.rate_limiter:
        builder = builder.rate_limiter(limits.rate_limiter())
    if on_shutdown is not None:
        builder = builder.post_shutdown(partial(_call_on_shutdown, on_shutdown))
    application = builder.build()
    application.bot_data[handlers.DEPS_KEY] = handlers.Deps(
        service=service,
        flood=FloodGate(settings.flood_limit_per_minute),
        group_flood=FloodGate(limits.GROUP_QUESTIONS_PER_MINUTE),
        admin_ids=settings.admin_ids,
        reload=reload,
        stats=stats,
        unanswered=unanswered,
        clock=clock,
    )
    new = filters.UpdateType.MESSAGE  # edited messages are ignored
    questions = new & filters.TEXT & ~filters.COMMAND
    application.add_handlers(
        [
            # Commands first; CommandHandler ignores commands addressed to another bot.
            CommandHandler("start", handlers.start, new),
            CommandHandler("help", handlers.help_command, new),
            CommandHandler("topics", handlers.topics, new),
            CommandHandler("ask", handlers.ask, new),
            CommandHandler("reset", handlers.reset, new),
            CommandHandler("stats", handlers.stats, new),
            CommandHandler("unanswered", handlers.unanswered, new),
            CommandHandler("reload", handlers.reload_knowledge, new),
            MessageHandler(
                new & filters.COMMAND & filters.ChatType.PRIVATE, handlers.unknown_command
            ),
            MessageHandler(questions & filters.ChatType.PRIVATE, handlers.private_text),
            MessageHandler(questions & filters.ChatType.GROUPS, handlers.group_text),
            CallbackQueryHandler(handlers.button),
        ]
    )
    application.add_error_handler(handlers.on_error)
    return application


def run_bot(
    settings: Settings,
    library: Library | Callable[[], Library],
    *,
    dialogue: DialogueConfig | None = None,
    request_class: type[HTTPXRequest] = HTTPXRequest,
    reload: Hook | None = None,
    watch: Watch | None = None,
) -> None:
    """Serve the bot until SIGTERM or SIGINT; the database is closed on the way out.

    `library` is the knowledge, or a callable returning the knowledge in service right now
    (so that a reload takes effect); `reload` backs the admin command /reload; `watch`, when
    given, runs for as long as the bot does and reports knowledge reloads to the admins.
    """
    redact_logs(settings.telegram_token)
    # The store is opened here, on the loop that PTB will run on, because an aiosqlite
    # connection belongs to the loop that opened it.
    serving = claim_database(settings.database_path)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        store = loop.run_until_complete(SqliteStore.open(settings.database_path))
    except BaseException:
        loop.close()
        serving.close()
        raise
    if settings.log_level != "DEBUG":
        # httpx logs every request at INFO: a line per message sent (the token is redacted).
        logging.getLogger("httpx").setLevel(logging.WARNING)
    background: list[asyncio.Task[None]] = []

    async def start_watching(application: BotApplication) -> None:
        if watch is not None:
            notify = partial(tell_admins, application.bot, settings.admin_ids)
            background.append(asyncio.get_running_loop().create_task(watch(notify)))

    async def close_down() -> None:
        for task in background:
            task.cancel()
        await store.close()
        serving.close()
        log.info("stopped; database closed")

    current = library if callable(library) else partial(_same, library)
    application = build_application(
        settings,
        ChatService(store, current, dialogue),
        request_class=request_class,
        reload=reload,
        stats=partial(activity_report, store),
        unanswered=partial(unanswered_report, store, current),
        on_shutdown=close_down,  # PTB calls it after stopping, whatever stopped it
        on_start=start_watching,
    )
    try:
        _serve(application, settings)
    except InvalidToken as exc:
        raise ConfigError(
            "Telegram does not accept BOT_TELEGRAM_TOKEN; check it with @BotFather."
        ) from exc
    except NetworkError as exc:
        raise BotError(
            redact(f"cannot reach the Bot API at {settings.api_base_url}: {exc}")
        ) from exc


async def tell_admins(bot: Bot, admin_ids: frozenset[int], text: str) -> None:
    """Send a notice to every admin's private chat; an admin who never started the bot is
    skipped (Telegram refuses to message them), which is logged, not fatal."""
    for admin in sorted(admin_ids):
        try:
            await bot.send_message(admin, text)
        except TelegramError as exc:
            log.warning("could not notify admin %s: %s", admin, exc)


async def announce_commands(application: BotApplication) -> None:
    """Offer the command menu; a Bot API server that refuses it is no reason not to start."""
    bot = application.bot
    try:
        await bot.set_my_commands([BotCommand(name, text) for name, text in notices.COMMANDS])
    except TelegramError as exc:
        log.warning("setMyCommands was refused (%s); starting without a command menu", exc)
    log.info("serving as @%s", bot.username)


async def activity_report(answers: AnswerLog, *, now: Callable[[], float] = time.time) -> str:
    """/stats: replies in the last 24 hours and 7 days, the helpful rate, the worst entries."""
    day = await answers.count_answers(now() - DAY)
    week = await answers.count_answers(now() - 7 * DAY)
    votes = await answers.votes_by_entry(now() - 7 * DAY)
    lines = [f"最近24小时：{_counts(day)}", f"最近7天：{_counts(week)}", _helpful(votes)]
    worst = sorted((v for v in votes if v[2]), key=lambda v: (v[1] / (v[1] + v[2]), -v[2]))
    if worst:
        lines.append("评价最差的条目：")
        lines += [
            f"{n}. {entry}  👍{up} 👎{down}"
            for n, (entry, up, down) in enumerate(worst[:3], start=1)
        ]
    return "\n".join(lines)


async def unanswered_report(
    store: SqliteStore, library: Callable[[], Library], *, now: Callable[[], float] = time.time
) -> str:
    """/unanswered: the top 10 groups of questions declined or unsure about in the last 7 days."""
    rows = await FeedbackQueries(store).unanswered(now() - 7 * DAY, now() + DAY)
    groups = group_unanswered(rows, library().analyzer.normalise)[:10]
    if not groups:
        return "最近7天没有未回答的问题。"
    lines = [
        f"{n}. ×{g.count} {' / '.join(g.examples[:2])}（最接近：{g.nearest or '无'}）"
        for n, g in enumerate(groups, start=1)
    ]
    return "最近7天最常见的未回答问题：\n" + "\n".join(lines)


def _helpful(votes: list[tuple[str, int, int]]) -> str:
    up = sum(v[1] for v in votes)
    down = sum(v[2] for v in votes)
    if not up + down:
        return "最近7天好评率：还没有评价"
    return f"最近7天好评率：{up / (up + down):.0%}（👍{up} / 👎{down}）"


def _counts(by_kind: Mapping[str, int]) -> str:
    total = sum(by_kind.values())
    answered = by_kind.get("answer", 0)
    return f"{total} 次回复，其中 {answered} 次来自知识库"


def _serve(application: BotApplication, settings: Settings) -> None:
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            # Listen on the public URL's path, as a reverse proxy would forward it.
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=webhook_secret(settings),
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(
            poll_interval=settings.poll_interval, allowed_updates=ALLOWED_UPDATES
        )


def webhook_secret(settings: Settings) -> str:
    """BOT_WEBHOOK_SECRET, or a random one for this run: without a secret, anyone who finds
    the URL could post updates in an admin's name (PTB refuses a post without it, HTTP 403)."""
    if settings.webhook_secret:
        return settings.webhook_secret
    log.info("BOT_WEBHOOK_SECRET is not set: the webhook uses a random secret for this run")
    # Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -: exactly the URL-safe alphabet.
    return secrets.token_urlsafe(32)


async def _start(
    on_start: Callable[[BotApplication], Awaitable[None]] | None, application: BotApplication
) -> None:
    await announce_commands(application)
    if on_start is not None:
        await on_start(application)


async def _call_on_shutdown(
    on_shutdown: Callable[[], Awaitable[None]], _application: BotApplication
) -> None:
    await on_shutdown()


def _same(library: Library) -> Library:
    return library
