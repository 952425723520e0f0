"""The schema, as numbered migrations applied forward at open (``PRAGMA user_version``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import aiosqlite

from bot.errors import StoreError

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
    # 6: the review queue's decisions (bot.review). No foreign key to answers: the log of what
    # was added to the knowledge, and how to undo it, outlives the pruning of the question.
    # A question has one live decision at most; an undone one frees it for a new decision.
    """
    CREATE TABLE review_decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id INTEGER NOT NULL,
        source TEXT NOT NULL,
        query TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('add', 'skip', 'not_ours')),
        entry_id TEXT,
        file TEXT,
        phrasing TEXT,
        admin_id INTEGER NOT NULL,
        decided_at REAL NOT NULL,
        undone_at REAL
    );
    CREATE UNIQUE INDEX review_decisions_live ON review_decisions (answer_id)
        WHERE undone_at IS NULL;
    """,
)


async def migrate(db: aiosqlite.Connection, path: str) -> None:
    """Bring the database to the latest version, each migration in its own transaction."""
    version = await schema_version(db)
    if version > len(MIGRATIONS):
        # Its tables may have changed in ways this version cannot write or even read.
        raise StoreError(
            f"the database {path} is at schema version {version}, newer than this "
            f"bot's {len(MIGRATIONS)}: run a newer version of the bot on it"
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        statements = _statements(script)
        await db.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                await db.execute(statement)
            await db.execute(f"PRAGMA user_version = {number}")
            await db.execute("COMMIT")
        except sqlite3.Error:
            await db.execute("ROLLBACK")
            raise


async def schema_version(db: aiosqlite.Connection) -> int:
    """The migration the database is at."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


def _statements(script: str) -> list[str]:
    """Split a migration into statements (a trigger body holds semicolons of its own)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s.strip(" ;\n")]
