"""The ChatStore contract (bot.service), run against the SQLite store and the in-memory fake.

A fake that passes these behaves as the real store does where the service can tell.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from memory_store import MemoryChatStore

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.core.dialogue import ChatState, ReplyKind
from bot.service import AnswerRecord, ChatStore


def record(chat_id: int = 1, created_at: float = 1000.0) -> AnswerRecord:
    return AnswerRecord(
        chat_id=chat_id,
        user_id=7,
        message_id=3,
        query="什么是大模型",
        kind=ReplyKind.ANSWER,
        entry_id="large-model-definition",
        best_entry_id="large-model-definition",
        score=0.9,
        page=1,
        created_at=created_at,
    )


@pytest.fixture(params=["sqlite", "memory"])
async def chat_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ChatStore]:
    if request.param == "memory":
        yield MemoryChatStore()
        return
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    yield store
    await store.close()


def forget(store: ChatStore, answer_id: int) -> None:
    """Delete an answer behind the store's back, as `feedback prune` in another process does."""
    if isinstance(store, MemoryChatStore):
        store.forget(answer_id)
        return
    assert isinstance(store, SqliteStore)
    with sqlite3.connect(store.path) as other:
        other.execute("DELETE FROM answers WHERE id = ?", (answer_id,))


async def test_the_state_saved_with_a_turn_is_loaded_back(chat_store: ChatStore) -> None:
    state = ChatState(entry_id="chatgpt-training", page=2, suggestions=("a", "b"))
    await chat_store.save_turn("42", state, record(42))
    assert await chat_store.load_state("42") == state
    assert await chat_store.load_state("43") is None


async def test_the_latest_states_in_a_group_are_other_members_newest_first(
    chat_store: ChatStore,
) -> None:
    older = ChatState(subject="大模型", updated_at=1000.0)
    newer = ChatState(subject="ChatGPT", updated_at=2000.0)
    await chat_store.save_turn("-5:1", older, record(-5, created_at=1000.0))
    await chat_store.save_turn("-5:2", newer, record(-5, created_at=2000.0))
    # Another group whose id starts the same way, and a private chat.
    later = ChatState(subject="RLHF", updated_at=3000.0)
    await chat_store.save_turn("-50:3", later, record(-50, created_at=3000.0))
    await chat_store.save_turn("-5", later, record(-5, created_at=3000.0))
    assert await chat_store.latest_states("-5:", besides="-5:3", limit=2) == [newer, older]
    assert await chat_store.latest_states("-5:", besides="-5:3", limit=1) == [newer]
    assert await chat_store.latest_states("-5:", besides="-5:2", limit=2) == [older]
    assert await chat_store.latest_states("-6:", besides="-6:1", limit=2) == []


async def test_an_answer_is_found_by_id_and_by_the_message_that_carried_it(
    chat_store: ChatStore,
) -> None:
    first = await chat_store.save_turn("1", ChatState(), record())
    second = await chat_store.save_turn("1", ChatState(), record())
    assert second != first
    await chat_store.attach_message(second, 99)
    stored = await chat_store.answer_for_message(1, 99)
    assert (
        stored is not None and stored.id == second and stored.entry_id == "large-model-definition"
    )
    assert await chat_store.answer_for_message(2, 99) is None
    found = await chat_store.answer(first)
    assert found is not None and (found.chat_id, found.page, found.kind) == (1, 1, ReplyKind.ANSWER)
    assert await chat_store.answer(12345) is None


async def test_a_vote_returns_the_previous_one(chat_store: ChatStore) -> None:
    answer_id = await chat_store.save_turn("1", ChatState(), record())
    assert await chat_store.record_vote(answer_id, 7, 1, 1.0) == 0
    assert await chat_store.record_vote(answer_id, 7, -1, 2.0) == 1
    assert await chat_store.record_vote(answer_id, 8, 1, 3.0) == 0
    assert await chat_store.record_vote(answer_id, 7, -1, 4.0) == -1


async def test_a_comment_is_asked_for_once_and_taken_from_a_reply_to_the_prompt(
    chat_store: ChatStore,
) -> None:
    answer_id = await chat_store.save_turn("1", ChatState(), record())
    assert await chat_store.request_comment(answer_id, 7, 1, 5.0)
    assert not await chat_store.request_comment(answer_id, 7, 1, 6.0)
    await chat_store.attach_comment_prompt(answer_id, 7, 555)
    assert await chat_store.add_comment_to_prompt(1, 8, 555, "别人的", 7.0) is None
    assert await chat_store.add_comment_to_prompt(1, 7, 556, "别的消息", 7.0) is None
    assert await chat_store.add_comment_to_prompt(1, 7, 555, "太简单了", 7.0) == answer_id


async def test_votes_and_comments_on_a_pruned_answer_write_nothing_and_never_fail(
    chat_store: ChatStore,
) -> None:
    answer_id = await chat_store.save_turn("1", ChatState(), record())
    assert await chat_store.request_comment(answer_id, 7, 1, 5.0)
    await chat_store.attach_comment_prompt(answer_id, 7, 555)
    forget(chat_store, answer_id)
    assert await chat_store.answer(answer_id) is None
    assert await chat_store.record_vote(answer_id, 7, -1, 6.0) == 0
    assert not await chat_store.request_comment(answer_id, 8, 1, 6.0)
    assert await chat_store.add_comment_to_prompt(1, 7, 555, "太简单了", 7.0) is None
