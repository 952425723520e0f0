import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.sqlite.migrations import MIGRATIONS
from bot.core.dialogue import ChatState, ReplyKind
from bot.errors import StoreError
from bot.service import AnswerRecord


def record(chat_id: int = 1, query: str = "什么是大模型", **changes: object) -> AnswerRecord:
    values: dict[str, object] = dict(
        chat_id=chat_id,
        user_id=7,
        message_id=3,
        query=query,
        kind=ReplyKind.ANSWER,
        entry_id="large-model-definition",
        best_entry_id="large-model-definition",
        score=0.9,
        page=1,
        created_at=1000.0,
    )
    values.update(changes)
    return AnswerRecord(**values)  # type: ignore[arg-type]


async def test_a_new_database_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    store = await SqliteStore.open(tmp_path / "sub" / "bot.sqlite3")
    assert await store.schema_version() == len(MIGRATIONS)
    await store.close()
    with sqlite3.connect(tmp_path / "sub" / "bot.sqlite3") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_state_and_log_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = await SqliteStore.open(path)
    state = ChatState(
        entry_id="chatgpt-training",
        page=2,
        subject="ChatGPT",
        last_question="ChatGPT咋训练的",
        suggestions=("a", "b"),
        updated_at=5.0,
    )
    answer_id = await store.save_turn("42", state, record(42))
    await store.attach_message(answer_id, 99)
    await store.close()

    store = await SqliteStore.open(path)
    assert await store.load_state("42") == state
    stored = await store.answer_for_message(42, 99)
    assert stored is not None and stored.id == answer_id and stored.page == 1
    assert await store.load_state("43") is None
    await store.close()


async def test_votes_change_and_never_double(tmp_path: Path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    answer_id = await store.save_turn("1", ChatState(), record())
    assert await store.record_vote(answer_id, 7, 1, 1.0) == 0
    assert await store.record_vote(answer_id, 7, 1, 2.0) == 1
    assert await store.record_vote(answer_id, 7, -1, 3.0) == 1
    assert await store.record_vote(answer_id, 8, 1, 3.0) == 0
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as raw:
        rows = raw.execute("SELECT user_id, value FROM votes ORDER BY user_id").fetchall()
    assert rows == [(7, -1), (8, 1)]


async def test_hostile_text_is_stored_verbatim(tmp_path: Path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    nasty = "'); DROP TABLE answers; -- <script>alert(1)</script> \x00\x1b 🙂" + "长" * 5000
    await store.save_turn(
        "'; DROP TABLE chat_context; --", ChatState(last_question=nasty), record(query=nasty)
    )
    state = await store.load_state("'; DROP TABLE chat_context; --")
    assert state is not None and state.last_question == nasty
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as raw:
        assert raw.execute("SELECT query FROM answers").fetchone()[0] == nasty
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_a_damaged_state_row_reads_as_no_context(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = await SqliteStore.open(path)
    await store.close()
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO chat_context VALUES ('1', '{not json', 0)")
        raw.execute("INSERT INTO chat_context VALUES ('2', '[1, 2]', 0)")
        raw.execute('INSERT INTO chat_context VALUES (\'3\', \'{"page": "x", "bogus": 1}\', 0)')
    store = await SqliteStore.open(path)
    assert await store.load_state("1") is None
    assert await store.load_state("2") is None
    state = await store.load_state("3")  # unknown fields dropped
    assert state is None or isinstance(state, ChatState)
    await store.close()


async def test_many_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")

    async def chat(number: int) -> None:
        for turn in range(5):
            await store.save_turn(str(number), ChatState(page=turn), record(number))

    await asyncio.gather(*(chat(n) for n in range(200)))
    for number in (0, 99, 199):
        state = await store.load_state(str(number))
        assert state is not None and state.page == 4
    await store.close()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as raw:
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1000
        assert raw.execute("SELECT COUNT(*) FROM chat_context").fetchone()[0] == 200


async def test_an_unusable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        await SqliteStore.open(blocker / "bot.sqlite3")


async def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        await SqliteStore.open(junk)


async def test_answer_ids_are_never_reused_after_a_prune(store: SqliteStore) -> None:
    first = [await store.save_turn("1", ChatState(), record(created_at=10.0)) for _ in range(3)]
    await store.prune(before=100.0)
    later = await store.save_turn("1", ChatState(), record(created_at=200.0))
    assert later > max(first)


async def test_a_version_4_database_keeps_its_rows_votes_and_id_counter(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as raw:
        for number, script in enumerate(MIGRATIONS[:4], start=1):
            raw.executescript(script)
            raw.execute(f"PRAGMA user_version = {number}")
        raw.execute(
            "INSERT INTO answers (id, chat_id, user_id, query, kind, score, page, created_at) "
            "VALUES (7, 1, 2, 'q', 'answer', 0.9, 1, 1000.0)"
        )
        raw.execute("INSERT INTO votes VALUES (7, 2, 1, 1000.0)")
    store = await SqliteStore.open(path)
    assert await store.read("SELECT answer_id, value FROM votes") == [(7, 1)]
    await store.prune(before=2000.0)
    assert await store.save_turn("1", ChatState(), record(created_at=3000.0)) == 8
    assert await store.read("PRAGMA foreign_key_check") == []
    await store.close()


async def test_a_database_from_a_newer_version_is_refused_naming_both(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(
        StoreError, match=f"schema version 99, newer than this bot's {len(MIGRATIONS)}"
    ):
        await SqliteStore.open(path)


async def test_a_vote_or_comment_on_an_answer_pruned_meanwhile_writes_nothing_and_never_fails(
    store: SqliteStore,
) -> None:
    answer_id = await store.save_turn("1", ChatState(), record(created_at=10.0))
    assert await store.request_comment(answer_id, 7, 1, 20.0)
    await store.attach_comment_prompt(answer_id, 7, 555)
    # The service has checked the answer; then `feedback prune`, another process, deletes it.
    # (Foreign keys off there: the comment request stays, as if read just before the delete.)
    with sqlite3.connect(store.path) as other:
        other.execute("DELETE FROM answers")
    assert await store.record_vote(answer_id, 7, -1, 30.0) == 0
    assert not await store.request_comment(answer_id, 8, 1, 30.0)
    assert await store.add_comment_to_prompt(1, 7, 555, "太简单了", 30.0) is None
    assert await store.read("SELECT COUNT(*) FROM votes") == [(0,)]
    assert await store.read("SELECT COUNT(*) FROM comments") == [(0,)]


async def test_every_sqlite_error_leaves_the_store_as_a_store_error(store: SqliteStore) -> None:
    answer_id = await store.save_turn("1", ChatState(), record())
    await store.read("PRAGMA query_only = ON")  # every write now fails inside SQLite
    writes = (
        store.save_turn("1", ChatState(), record()),
        store.attach_message(answer_id, 7),
        store.record_vote(answer_id, 1, 1, 10.0),
        store.request_comment(answer_id, 1, 1, 10.0),
        store.attach_comment_prompt(answer_id, 1, 8),
        store.prune(before=2000.0),
    )
    for write in writes:
        with pytest.raises(StoreError):
            await write
    with pytest.raises(StoreError, match="no such table"):
        await store.read("SELECT * FROM nope")
