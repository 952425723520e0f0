"""Forum topics through the real bot process and the Bot API emulator.

The emulator stores what the bot sent as the bot sent it, message_thread_id included, so the
topic of every reply can be read back; the users' side writes the topic fields itself, as
Telegram would. (Inline queries and sendChatAction the emulator does not implement: those are
tested offline, tests/adapters/test_telegram_inline.py and test_telegram_forum.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest
from emulator_client import (
    BotMessage,
    BotProcess,
    Emulator,
    bot_environment,
    bot_running,
    chat,
    wait_for,
)

ADMIN = 1
GROUP = -100400500
TOPIC = 42


@pytest.fixture(scope="module")
def bot(emulator: Emulator, workdir: Path) -> Iterator[BotProcess]:
    env = bot_environment(emulator, workdir / "bot.sqlite3", admin_ids=str(ADMIN), page_size="80")
    with bot_running(workdir, env, ready=emulator.bot_has_polled) as bot:
        yield bot


@dataclass(frozen=True)
class TopicMessage(BotMessage):
    """A bot message as Telegram shows it inside an update when it sits in a forum topic."""

    thread: int = TOPIC

    def as_telegram_sends_it(self) -> dict[str, Any]:
        return {
            **super().as_telegram_sends_it(),
            "chat": {**chat(self.chat_id), "is_forum": True},
            "message_thread_id": self.thread,
            "is_topic_message": True,
        }


def thread_of(emulator: Emulator, message: BotMessage) -> int | None:
    """The message_thread_id the bot sent a message with (None for none)."""
    [stored] = [
        item["message"]
        for item in emulator.history()
        if str(item.get("messageId")) == str(message.message_id)
        and "chat_id" in item.get("message", {})  # the bot's, not a user's or a press
    ]
    thread = stored.get("message_thread_id")
    return int(thread) if thread is not None else None


def test_answers_and_the_pages_a_button_asks_for_stay_in_the_topic(
    emulator: Emulator, bot: BotProcess
) -> None:
    asked = emulator.send(
        "/ask ChatGPT是怎么训练的",
        user_id=301,
        chat_id=GROUP,
        chat={**chat(GROUP), "is_forum": True},
        message_thread_id=TOPIC,
        is_topic_message=True,
    )
    [answer] = emulator.replies(GROUP)
    assert answer.reply_to == asked and "继续" in answer.buttons
    emulator.press(answer.buttons["继续"], TopicMessage(**asdict(answer)), user_id=301)
    [page] = emulator.replies(GROUP)
    assert "（2/" in page.text
    assert [thread_of(emulator, m) for m in (answer, page)] == [TOPIC, TOPIC]


def test_a_question_in_general_gets_no_thread_id(emulator: Emulator, bot: BotProcess) -> None:
    emulator.send(
        "@TestNameBot 什么是大模型？",
        user_id=302,
        chat_id=GROUP,
        chat={**chat(GROUP), "is_forum": True},
    )
    [answer] = emulator.replies(GROUP)
    assert thread_of(emulator, answer) is None


def test_refused_admin_menus_are_logged_and_the_bot_serves(bot: BotProcess) -> None:
    # The emulator answers every setMyCommands with HTTP 500.
    wait_for(lambda: "serving as @TestNameBot" in bot.log_text(), what="the bot to serve")
    log = bot.log_text()
    assert log.count("setMyCommands was refused") == 1
    assert log.count("setMyCommands for admins 1 was refused") == 1
