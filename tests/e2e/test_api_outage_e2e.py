"""The Bot API goes away while the bot runs, then comes back: the bot waits it out, recovers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from emulator_client import (
    HERE,
    ROOT,
    TOKEN,
    Emulator,
    bot_environment,
    free_port,
    running,
    stop,
    wait_for,
)


def start_emulator(port: int, log: Path) -> tuple[subprocess.Popen[bytes], Emulator]:
    """The emulator on a given port, so that it can come back where the bot expects it."""
    env = {**os.environ, "DEBUG": "TelegramServer:request", "DEBUG_COLORS": "0"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["node", str(HERE / "emulator.js"), str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    wait_for(lambda: "READY" in log.read_text(errors="replace"), what="the emulator")
    return process, Emulator(f"http://127.0.0.1:{port}", TOKEN, log)


def test_the_bot_survives_an_outage_and_recovers(tmp_path: Path) -> None:
    port = free_port()
    bot_log = tmp_path / "bot.log"
    first, emulator = start_emulator(port, tmp_path / "first.log")
    second = None
    env = bot_environment(emulator, tmp_path / "bot.sqlite3")
    runner = [sys.executable, str(HERE / "run_bot_under_emulator.py")]
    try:
        with running(runner, log=bot_log, env=env, cwd=tmp_path) as bot:
            wait_for(emulator.bot_has_polled, what="the bot to poll", timeout=60)
            emulator.send("什么是大模型？", user_id=401)
            emulator.replies(401)
            emulator.close()
            stop(first)  # the API is gone: every poll fails for a while
            lines_before = len(bot_log.read_text().splitlines())
            time.sleep(6)
            assert bot.poll() is None, bot_log.read_text()[-3000:]
            during = len(bot_log.read_text().splitlines()) - lines_before
            # Logged, but no storm: a poll every 0.1 s would be 60 failures; PTB backs off.
            assert during < 40, bot_log.read_text()[-3000:]
            second, back = start_emulator(port, tmp_path / "second.log")
            wait_for(back.bot_has_polled, what="the bot to poll again", timeout=60)
            back.send("什么是思维链？", user_id=402)
            [answer] = back.replies(402, timeout=30)
            assert answer.text.startswith("【什么是思维链？】")
            back.close()
            assert bot.poll() is None
    finally:
        for process in (first, second):
            if process is not None:
                stop(process)
