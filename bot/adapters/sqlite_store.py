"""The SQLite store: chat context, the answer log, votes and comments in one database file.

One aiosqlite connection in WAL mode with a busy timeout. Writes that belong together run in
one explicit transaction; since all coroutines share the connection, a lock makes those
transactions take turns (SQLite has one writer at a time anyway). The schema is versioned with
``PRAGMA user_version`` and migrated forward at open.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import IO, Any, ParamSpec, TypeVar

import aiosqlite

from bot.core.dialogue import ChatState
from bot.errors import StoreError
from bot.service import AnswerRecord, StoredAnswer

P = ParamSpec("P")
T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
PRUNE_BATCH = 1000
"""Answers deleted per transaction by prune: about 10 ms of holding the write lock (8 µs a row
with its votes and comments, measured on a million rows)."""
PRUNE_PAUSE_S = 0.025
"""Between two batches. A writer waiting in SQLite's busy handler sleeps up to 100 ms at a
time and must wake inside a pause: with 10 ms pauses the bot waited up to 0.66 s, with 25 ms
under 0.05 s (tests/e2e/test_feedback_review.py, 300,000 rows)."""

MIGRATIONS: Sequence[str] = (
    # 1: context and answer log
    """
    CREATE TABLE chat_context (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        message_id INTEGER,
        bot_message_id INTEGER,
        query TEXT NOT NULL,
        kind TEXT NOT NULL,
        entry_id TEXT,
        best_entry_id TEXT,
        score REAL NOT NULL,
        page INTEGER NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE INDEX answers_by_bot_message ON answers (chat_id, bot_message_id);
    CREATE INDEX answers_by_time ON answers (created_at);
    """,
    # 2: votes, one per user per answer (the latest wins)
    """
    CREATE TABLE votes (
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        value INTEGER NOT NULL CHECK (value IN (-1, 1)),
        voted_at REAL NOT NULL,
        PRIMARY KEY (answer_id, user_id)
    );
    """,
    # 3: comments after a 👎, and the prompts that ask for them (one per user per answer)
    """
    CREATE TABLE comment_requests (
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        chat_id INTEGER NOT NULL,
        prompt_message_id INTEGER,
        asked_at REAL NOT NULL,
        PRIMARY KEY (answer_id, user_id)
    );
    CREATE INDEX comment_requests_by_prompt ON comment_requests (chat_id, prompt_message_id);
    CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        answer_id INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        created_at REAL NOT NULL
    );
    CREATE INDEX comments_by_answer ON comments (answer_id);
    """,
    # 4: a turn is one INSERT into the log; a trigger keeps the chat's context from it, so the
    # context and the log change together in one statement and one trip to the database thread.
    """
    ALTER TABLE answers ADD COLUMN context_key TEXT;
    ALTER TABLE answers ADD COLUMN context TEXT;
    CREATE TRIGGER answers_keep_context AFTER INSERT ON answers
    WHEN NEW.context_key IS NOT NULL
    BEGIN
        INSERT INTO chat_context (key, state, updated_at)
        VALUES (NEW.context_key, NEW.context, NEW.created_at)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at;
        UPDATE answers SET context = NULL WHERE id = NEW.id;
    END;
    """,
    # 5: answer ids are never reused (AUTOINCREMENT): after a prune, a button under an old
    # message must not name a newer, different answer. SQLite adds AUTOINCREMENT only by
    # rebuilding the table; foreign keys are off while migrating, so the drop cascades nothing.
    """
    CREATE TABLE answers_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        message_id INTEGER,
        bot_message_id INTEGER,
        query TEXT NOT NULL,
        kind TEXT NOT NULL,
        entry_id TEXT,
        best_entry_id TEXT,
        score REAL NOT NULL,
        page INTEGER NOT NULL,
        created_at REAL NOT NULL,
        context_key TEXT,
        context TEXT
    );
    INSERT INTO answers_new SELECT id, chat_id, user_id, message_id, bot_message_id, query, kind,
        entry_id, best_entry_id, score, page, created_at, context_key, context FROM answers;
    DROP TABLE answers;
    ALTER TABLE answers_new RENAME TO answers;
    CREATE INDEX answers_by_bot_message ON answers (chat_id, bot_message_id);
    CREATE INDEX answers_by_time ON answers (created_at);
    CREATE TRIGGER answers_keep_context AFTER INSERT ON answers
    WHEN NEW.context_key IS NOT NULL
    BEGIN
        INSERT INTO chat_context (key, state, updated_at)
        VALUES (NEW.context_key, NEW.context, NEW.created_at)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at;
        UPDATE answers SET context = NULL WHERE id = NEW.id;
    END;
    """,
)

_STATE_FIELDS = tuple(f.name for f in fields(ChatState))
_ANSWER_EXISTS = "EXISTS (SELECT 1 FROM answers WHERE id = ?)"


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
        version = await self.schema_version()
        if version > len(MIGRATIONS):
            # Its tables may have changed in ways this version cannot write or even read.
            raise StoreError(
                f"the database {self.path} is at schema version {version}, newer than this "
                f"bot's {len(MIGRATIONS)}: run a newer version of the bot on it"
            )
        await self._migrate(version)
        # Only now: a migration that rebuilds a table must not cascade its drop.
        await self._db.execute("PRAGMA foreign_keys = ON")

    async def _migrate(self, version: int) -> None:
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            statements = _statements(script)
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in statements:
                    await self._db.execute(statement)
                await self._db.execute(f"PRAGMA user_version = {number}")
                await self._db.execute("COMMIT")
            except sqlite3.Error:
                await self._db.execute("ROLLBACK")
                raise

    async def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        await self._db.close()

    async def schema_version(self) -> int:
        """The migration the database is at."""
        async with self._db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

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

    async def save_turn(self, key: str, state: ChatState, record: AnswerRecord) -> int:
        """Append the reply to the log and save the chat's new context, atomically."""
        encoded = json.dumps(
            {name: getattr(state, name) for name in _STATE_FIELDS}, ensure_ascii=False
        )
        # The lock keeps this statement out of another coroutine's open transaction.
        try:
            async with self._write:
                row = await self._db.execute_insert(
                    "INSERT INTO answers (chat_id, user_id, message_id, query, kind, entry_id, "
                    "best_entry_id, score, page, created_at, context_key, context) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (
                        record.chat_id,
                        record.user_id,
                        record.message_id,
                        record.query,
                        record.kind,
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
        if row is None:
            raise StoreError("the answer log did not return a row id")
        return int(row[0])

    async def answer(self, answer_id: int) -> StoredAnswer | None:
        """A logged answer by id."""
        return await self._one_answer("id = ?", (answer_id,))

    async def answer_for_message(self, chat_id: int, message_id: int) -> StoredAnswer | None:
        """The logged answer carried by a bot message."""
        return await self._one_answer("chat_id = ? AND bot_message_id = ?", (chat_id, message_id))

    async def _one_answer(self, where: str, parameters: tuple[Any, ...]) -> StoredAnswer | None:
        async with self._db.execute(
            f"SELECT id, chat_id, user_id, entry_id, page, kind FROM answers WHERE {where}",
            parameters,
        ) as cursor:
            row = await cursor.fetchone()
        return StoredAnswer(*row) if row else None

    async def count_answers(self, since: float) -> dict[str, int]:
        """How many replies of each kind the log holds from `since` (UNIX time) on."""
        async with self._db.execute(
            "SELECT kind, COUNT(*) FROM answers WHERE created_at >= ? GROUP BY kind", (since,)
        ) as cursor:
            rows = await cursor.fetchall()
        return {str(kind): int(count) for kind, count in rows}

    async def votes_by_entry(self, since: float) -> list[tuple[str, int, int]]:
        """(entry id, 👍, 👎) for the answers logged from `since` on that got any vote."""
        async with self._db.execute(
            "SELECT a.entry_id, SUM(v.value = 1), SUM(v.value = -1) FROM votes v "
            "JOIN answers a ON a.id = v.answer_id "
            "WHERE a.created_at >= ? AND a.entry_id IS NOT NULL GROUP BY a.entry_id",
            (since,),
        ) as cursor:
            rows = await cursor.fetchall()
        return [(str(entry), int(up), int(down)) for entry, up, down in rows]

    async def read(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (for reports; parameters always bound, never formatted)."""
        return (await self.read_table(sql, parameters))[1]

    async def read_table(
        self, sql: str, parameters: tuple[Any, ...] = ()
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a read-only query."""
        async with self._db.execute(sql, parameters) as cursor:
            rows = await cursor.fetchall()
            columns = [d[0] for d in cursor.description or ()]
        return columns, [tuple(row) for row in rows]

    async def prune(self, before: float) -> dict[str, int]:
        """Delete answers (with their votes and comments) and chat contexts older than `before`.

        In batches of PRUNE_BATCH rows, each its own short transaction, with a pause between
        them: a running bot (another process) gets the write lock in between, so that pruning
        a million rows never makes it wait longer than one batch (one transaction held the lock
        for 8 s, beyond the busy timeout).
        """
        counts = dict.fromkeys(("votes", "comments", "comment_requests", "answers"), 0)
        counts["chat_context"] = 0
        while True:
            async with self._write:
                batch = await self._transaction(self._prune_answers, before)
            for table, count in batch.items():
                counts[table] += count
            if not batch["answers"]:
                break
            await asyncio.sleep(PRUNE_PAUSE_S)
        while deleted := await self._prune_contexts(before):
            counts["chat_context"] += deleted
            await asyncio.sleep(PRUNE_PAUSE_S)
        return counts

    async def _prune_answers(self, before: float) -> dict[str, int]:
        rows = await self._db.execute_fetchall(
            "SELECT id FROM answers WHERE created_at < ? ORDER BY created_at LIMIT ?",
            (before, PRUNE_BATCH),
        )
        ids = json.dumps([row[0] for row in rows])
        counts = {}
        # Children first and counted (the cascade would delete them too, uncounted).
        for table, column in (
            ("votes", "answer_id"),
            ("comments", "answer_id"),
            ("comment_requests", "answer_id"),
            ("answers", "id"),
        ):
            cursor = await self._db.execute(
                f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))", (ids,)
            )
            counts[table] = cursor.rowcount
            await cursor.close()
        return counts

    async def _prune_contexts(self, before: float) -> int:
        async with self._write:
            cursor = await self._db.execute(
                "DELETE FROM chat_context WHERE key IN "
                "(SELECT key FROM chat_context WHERE updated_at < ? LIMIT ?)",
                (before, PRUNE_BATCH),
            )
            deleted = cursor.rowcount
            await cursor.close()
        return deleted

    async def attach_message(self, answer_id: int, message_id: int) -> None:
        """Remember the bot message that carried an answer."""
        async with self._write:
            await self._db.execute(
                "UPDATE answers SET bot_message_id = ? WHERE id = ?", (message_id, answer_id)
            )

    async def record_vote(self, answer_id: int, user_id: int, value: int, at: float) -> int:
        """Store a vote (latest wins); return the previous value, 0 if none."""
        async with self._write:
            return await self._transaction(self._record_vote, answer_id, user_id, value, at)

    async def _record_vote(self, answer_id: int, user_id: int, value: int, at: float) -> int:
        async with self._db.execute(
            "SELECT value FROM votes WHERE answer_id = ? AND user_id = ?", (answer_id, user_id)
        ) as cursor:
            row = await cursor.fetchone()
        # WHERE EXISTS: a prune (another process) may have deleted the answer since the service
        # checked it; then there is nothing to vote on, not a FOREIGN KEY error.
        await self._db.execute(
            "INSERT INTO votes (answer_id, user_id, value, voted_at) "
            f"SELECT ?, ?, ?, ? WHERE {_ANSWER_EXISTS} "
            "ON CONFLICT (answer_id, user_id) DO UPDATE SET value = excluded.value, "
            "voted_at = excluded.voted_at",
            (answer_id, user_id, value, at, answer_id),
        )
        return int(row[0]) if row else 0

    async def request_comment(self, answer_id: int, user_id: int, chat_id: int, at: float) -> bool:
        """Note that a user is asked for a comment on an answer; False if asked before."""
        async with self._write:
            cursor = await self._db.execute(
                "INSERT OR IGNORE INTO comment_requests (answer_id, user_id, chat_id, asked_at) "
                f"SELECT ?, ?, ?, ? WHERE {_ANSWER_EXISTS}",
                (answer_id, user_id, chat_id, at, answer_id),
            )
            inserted = cursor.rowcount == 1
            await cursor.close()
        return inserted

    async def attach_comment_prompt(self, answer_id: int, user_id: int, message_id: int) -> None:
        """Remember the bot message that asked for the comment (the user replies to it)."""
        async with self._write:
            await self._db.execute(
                "UPDATE comment_requests SET prompt_message_id = ? "
                "WHERE answer_id = ? AND user_id = ?",
                (message_id, answer_id, user_id),
            )

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
                f"SELECT ?, ?, ?, ? WHERE {_ANSWER_EXISTS}",
                (row[0], user_id, text, at, row[0]),
            )
            inserted = cursor.rowcount == 1
            await cursor.close()
            return int(row[0]) if inserted else None

    async def _transaction(
        self, work: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        await self._db.execute("BEGIN IMMEDIATE")
        try:
            result = await work(*args, **kwargs)
        except BaseException:
            await self._db.execute("ROLLBACK")
            raise
        await self._db.execute("COMMIT")
        return result


def claim_database(path: str | Path) -> IO[str]:
    """Hold `<database>.lock` for as long as the returned file is open (or the process lives):
    a second bot on the same database is refused. Two bots would each keep their own copy of
    recent chats' context and overwrite each other's; the review tools need no lock."""
    lock = Path(f"{path}.lock")
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a", encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from exc
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise StoreError(
            f"another bot is already running on the database {path} (it holds {lock}): "
            "stop it first, or give this one its own BOT_DATABASE_PATH"
        ) from exc
    return handle


def _statements(script: str) -> list[str]:
    """Split a migration into statements (a trigger body holds semicolons of its own)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s.strip(" ;\n")]


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
