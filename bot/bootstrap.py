"""The composition root's wiring: every concrete object (store, library, services, the Telegram
application) is built here, from the Settings that cli.py read once, and handed in.

Adapters never build one another: the Telegram adapter gets a `TelegramConfig` and the
services, the feedback commands get an opened review, the console gets a service.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import kb_commands
from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.sqlite.feedback_queries import FeedbackQueries
from bot.adapters.sqlite.lock import claim_database
from bot.adapters.sqlite.review_log import ReviewLog
from bot.admin import AdminService
from bot.core.dialogue import DialogueConfig
from bot.core.knowledge import load_knowledge
from bot.core.library import Library, load_library
from bot.core.script import Script
from bot.core.text import Analyzer, load_lexicon
from bot.feedback_commands import Review
from bot.live_knowledge import ReloadReport
from bot.review import ReviewService
from bot.service import ChatService
from bot.settings import Settings

if TYPE_CHECKING:
    from telegram.request import HTTPXRequest

    from bot.adapters.telegram_app import BotApplication, TelegramConfig

log = logging.getLogger(__name__)

Notify = Callable[[str], Awaitable[None]]
Watch = Callable[[Notify], Coroutine[Any, Any, None]]


def build_library(settings: Settings, directory: Path | None = None) -> Library:
    """Load the knowledge with the thresholds from the settings."""
    where = kb_commands.knowledge_directory(settings, directory)
    return load_library(where, thresholds=kb_commands.thresholds(settings))


def dialogue_config(settings: Settings) -> DialogueConfig:
    """The conversation knobs from the settings."""
    return DialogueConfig(
        page_size=settings.page_size,
        ttl_seconds=settings.context_ttl_minutes * 60,
        show_source=settings.show_source,
        reply_script=None if settings.reply_script == "auto" else Script(settings.reply_script),
    )


def telegram_config(settings: Settings) -> TelegramConfig:
    """The Telegram adapter's part of the settings."""
    from bot.adapters.telegram_app import TelegramConfig

    return TelegramConfig(
        token=settings.telegram_token,
        api_base_url=settings.api_base_url,
        admin_ids=settings.admin_ids,
        flood_limit_per_minute=settings.flood_limit_per_minute,
        rate_limiter=settings.rate_limiter,
        poll_interval=settings.poll_interval,
        poll_timeout=settings.poll_timeout,
        webhook_url=settings.webhook_url,
        webhook_listen=settings.webhook_listen,
        webhook_port=settings.webhook_port,
        webhook_secret=settings.webhook_secret,
    )


# --- the Telegram bot ----------------------------------------------------------------------


def serve_telegram(settings: Settings, **adapter_options: Any) -> None:
    """The Telegram bot with live knowledge; end-to-end tests add a request class."""
    from bot.live_knowledge import LiveLibrary

    live = LiveLibrary(Path(settings.knowledge_dir), build_library(settings))

    async def watch(notify: Notify) -> None:
        async def report(outcome: ReloadReport) -> None:
            await notify(outcome.summary())

        await live.watch(report)

    run_telegram(
        settings,
        live.current,
        dialogue=dialogue_config(settings),
        reload=live.reload,
        watch=watch if settings.watch_knowledge else None,
        **adapter_options,
    )


def run_telegram(
    settings: Settings,
    library: Library | Callable[[], Library],
    *,
    dialogue: DialogueConfig | None = None,
    request_class: type[HTTPXRequest] | None = None,
    reload: Callable[[], Awaitable[ReloadReport]] | None = None,
    watch: Watch | None = None,
) -> None:
    """Serve the bot until SIGTERM or SIGINT; the database is closed on the way out.

    `library` is the knowledge, or a callable returning the knowledge in service right now
    (so that a reload takes effect); `reload` backs the admin command /reload; `watch`, when
    given, runs for as long as the bot does and reports knowledge reloads to the admins.
    """
    from bot.adapters import telegram_app
    from bot.adapters.telegram.redaction import redact_logs

    config = telegram_config(settings)
    redact_logs(config.token)
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
            notify = partial(telegram_app.tell_admins, application.bot, config.admin_ids)
            background.append(asyncio.get_running_loop().create_task(watch(notify)))

    async def close_down() -> None:
        for task in background:
            task.cancel()
        await store.close()
        serving.close()
        log.info("stopped; database closed")

    current = library if callable(library) else partial(_same, library)
    admin = AdminService(
        FeedbackQueries(store), lambda: current().analyzer.normalise, reload=reload
    )
    chat = ChatService(store, current, dialogue)
    review_queue = review_service(settings, store, current, reload=reload, chat=chat)
    options: dict[str, Any] = {"request_class": request_class} if request_class else {}
    application = telegram_app.build_application(
        config,
        chat,
        admin=admin,
        review_queue=review_queue,
        on_shutdown=close_down,  # PTB calls it after stopping, whatever stopped it
        on_start=start_watching,
        **options,
    )
    telegram_app.serve(application, config)


def review_service(
    settings: Settings,
    store: SqliteStore,
    library: Callable[[], Library],
    *,
    reload: Callable[[], Awaitable[ReloadReport]] | None = None,
    chat: ChatService | None = None,
) -> ReviewService:
    """The review queue on the store and the knowledge folder; it answers askers through
    `chat` only if BOT_REVIEW_ANSWERS_ASKER allows."""
    return ReviewService(
        ReviewLog(store),
        library,
        Path(settings.knowledge_dir),
        thresholds=kb_commands.thresholds(settings),
        reload=reload,
        answer=chat.handle if chat is not None and settings.review_answers_asker else None,
    )


def _same(library: Library) -> Library:
    return library


# --- the feedback review -------------------------------------------------------------------


@asynccontextmanager
async def open_review(path: Path, settings: Settings) -> AsyncIterator[Review]:
    """The answer log at `path` and the knowledge, for the `feedback` subcommands."""
    store = await SqliteStore.open(path)
    directory = kb_commands.knowledge_directory(settings)
    reader = FeedbackQueries(store)
    try:
        yield Review(
            admin=AdminService(reader, partial(_normaliser, directory)),
            reader=reader,
            questions=partial(entry_questions, directory),
            decisions=review_service(settings, store, partial(build_library, settings)),
        )
    finally:
        await store.close()


def entry_questions(directory: Path) -> dict[str, str]:
    """Entry id -> question (a KnowledgeError if the knowledge cannot be loaded)."""
    return {e.id: e.question for e in load_knowledge(directory).entries}


def _normaliser(directory: Path) -> Callable[[str], str]:
    return Analyzer(load_lexicon(directory)).normalise
