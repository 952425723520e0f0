"""Webhook mode: the real bot takes updates on a local HTTP endpoint that the emulator posts to.

The emulator posts each user message to the URL the bot registered with setWebhook, so this
checks the webhook wiring end to end: BOT_WEBHOOK_URL, its path as the listening path, the
listen address and port, and a clean stop on SIGTERM.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from emulator_client import (
    BotProcess,
    Emulator,
    bot_environment,
    bot_running,
    emulator_running,
    free_port,
    webhook_ready,
)


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    with emulator_running(tmp_path_factory.mktemp("webhook_emulator")) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def bot(emulator: Emulator, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    workdir = tmp_path_factory.mktemp("webhook_bot")
    port = free_port()
    env = bot_environment(
        emulator,
        workdir / "bot.sqlite3",
        webhook_url=f"http://127.0.0.1:{port}/telegram/hook",
        webhook_listen="127.0.0.1",
        webhook_port=str(port),
    )

    with bot_running(workdir, env, ready=webhook_ready(port)) as bot:
        yield bot


def test_a_question_arrives_by_webhook_and_is_answered(emulator: Emulator, bot: BotProcess) -> None:
    emulator.write("什么是大模型？", user_id=301)
    [answer] = emulator.replies(301)
    assert answer.text.startswith("【什么是大模型？】")
    assert not emulator.bot_has_polled()  # no getUpdates in webhook mode


def test_sigterm_stops_the_webhook_bot_cleanly(bot: BotProcess) -> None:
    bot.process.send_signal(signal.SIGTERM)
    assert bot.process.wait(timeout=20) == 0
    assert "stopped; database closed" in bot.log_text()
    assert not Path(f"{bot.database}-wal").exists()
