"""Fixtures of the offline Telegram handler tests: the product's application on an offline API."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator

import pytest
from manual_clock import ManualClock
from telegram_offline import ADMIN, FLOOD_LIMIT, TOKEN, OfflineBotApi, Updates, api

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.sqlite.feedback_queries import FeedbackQueries
from bot.adapters.telegram_app import BotApplication
from bot.adapters.telegram_app import build_application as build
from bot.admin import AdminService
from bot.bootstrap import telegram_config
from bot.core.dialogue import DialogueConfig
from bot.core.library import Library
from bot.live_knowledge import ReloadReport
from bot.service import ChatService
from bot.settings import Settings


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def reloads() -> list[str]:
    return []


@pytest.fixture
async def app(
    store: SqliteStore, library: Library, clock: ManualClock, reloads: list[str]
) -> AsyncIterator[BotApplication]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=TOKEN,
        admin_ids=frozenset({ADMIN}),
        flood_limit_per_minute=FLOOD_LIMIT,
        # PTB's limiter only paces sends (a busy group's test waited 52 s for it); one test
        # below keeps it on: test_the_rate_limiter_is_on_when_configured_within_telegrams_limits.
        rate_limiter=False,
    )
    service = ChatService(store, lambda: library, DialogueConfig(page_size=80))

    async def reload() -> ReloadReport:
        reloads.append("reload")
        return ReloadReport(ok=True, unchanged=True)

    admin = AdminService(FeedbackQueries(store), lambda: library.analyzer.normalise, reload=reload)
    application = build(
        telegram_config(settings),
        service,
        request_class=OfflineBotApi,
        admin=admin,
        clock=clock,
    )
    async with application:
        yield application
    assert api(application).unexpected == []


@pytest.fixture
def updates(app: BotApplication) -> Updates:
    return Updates(app)


@pytest.fixture
def no_errors_logged(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """A handler that failed would only be logged by the error handler: fail the test instead."""
    caplog.set_level(logging.WARNING)
    yield
    errors = [r.getMessage() for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert errors == []
