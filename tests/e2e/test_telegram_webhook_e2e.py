"""Webhook mode: the real bot takes updates on a local HTTP endpoint that the emulator posts to.

The emulator posts each user message to the URL the bot registered with setWebhook, so this
checks the webhook wiring end to end: BOT_WEBHOOK_URL, its path as the listening path, the
listen address and port, and a clean stop on SIGTERM.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from emulator_client import (
    BotProcess,
    Emulator,
    bot_environment,
    bot_running,
    chat,
    emulator_running,
    entities,
    free_port,
    user,
    webhook_ready,
)

ADMIN, ATTACKER = 7, 666_000


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    with emulator_running(tmp_path_factory.mktemp("webhook_emulator")) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("webhook_bot")


@pytest.fixture(scope="module")
def env(emulator: Emulator, port: int, workdir: Path) -> dict[str, str]:
    return bot_environment(
        emulator,
        workdir / "bot.sqlite3",
        webhook_url=f"http://127.0.0.1:{port}/telegram/hook",
        webhook_listen="127.0.0.1",
        webhook_port=str(port),
        admin_ids=str(ADMIN),  # no BOT_WEBHOOK_SECRET: the default
    )


@pytest.fixture(scope="module")
def bot(workdir: Path, env: dict[str, str], port: int) -> Iterator[BotProcess]:
    with bot_running(workdir, env, ready=webhook_ready(port)) as bot:
        yield bot


def test_a_question_arrives_by_webhook_and_is_answered(emulator: Emulator, bot: BotProcess) -> None:
    emulator.write("什么是大模型？", user_id=301)
    [answer] = emulator.replies(301)
    assert answer.text.startswith("【什么是大模型？】")
    assert not emulator.bot_has_polled()  # no getUpdates in webhook mode


def test_a_forged_update_without_the_secret_is_refused(
    emulator: Emulator, bot: BotProcess, port: int
) -> None:
    # An outsider who found the URL posts /unanswered in the admin's name, into their own chat.
    forged = {
        "update_id": 900_001,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": chat(ATTACKER),
            "from": user(ADMIN),
            "text": "/unanswered",
            "entities": entities("/unanswered"),
        },
    }
    url = f"http://127.0.0.1:{port}/telegram/hook"
    refused = httpx.post(url, json=forged, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
    assert httpx.post(url, json=forged).status_code == refused.status_code == 403
    assert emulator.quiet(ATTACKER) == []
    assert "uses a random secret" in bot.log_text()


def test_a_second_bot_on_the_same_database_is_refused_in_one_line(
    bot: BotProcess, env: dict[str, str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        cwd=bot.database.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert "another bot is already running on the database" in line
    assert bot.process.poll() is None  # the first one serves on


def test_sigterm_stops_the_webhook_bot_cleanly(bot: BotProcess) -> None:
    bot.process.send_signal(signal.SIGTERM)
    assert bot.process.wait(timeout=20) == 0
    assert "stopped; database closed" in bot.log_text()
    assert not Path(f"{bot.database}-wal").exists()
