"""Kill the bot with SIGKILL in the middle of a load: nothing acknowledged is lost or corrupted."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from emulator_client import (
    ROOT,
    BotMessage,
    Emulator,
    bot_environment,
    bot_running,
    clean_environment,
    emulator_running,
    wait_for,
)

from bot.adapters.telegram import notices
from bot.adapters.telegram.callback_data import VotePress, decode


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


# --- the Telegram bot ----------------------------------------------------------------------

VOTERS = range(401, 421)
"""Each gets an answer, then presses 👍 on it during the load."""
COMMENTERS = range(421, 441)
"""Each gets an answer and presses 👎 on it; during the load, replies to the prompt."""
ASKERS = range(501, 601)
"""More users asking questions during the load, so that the kill lands mid-stream."""
PAGE = re.compile(r"（(\d+)/(\d+)）")


def test_sigkill_of_the_telegram_bot_keeps_every_acknowledged_vote_and_comment(
    tmp_path: Path,
) -> None:
    database = tmp_path / "bot.sqlite3"
    with emulator_running(tmp_path) as emulator:
        env = bot_environment(emulator, database, rate_limiter="false", page_size="80")
        with bot_running(tmp_path, env, ready=polled_again(emulator)) as bot:
            answers: dict[int, BotMessage] = {}
            for user_id in [*VOTERS, *COMMENTERS]:
                emulator.write("ChatGPT是怎么训练的", user_id=user_id)
            for user_id in [*VOTERS, *COMMENTERS]:
                [answers[user_id]] = emulator.replies(user_id)
            prompts = {}
            for user_id in COMMENTERS:
                emulator.press(answers[user_id].buttons["👎"], on=answers[user_id], user_id=user_id)
                [prompts[user_id]] = emulator.replies(user_id)

            def load() -> None:
                askers = iter(ASKERS)
                for voter, commenter in zip(VOTERS, COMMENTERS, strict=True):
                    emulator.press(answers[voter].buttons["👍"], on=answers[voter], user_id=voter)
                    emulator.write(
                        comment_of(commenter), user_id=commenter, reply_to=prompts[commenter]
                    )
                    for asker in itertools.islice(askers, 5):
                        emulator.write("什么是大模型", user_id=asker)
                    time.sleep(0.02)  # a stream, not one batch: the kill must land inside it

            with ThreadPoolExecutor(1) as pool:
                loading = pool.submit(load)
                wait_for(
                    lambda: len(up_votes_acknowledged(emulator)) >= 5, what="five 👍 acknowledged"
                )
                os.kill(bot.process.pid, signal.SIGKILL)
                bot.process.wait(timeout=10)
                loading.result(timeout=60)

        with sqlite3.connect(database) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            votes = set(raw.execute("SELECT answer_id, user_id, value FROM votes"))
            comments = set(raw.execute("SELECT user_id, text FROM comments"))
        acknowledged = votes_acknowledged(emulator)
        thanked = {
            int(item["message"]["chat_id"])
            for item in emulator.history()
            if item.get("message", {}).get("text") == notices.COMMENT_THANKS
        }
        assert acknowledged <= votes
        assert {(user_id, comment_of(user_id)) for user_id in thanked} <= comments
        up = len(up_votes_acknowledged(emulator))
        assert 5 <= up < len(VOTERS) or len(thanked) < len(COMMENTERS), "killed after the load"

        # Restarted on the same file, every user's conversation goes on where it was.
        with bot_running(tmp_path, env, ready=polled_again(emulator)):
            for user_id in [*VOTERS, *COMMENTERS]:
                emulator.write("继续", user_id=user_id)
            for user_id in [*VOTERS, *COMMENTERS]:
                assert page_number(emulator, user_id) == 2


def comment_of(user_id: int) -> str:
    return f"第{user_id}号用户：没讲清楚奖励模型是怎么来的"


def votes_acknowledged(emulator: Emulator) -> set[tuple[int, int, int]]:
    """(answer id, user id, value) of every vote the bot confirmed to the presser."""
    confirmations = {*notices.VOTE_RECORDED.values(), *notices.VOTE_CHANGED.values()}
    # The answers first: a press the load thread makes in between is then in `presses`, while
    # every answered press was made before its answer (read the other way round, a press made
    # and answered between the two reads had an answer but no press).
    answers = emulator.callback_answer_requests()
    presses = emulator.presses()
    acknowledged = set()
    for body in answers:
        if body.get("text") in confirmations:
            user_id, data = presses[str(body["callback_query_id"])]
            press = decode(data)
            assert isinstance(press, VotePress)
            acknowledged.add((press.answer_id, user_id, press.value))
    return acknowledged


def up_votes_acknowledged(emulator: Emulator) -> set[tuple[int, int, int]]:
    return {vote for vote in votes_acknowledged(emulator) if vote[2] == 1}


def polled_again(emulator: Emulator) -> Callable[[], bool]:
    """Readiness of a bot started now: a getUpdates call after this moment."""
    polls = emulator.polls()
    return lambda: emulator.polls() > polls


def page_number(emulator: Emulator, chat_id: int) -> int:
    """The page number of the next paged answer in a chat (a late thanks may come first)."""
    arrived: list[BotMessage] = []

    def paged() -> list[re.Match[str]]:
        arrived.extend(emulator.unread(chat_id))
        return [m for m in (PAGE.search(message.text) for message in arrived) if m]

    return int(wait_for(paged, what=f"a paged answer in chat {chat_id}")[-1].group(1))
