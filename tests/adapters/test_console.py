"""The console chat and `chat --json` over the real service, store and fixture knowledge."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.console import ConsoleChat
from bot.adapters.sqlite.chat_store import SqliteStore
from bot.core.dialogue import DialogueConfig
from bot.core.library import Library, load_library
from bot.service import ChatService

FIXTURE = Path(__file__).parents[1] / "fixtures" / "small_knowledge"


@pytest.fixture(scope="module")
def small_library() -> Library:
    return load_library(FIXTURE)


@pytest.fixture
def console(store: SqliteStore, small_library: Library) -> ConsoleChat:
    service = ChatService(store, lambda: small_library, DialogueConfig(page_size=60))
    return ConsoleChat(service, chat_id=1)


async def json_chat(console: ConsoleChat, *lines: dict[str, Any] | str) -> list[dict[str, Any]]:
    out = io.StringIO()
    raw = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    await console.json_lines(raw, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


async def test_json_replies_carry_the_answer_id_and_the_press_of_each_button(
    console: ConsoleChat,
) -> None:
    [answer] = await json_chat(console, {"chat": 5, "user": "ann", "text": "ChatGPT是怎么训练的"})
    assert isinstance(answer["answer_id"], int) and answer["answer_id"] > 0
    assert answer["presses"] == ["continue", "up", "down"]
    assert answer["buttons"] == ["继续", "👍", "👎"]


async def test_json_presses_continue_vote_and_a_down_vote_takes_the_next_line_as_comment(
    console: ConsoleChat, store: SqliteStore
) -> None:
    [answer] = await json_chat(console, {"chat": 5, "user": "ann", "text": "ChatGPT是怎么训练的"})
    answer_id = answer["answer_id"]
    page, up, down, thanks, forged = await json_chat(
        console,
        {"chat": 5, "user": "ann", "press": "continue", "answer": answer_id},
        {"chat": 5, "user": "ann", "press": "up", "answer": answer_id},
        {"chat": 5, "user": "ann", "press": "down", "answer": answer_id},
        {"chat": 5, "user": "ann", "text": "少了训练数据的来源"},
        {"chat": 6, "user": "ann", "press": "up", "answer": answer_id},
    )
    assert page["entry_id"] == "chatgpt-training" and "（2/" in page["text"]
    assert up["text"] == "已记录👍，谢谢反馈！"
    assert "哪里不对" in down["text"]  # the first 👎 asks what was wrong
    assert "谢谢你的意见" in thanks["text"]
    comments = await store.read("SELECT answer_id, text FROM comments")
    assert comments == [(answer_id, "少了训练数据的来源")]
    assert forged["text"] == "这个按钮已失效，请重新提问。"  # another chat's answer


async def test_json_press_of_an_offered_entry_answers_it(console: ConsoleChat) -> None:
    [asked] = await json_chat(console, {"chat": 7, "user": "bo", "text": "它有多少参数"})
    assert asked["kind"] == "ask_back" and asked["matched"] is False
    entry = next(p for p in asked["presses"] if p not in ("up", "down", "continue"))
    [answer] = await json_chat(
        console, {"chat": 7, "user": "bo", "press": entry, "answer": asked["answer_id"]}
    )
    assert answer["matched"] and answer["entry_id"] == entry


async def test_the_interactive_console_lists_topics_and_asks_for_a_comment_after_a_down_vote(
    console: ConsoleChat,
) -> None:
    out = io.StringIO()

    def down_vote() -> str:  # the number of the 👎 button under the last answer
        return re.findall(r"\[(\d+)\] 👎", out.getvalue())[-1]

    script = iter(["/topics", "什么是大模型", down_vote, "太简单了", "/quit"])

    def read(_: str) -> str:
        line = next(script)
        return line if isinstance(line, str) else line()

    await console.interactive(read=read, out=out)
    shown = out.getvalue()
    assert "我了解这些主题" in shown
    assert "哪里不对" in shown and "谢谢你的意见" in shown


async def test_reset_in_the_console_forgets_the_context_and_is_logged_as_a_reset(
    console: ConsoleChat, store: SqliteStore
) -> None:
    out = io.StringIO()
    script = iter(["ChatGPT是怎么训练的", "/reset", "继续", "/quit"])
    await console.interactive(read=lambda _: next(script), out=out)
    shown = out.getvalue()
    assert "好的，我们换个话题" in shown and "没有可以继续的回答" in shown
    logged = await store.read("SELECT query, kind FROM answers ORDER BY id")
    assert logged[1] == ("[reset]", "reset")


async def test_json_reset_is_the_same_reset(console: ConsoleChat) -> None:
    _, reset, again = await json_chat(
        console,
        {"chat": 5, "user": "ann", "text": "ChatGPT是怎么训练的"},
        {"chat": 5, "user": "ann", "text": "/reset"},
        {"chat": 5, "user": "ann", "text": "继续"},
    )
    assert reset["kind"] == "reset" and again["kind"] == "nothing_to_continue"


async def test_the_interactive_console_browses_topics_by_number_to_an_answer(
    console: ConsoleChat, store: SqliteStore
) -> None:
    out = io.StringIO()

    def number_of(label: str) -> Any:
        def press() -> str:  # the number of the button with this label in the last reply
            return re.findall(rf"\[(\d+)\] {re.escape(label)}", out.getvalue())[-1]

        return press

    pages = ["继续"] * 4  # five pages at the fixture's page size: the source is under the last
    script = iter(["/topics", "1", number_of("ChatGPT是怎么训练的？"), *pages, "/quit"])

    def read(_: str) -> str:
        line = next(script)
        return line if isinstance(line, str) else line()

    await console.interactive(read=read, out=out)
    shown = out.getvalue()
    assert "[1] 模型（5）" in shown and "“模型”里的问题" in shown
    assert "【ChatGPT是怎么训练的？】" in shown and "（5/5）完" in shown
    assert shown.count("来源：") == 1
    assert "来源：《ChatGPT连夜迭代的简单介绍》· 2. chatGPT如何训练数据" in shown
    with sqlite3.connect(store.path) as raw:
        logged = raw.execute("SELECT entry_id, page FROM answers ORDER BY id").fetchall()
    assert logged[:2] == [("chatgpt-training", 1), ("chatgpt-training", 2)]


async def test_json_presses_walk_the_browser_and_a_stale_one_expires(console: ConsoleChat) -> None:
    [topics] = await json_chat(console, "/topics")
    assert topics["kind"] == "browse" and topics["presses"] == ["topic:models:1"]
    [page] = await json_chat(console, {"press": "topic:models:1"})
    assert "read:chatgpt" in page["presses"] and page["presses"][-1] == "topics"
    [answer] = await json_chat(console, {"press": "read:chatgpt"})
    assert answer["kind"] == "answer" and answer["entry_id"] == "chatgpt" and answer["answer_id"]
    for stale in ("topic:models:2", "topic:gone:1", "read:gone"):
        [expired] = await json_chat(console, {"press": stale})
        assert expired["text"] == "这个按钮已失效，请重新提问。"


async def test_a_traditional_line_is_answered_in_traditional_in_the_console(
    console: ConsoleChat,
) -> None:
    [answer] = await json_chat(console, "什麼是大模型")
    assert "【什麼是大模型？】" in answer["text"]
