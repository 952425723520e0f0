"""The Telegram bot: `build_application()` registers every handler in order; `serve()` serves.

The composition root (bot.bootstrap) builds the store and the services and hands them in with a
`TelegramConfig`; this module builds no concrete object of another layer.

Tests build the same application with their own request class: offline handler tests with one
that never reaches a network, end-to-end tests with one that smooths the Bot API emulator's
deviations (tests/e2e/). The product itself only ever uses PTB's HTTPXRequest.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import httpx
from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.adapters.telegram import handlers, inline, limits, notices, review
from bot.adapters.telegram.callback_data import REVIEW_PATTERN
from bot.adapters.telegram.delivery import TYPING_DELAY
from bot.adapters.telegram.outage import Outage, WatchedPolls
from bot.adapters.telegram.redaction import redact
from bot.admin import AdminService
from bot.errors import BotError, ConfigError
from bot.flood import FloodGate
from bot.review import ReviewService
from bot.service import ChatService

log = logging.getLogger(__name__)

ALLOWED_UPDATES = (Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY)
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
BotApplication = Application[Any, Any, Any, Any, Any, Any]


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    """What the Telegram adapter needs to know; the root fills it from the settings."""

    token: str
    api_base_url: str
    admin_ids: frozenset[int]
    flood_limit_per_minute: int
    rate_limiter: bool
    poll_interval: float
    poll_timeout: int
    """Seconds a getUpdates call waits for updates (Telegram's long polling)."""
    webhook_url: str
    webhook_listen: str
    webhook_port: int
    webhook_secret: str


def build_application(
    config: TelegramConfig,
    service: ChatService,
    *,
    request_class: type[HTTPXRequest] = HTTPXRequest,
    admin: AdminService | None = None,
    review_queue: ReviewService | None = None,
    on_shutdown: Callable[[], Awaitable[None]] | None = None,
    on_start: Callable[[BotApplication], Awaitable[None]] | None = None,
    clock: Callable[[], float] = time.monotonic,
    typing_delay: float = TYPING_DELAY,
) -> BotApplication:
    """The PTB application with every handler registered, in the order they are tried.

    `admin` answers /stats, /unanswered and /reload; without it they say they are unavailable.
    `review_queue` serves /review and its buttons (the same).
    An answer slower than `typing_delay` seconds shows "typing…" first.
    """
    # Any: the rate limiter changes the builder's type parameters, and only build() matters.
    polls = WatchedPolls(request_class(connection_pool_size=1), Outage(clock))
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(config.token.strip())
        .base_url(config.api_base_url)
        .request(request_class(connection_pool_size=POOL_SIZE, httpx_kwargs=_POOL_LIMITS))
        .get_updates_request(polls)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(partial(_start, on_start))
    )
    if config.rate_limiter:
        builder = builder.rate_limiter(limits.rate_limiter())
    if on_shutdown is not None:
        builder = builder.post_shutdown(partial(_call_on_shutdown, on_shutdown))
    application = builder.build()
    application.bot_data[handlers.DEPS_KEY] = handlers.Deps(
        service=service,
        flood=FloodGate(config.flood_limit_per_minute),
        group_flood=FloodGate(limits.GROUP_QUESTIONS_PER_MINUTE),
        admin_ids=config.admin_ids,
        reload=admin.reload_report if admin is not None and admin.can_reload else None,
        stats=admin.activity_report if admin is not None else None,
        unanswered=admin.unanswered_report if admin is not None else None,
        clock=clock,
        typing_delay=typing_delay,
    )
    application.bot_data[review.REVIEW_KEY] = review_queue
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
            CommandHandler("review", review.review, new),
            MessageHandler(
                new & filters.COMMAND & filters.ChatType.PRIVATE, handlers.unknown_command
            ),
            MessageHandler(questions & filters.ChatType.PRIVATE, handlers.private_text),
            MessageHandler(questions & filters.ChatType.GROUPS, handlers.group_text),
            CallbackQueryHandler(review.decide, pattern=REVIEW_PATTERN),
            CallbackQueryHandler(handlers.button),
            InlineQueryHandler(inline.inline_query),
        ]
    )
    application.add_error_handler(handlers.on_error)
    return application


def serve(application: BotApplication, config: TelegramConfig) -> None:
    """Poll (or take webhooks) until SIGTERM or SIGINT; Telegram's refusals become BotErrors."""
    try:
        _serve(application, config)
    except InvalidToken as exc:
        raise ConfigError(
            "Telegram does not accept BOT_TELEGRAM_TOKEN; check it with @BotFather."
        ) from exc
    except NetworkError as exc:
        raise BotError(redact(f"cannot reach the Bot API at {config.api_base_url}: {exc}")) from exc


async def tell_admins(bot: Bot, admin_ids: frozenset[int], text: str) -> None:
    """Send a notice to every admin's private chat; an admin who never started the bot is
    skipped (Telegram refuses to message them), which is logged, not fatal."""
    for admin in sorted(admin_ids):
        try:
            await bot.send_message(admin, text)
        except TelegramError as exc:
            log.warning("could not notify admin %s: %s", admin, exc)


async def announce_commands(application: BotApplication) -> None:
    """Offer the command menu: everyone's, and each admin's own with the admin commands too.

    A Bot API server that refuses a menu is no reason not to start: each refusal is logged once.
    """
    bot = application.bot
    everyone = [BotCommand(name, text) for name, text in notices.COMMANDS]
    try:
        await bot.set_my_commands(everyone, scope=BotCommandScopeDefault())
    except TelegramError as exc:
        log.warning("setMyCommands was refused (%s); starting without a command menu", exc)
    admins = everyone + [BotCommand(name, text) for name, text in notices.ADMIN_COMMANDS]
    refused: list[int] = []
    failure: TelegramError | None = None
    found = application.bot_data.get(handlers.DEPS_KEY)
    admin_ids = found.admin_ids if isinstance(found, handlers.Deps) else frozenset[int]()
    for admin_id in sorted(admin_ids):
        try:
            # Telegram refuses a chat scope for an admin who never opened a chat with the bot.
            await bot.set_my_commands(admins, scope=BotCommandScopeChat(admin_id))
        except TelegramError as exc:
            refused.append(admin_id)
            failure = exc
    if refused:
        log.warning(
            "setMyCommands for admins %s was refused (%s); they see the everyday menu",
            ", ".join(map(str, refused)),
            failure,
        )
    log.info("serving as @%s", bot.username)


def _serve(application: BotApplication, config: TelegramConfig) -> None:
    if config.webhook_url:
        application.run_webhook(
            listen=config.webhook_listen,
            port=config.webhook_port,
            # Listen on the public URL's path, as a reverse proxy would forward it.
            url_path=urlsplit(config.webhook_url).path.lstrip("/"),
            webhook_url=config.webhook_url,
            secret_token=webhook_secret(config),
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(
            poll_interval=config.poll_interval,
            timeout=config.poll_timeout,
            allowed_updates=ALLOWED_UPDATES,
        )


def webhook_secret(config: TelegramConfig) -> str:
    """BOT_WEBHOOK_SECRET, or a random one for this run: without a secret, anyone who finds
    the URL could post updates in an admin's name (PTB refuses a post without it, HTTP 403)."""
    if config.webhook_secret:
        return config.webhook_secret
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
