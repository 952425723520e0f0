"""Forum topics, the typing indicator and the scoped command menu, offline.

Every reply must go to the forum topic the question came from, including those a button press
or a 👎 triggers; "typing…" shows only when an answer is slow; admins get their own command
menu. The recorded Bot API parameters are what Telegram would receive.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from samples import AMBIGUOUS
from telegram_offline import (
    ADMIN,
    ALICE,
    BOB,
    GROUP,
    Updates,
    api,
    bot_on,
    buttons,
    chat,
    rows,
)

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.telegram import notices
from bot.adapters.telegram_app import BotApplication, announce_commands
from bot.core.library import Library
from bot.core.search import Verdict

pytestmark = pytest.mark.usefixtures("no_errors_logged")

TOPIC = 7
"""A forum topic's thread id (Telegram gives a topic the id of the message that created it)."""
MULTI_PAGE = "ChatGPT是怎么训练的"  # several pages at page size 80


def forum() -> dict[str, Any]:
    return {**chat(GROUP), "is_forum": True}


def in_topic(updates: Updates, text: str, *, user_id: int = ALICE, **extra: Any) -> Any:
    """A message in the forum topic TOPIC, as Telegram sends it."""
    return updates.message(
        text,
        user_id=user_id,
        chat_id=GROUP,
        chat=forum(),
        message_thread_id=TOPIC,
        is_topic_message=True,
        **extra,
    )


def threads(app: BotApplication) -> list[int | None]:
    """The message_thread_id of every sendMessage, in order."""
    return [p.get("message_thread_id") for p in api(app).params_of("sendMessage")]


# --- forum topics --------------------------------------------------------------------------


async def test_a_question_in_a_topic_is_answered_in_that_topic(
    app: BotApplication, updates: Updates
) -> None:
    asked = in_topic(updates, "@TestNameBot 什么是大模型？")
    await app.process_update(asked)
    [sent] = api(app).sent
    assert threads(app) == [TOPIC]
    assert asked.message is not None and sent["_reply_to"] == asked.message.message_id


async def test_continue_and_picks_pressed_in_a_topic_are_answered_in_that_topic(
    app: BotApplication, updates: Updates, library: Library
) -> None:
    ambiguous = [q for q in AMBIGUOUS if library.match(q).verdict is Verdict.SUGGEST]
    assert ambiguous, "no question in AMBIGUOUS gets a did-you-mean any more: add one"
    await app.process_update(in_topic(updates, f"/ask {MULTI_PAGE}"))
    first = api(app).sent[-1]
    await app.process_update(updates.press(buttons(first)["继续"], on=first))
    second = api(app).sent[-1]
    assert second is not first and "（2/" in second["text"]
    await app.process_update(in_topic(updates, f"/ask {ambiguous[0]}", user_id=BOB))
    choices = api(app).sent[-1]
    question, data = next((k, v) for k, v in buttons(choices).items() if v.startswith("a:"))
    await app.process_update(updates.press(data, on=choices, user_id=BOB))
    picked = api(app).sent[-1]
    assert picked["text"].startswith(f"【{question}】")
    assert threads(app) == [TOPIC] * 4
    assert api(app).callback_answers() == [None, None]


