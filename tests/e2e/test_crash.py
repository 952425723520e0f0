"""Kill the bot with SIGKILL in the middle of a load: nothing acknowledged is lost or corrupted."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from emulator_client import ROOT, clean_environment


def start_chat(db: Path) -> subprocess.Popen[str]:
    env = clean_environment({"BOT_TELEGRAM_TOKEN": "", "BOT_PAGE_SIZE": "80"})
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--json", "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )


def test_sigkill_mid_load_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    bot = start_chat(db)
    assert bot.stdin is not None and bot.stdout is not None
    acknowledged: list[dict[str, object]] = []
    deadline = time.monotonic() + 60
    # Many chats, each asking a long question; read replies as they come, kill mid-stream.
    lines = [
        json.dumps({"chat": str(n), "user": str(n), "text": "ChatGPT是怎么训练的"})
        for n in range(1, 400)
    ]
    bot.stdin.write("\n".join(lines) + "\n")
    bot.stdin.flush()
    while len(acknowledged) < 120 and time.monotonic() < deadline:
        acknowledged.append(json.loads(bot.stdout.readline()))
    os.kill(bot.pid, signal.SIGKILL)
    bot.wait(timeout=10)
    bot.stdout.close()
    with contextlib.suppress(BrokenPipeError):
        bot.stdin.close()
    assert len(acknowledged) == 120

    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        chats = {row[0] for row in raw.execute("SELECT chat_id FROM answers")}
    assert {int(str(reply["chat"])) for reply in acknowledged} <= chats

    # After a restart, every acknowledged chat continues its answer.
    restarted = start_chat(db)
    sample = [str(reply["chat"]) for reply in acknowledged[::20]]
    requests = "\n".join(json.dumps({"chat": c, "user": c, "text": "继续"}) for c in sample)
    out, _ = restarted.communicate(requests + "\n", timeout=60)
    replies = [json.loads(line) for line in out.splitlines()]
    assert [r["entry_id"] for r in replies] == ["chatgpt-training"] * len(sample)
    assert all("（2/" in str(r["text"]) for r in replies)
