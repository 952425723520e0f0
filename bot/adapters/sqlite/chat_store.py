"""The SQLite store: chat context, the answer log, votes and comments in one database file.

One aiosqlite connection in WAL mode with a busy timeout. Writes that belong together run in
one explicit transaction; since all coroutines share the connection, a lock makes those
transactions take turns (SQLite has one writer at a time anyway). The schema is versioned with
``PRAGMA user_version`` and migrated forward at open (bot.adapters.sqlite.migrations). Every
sqlite3.Error leaves this class as a StoreError.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from dataclasses import fields
from pathlib import Path
from typing import Any

import aiosqlite

from bot.adapters.sqlite import retention
from bot.adapters.sqlite.migrations import migrate, schema_version
from bot.adapters.sqlite.sql import ANSWER_EXISTS, reply_kind, transaction, translated
from bot.core.dialogue import ChatState
from bot.errors import StoreError
from bot.service import AnswerRecord, StoredAnswer

BUSY_TIMEOUT_MS = 5000

_STATE_FIELDS = tuple(f.name for f in fields(ChatState))


class SqliteStore:
    """The ChatStore on one SQLite file."""

    def __init__(
        self, connection: aiosqlite.Connection, path: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS
    ) -> None:
        self._db = connection
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._write = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SqliteStore:
        """Open (creating folders and schema as needed) and migrate to the latest version."""
        path = Path(path)
        try:
            if str(path) != ":memory:":
                path.parent.mkdir(parents=True, exist_ok=True)
                # Try the file with plain sqlite3 first: after a failed connect, aiosqlite's
                # worker thread calls back into the event loop later, and once the caller has
                # closed that loop, prints an "Event loop is closed" traceback.
                sqlite3.connect(path).close()
            connection = await aiosqlite.connect(path, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        store = cls(connection, str(path), busy_timeout_ms)
        try:
            await store._prepare()
        except sqlite3.Error as exc:
            await connection.close()
            raise StoreError(f"cannot prepare the database {path}: {exc}") from exc
        except StoreError:
            await connection.close()
            raise
        return store

    async def _prepare(self) -> None:
        await self._db.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
        await self._db.execute("PRAGMA journal_mode = WAL")
        await self._db.execute("PRAGMA synchronous = NORMAL")
        await migrate(self._db, self.path)
        # Only now: a migration that rebuilds a table must not cascade its drop.
        await self._db.execute("PRAGMA foreign_keys = ON")

    async def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        await self._db.close()

    @translated("cannot read the schema version")
    async def schema_version(self) -> int:
        """The migration the database is at."""
        return await schema_version(self._db)

    async def load_state(self, key: str) -> ChatState | None:
        """The saved context of a chat, or None."""
        try:
            # One trip to the database thread (execute, fetch and close would be three).
            rows = list(
                await self._db.execute_fetchall(
                    "SELECT state FROM chat_context WHERE key = ?", (key,)
                )
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the chat context: {exc}") from exc
        return _decode_state(rows[0][0]) if rows else None

    async def latest_states(self, prefix: str, *, besides: str, limit: int) -> list[ChatState]:
        """The `limit` most recently saved contexts whose keys start with `prefix`, other than
        `besides`'s, newest first: a range of the primary key."""
        # The keys that start with the prefix sort between it and the prefix with its last
        # character raised by one ("-100:" … "-100;").
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        try:
            rows = list(
                await self._db.execute_fetchall(
                    "SELECT state FROM chat_context WHERE key >= ? AND key < ? AND key != ? "
                    "ORDER BY updated_at DESC LIMIT ?",
                    (prefix, after, besides, limit),
                )
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read the chat context: {exc}") from exc
        states = (_decode_state(row[0]) for row in rows)
        return [state for state in states if state is not None]

    async def save_turn(self, key: str, state: ChatState, record: AnswerRecord) -> int:
        """Append the reply to the log and save the chat's new context, atomically."""
        encoded = json.dumps(
            {name: getattr(state, name) for name in _STATE_FIELDS}, ensure_ascii=False
        )
        # The lock keeps this statement out of another coroutine's open transaction.
        try:
            async with self._write:
                # RETURNING gives the id in the same statement: execute_insert would run a second
                # one (SELECT last_insert_rowid()) on the database thread.
                rows = await self._db.execute_fetchall(
                    "INSERT INTO answers (chat_id, user_id, message_id, query, kind, entry_id, "
                    "best_entry_id, score, page, created_at, context_key, context) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (
                        record.chat_id,
                        record.user_id,
                        record.message_id,
                        record.query,
                        record.kind.value,
                        record.entry_id,
                        record.best_entry_id,
                        record.score,
                        record.page,
                        record.created_at,
                        key,
                        encoded,
                    ),
                )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot save the turn: {exc}") from exc
        row = next(iter(rows), None)
        if row is None:
            raise StoreError("the answer log did not return a row id")
        return int(row[0])

    @translated("cannot read an answer")
    async def answer(self, answer_id: int) -> StoredAnswer | None:
        """A logged answer by id."""
        return await self._one_answer("id = ?", (answer_id,))

    @translated("cannot read an answer")
    async def answer_for_message(self, chat_id: int, message_id: int) -> StoredAnswer | None:
        """The logged answer carried by a bot message."""
        return await self._one_answer("chat_id = ? AND bot_message_id = ?", (chat_id, message_id))

    async def _one_answer(self, where: str, parameters: tuple[Any, ...]) -> StoredAnswer | None:
        async with self._db.execute(
            f"SELECT id, chat_id, user_id, entry_id, page, kind FROM answers WHERE {where}",
            parameters,
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return None
        answer_id, chat_id, user_id, entry_id, page, kind = row
        return StoredAnswer(answer_id, chat_id, user_id, entry_id, page, reply_kind(kind))

    async def read(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (for reports; parameters always bound, never formatted)."""
        return (await self.read_table(sql, parameters))[1]

    @translated("cannot read the answer log")
    async def read_table(
        self, sql: str, parameters: tuple[Any, ...] = ()
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a read-only query."""
        async with self._db.execute(sql, parameters) as cursor:
            rows = await cursor.fetchall()
            columns = [d[0] for d in cursor.description or ()]
        return columns, [tuple(row) for row in rows]

    @translated("cannot write to the database")
    async def write(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """One write statement (atomic on its own) under the write lock; its RETURNING rows."""
        async with self._write:
            rows = await self._db.execute_fetchall(sql, parameters)
        return [tuple(row) for row in rows]

    @translated("cannot prune the answer log")
    async def prune(self, before: float) -> dict[str, int]:
        """Delete answers (with their votes and comments) and chat contexts older than `before`
        (in short batches: see bot.adapters.sqlite.retention)."""
        return await retention.prune(self._db, self._write, before)

    @translated("cannot note the message of an answer")
    async def attach_message(self, answer_id: int, message_id: int) -> None:
        """Remember the bot message that carried an answer."""
        async with self._write:
            await self._db.execute(
                "UPDATE answers SET bot_message_id = ? WHERE id = ?", (message_id, answer_id)
            )

    @translated("cannot record the vote")
    async def record_vote(self, answer_id: int, user_id: int, value: int, at: float) -> int:
        """Store a vote (latest wins); return the previous value, 0 if none."""
        async with self._write:
            return await transaction(self._db, self._record_vote, answer_id, user_id, value, at)

    async def _record_vote(self, answer_id: int, user_id: int, value: int, at: float) -> int:
        async with self._db.execute(
            "SELECT value FROM votes WHERE answer_id = ? AND user_id = ?", (answer_id, user_id)
        ) as cursor:
            row = await cursor.fetchone()
        # WHERE EXISTS: a prune (another process) may have deleted the answer since the service
        # checked it; then there is nothing to vote on, not a FOREIGN KEY error.
        await self._db.execute(
            "INSERT INTO votes (answer_id, user_id, value, voted_at) "
            f"SELECT ?, ?, ?, ? WHERE {ANSWER_EXISTS} "
            "ON CONFLICT (answer_id, user_id) DO UPDATE SET value = excluded.value, "
            "voted_at = excluded.voted_at",
            (answer_id, user_id, value, at, answer_id),
        )
        return int(row[0]) if row else 0

    @translated("cannot ask for a comment")
    async def request_comment(self, answer_id: int, user_id: int, chat_id: int, at: float) -> bool:
        """Note that a user is asked for a comment on an answer; False if asked before."""
        async with self._write:
            cursor = await self._db.execute(
                "INSERT OR IGNORE INTO comment_requests (answer_id, user_id, chat_id, asked_at) "
                f"SELECT ?, ?, ?, ? WHERE {ANSWER_EXISTS}",
                (answer_id, user_id, chat_id, at, answer_id),
            )
            inserted = cursor.rowcount == 1
            await cursor.close()
        return inserted

    @translated("cannot note the comment prompt")
    async def attach_comment_prompt(self, answer_id: int, user_id: int, message_id: int) -> None:
        """Remember the bot message that asked for the comment (the user replies to it)."""
        async with self._write:
            await self._db.execute(
                "UPDATE comment_requests SET prompt_message_id = ? "
                "WHERE answer_id = ? AND user_id = ?",
                (message_id, answer_id, user_id),
            )

    @translated("cannot store the comment")
    async def add_comment_to_prompt(
        self, chat_id: int, user_id: int, prompt_message_id: int, text: str, at: float
    ) -> int | None:
        """Store a reply to a comment prompt as a comment on its answer; None if no such prompt."""
        async with self._write:
            async with self._db.execute(
                "SELECT answer_id FROM comment_requests "
                "WHERE chat_id = ? AND user_id = ? AND prompt_message_id = ?",
                (chat_id, user_id, prompt_message_id),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return None
            cursor = await self._db.execute(
                "INSERT INTO comments (answer_id, user_id, text, created_at) "
                f"SELECT ?, ?, ?, ? WHERE {ANSWER_EXISTS}",
                (row[0], user_id, text, at, row[0]),
            )
            inserted = cursor.rowcount == 1
            await cursor.close()
            return int(row[0]) if inserted else None


def _decode_state(encoded: str) -> ChatState | None:
    """A saved state; None when it is unreadable (an old or damaged row is no reason to fail)."""
    try:
        data = json.loads(encoded)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    known = {k: v for k, v in data.items() if k in _STATE_FIELDS}
    if isinstance(known.get("suggestions"), list):
        known["suggestions"] = tuple(known["suggestions"])
    try:
        return ChatState(**known)
    except TypeError:
        return None