async def test_the_comment_prompt_after_a_thumbs_down_goes_to_the_topic(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(in_topic(updates, "/ask 什么是RLHF"))
    answer = api(app).sent[-1]
    await app.process_update(updates.press(buttons(answer)["👎"], on=answer))
    prompt = api(app).sent[-1]
    assert prompt["text"] == notices.COMMENT_PROMPT
    await app.process_update(in_topic(updates, "太长了，看不懂", reply_to=prompt))
    assert api(app).texts()[-1] == notices.COMMENT_THANKS
    assert threads(app) == [TOPIC] * 3
    assert rows(store, "SELECT text FROM comments") == [("太长了，看不懂",)]


async def test_general_and_ordinary_reply_threads_get_no_thread_id(
    app: BotApplication, updates: Updates
) -> None:
    # The General topic: no thread id on the message, and Telegram refuses one on the reply.
    await app.process_update(
        updates.message("@TestNameBot 什么是大模型？", chat_id=GROUP, chat=forum())
    )
    general = api(app).sent[-1]
    # An ordinary supergroup's reply carries its reply thread's id but is not a topic message.
    await app.process_update(
        updates.message(
            "继续",
            chat_id=GROUP,
            user_id=ALICE,
            reply_to=general,
            message_thread_id=general["message_id"],
        )
    )
    await app.process_update(updates.press(buttons(general)["👍"], on=general))
    assert len(api(app).sent) == 2
    assert threads(app) == [None, None]


# --- the typing indicator ------------------------------------------------------------------


class SlowStore:
    """The real store, slow to save each turn (as a busy disk is; a slow stage of the answer
    looks the same to the handler)."""

    def __init__(self, store: SqliteStore, delay: float) -> None:
        self._store = store
        self._delay = delay

    async def save_turn(self, *args: Any) -> Any:
        await asyncio.sleep(self._delay)
        return await self._store.save_turn(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def order(app: BotApplication) -> list[str]:
    return [name for name, _ in api(app).calls if name in ("sendChatAction", "sendMessage")]


async def test_a_slow_answer_shows_typing_first_in_its_topic(
    store: SqliteStore, library: Library
) -> None:
    async with bot_on(SlowStore(store, 0.3), library, typing_delay=0.05) as app:
        await app.process_update(in_topic(Updates(app), "/ask 什么是大模型"))
        assert order(app) == ["sendChatAction", "sendMessage"]
        [action] = api(app).params_of("sendChatAction")
        assert action == {"chat_id": GROUP, "action": "typing", "message_thread_id": TOPIC}


async def test_a_slow_press_shows_typing_too(store: SqliteStore, library: Library) -> None:
    async with bot_on(SlowStore(store, 0.3), library, typing_delay=0.05) as app:
        updates = Updates(app)
        await app.process_update(updates.message(MULTI_PAGE))
        first = api(app).sent[-1]
        await app.process_update(updates.press(buttons(first)["继续"], on=first))
        assert order(app) == ["sendChatAction", "sendMessage"] * 2
        assert [p["chat_id"] for p in api(app).params_of("sendChatAction")] == [ALICE, ALICE]


async def test_a_quick_answer_shows_no_typing(store: SqliteStore, library: Library) -> None:
    async with bot_on(store, library) as app:  # the product's delay, the real store
        await app.process_update(Updates(app).message("什么是大模型？"))
        await asyncio.sleep(0.05)  # a typing task left running would send now
        assert order(app) == ["sendMessage"]


async def test_a_refused_typing_action_does_not_stop_the_answer(
    store: SqliteStore, library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with bot_on(SlowStore(store, 0.3), library, typing_delay=0.05) as app:
        api(app).refused.add("sendChatAction")  # the emulator answers it with HTTP 500
        await app.process_update(Updates(app).message("什么是大模型？"))
        assert order(app) == ["sendChatAction", "sendMessage"]
        assert "大模型" in api(app).texts()[0]
    assert any("sendChatAction failed" in r.getMessage() for r in caplog.records)


# --- the scoped command menu ---------------------------------------------------------------


def menus(app: BotApplication) -> list[tuple[dict[str, Any], list[str]]]:
    """(scope, command names) of every setMyCommands call."""
    return [
        (p["scope"], [c["command"] for c in p["commands"]])
        for p in api(app).params_of("setMyCommands")
    ]


async def test_everyone_sees_the_everyday_menu_and_each_admin_also_the_admin_commands(
    store: SqliteStore, library: Library
) -> None:
    everyday = [name for name, _ in notices.COMMANDS]
    admin = ["stats", "unanswered", "review", "reload"]
    async with bot_on(store, library, admins=frozenset({5, ADMIN})) as app:
        await announce_commands(app)
        assert menus(app) == [
            ({"type": "default"}, everyday),
            ({"type": "chat", "chat_id": ADMIN}, everyday + admin),
            ({"type": "chat", "chat_id": 5}, everyday + admin),
        ]
    assert not set(admin) & set(everyday)
    assert [name for name, _ in notices.ADMIN_COMMANDS] == admin


async def test_refused_menus_are_logged_once_each_and_start_up_goes_on(
    store: SqliteStore, library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with bot_on(store, library, admins=frozenset({ADMIN, 5, 6})) as app:
        api(app).refused.add("setMyCommands")
        await announce_commands(app)
        assert len(menus(app)) == 4
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert "setMyCommands was refused" in warnings[0]
    assert "admins 1, 5, 6" in warnings[1]
    assert any("serving as @TestNameBot" in r.getMessage() for r in caplog.records)


async def test_the_topic_browser_pressed_in_a_topic_stays_in_that_topic(
    app: BotApplication, updates: Updates
) -> None:
    await app.process_update(in_topic(updates, "/topics@TestNameBot"))
    topics = api(app).sent[-1]
    first_topic = next(iter(buttons(topics).values()))
    await app.process_update(updates.press(first_topic, on=topics))
    questions = api(app).sent[-1]
    first_question = next(iter(buttons(questions).values()))
    await app.process_update(updates.press(first_question, on=questions))
    assert len(api(app).sent) == 3 and threads(app) == [TOPIC] * 3
