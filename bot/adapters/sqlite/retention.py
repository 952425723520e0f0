"""Retention: deleting old answers, votes, comments and contexts without stalling a running bot."""

from __future__ import annotations

import asyncio
import json

import aiosqlite

from bot.adapters.sqlite.sql import transaction

PRUNE_BATCH = 1000
"""Answers deleted per transaction by prune: about 10 ms of holding the write lock (8 µs a row
with its votes and comments, measured on a million rows)."""
PRUNE_PAUSE_S = 0.025
"""Between two batches. A writer waiting in SQLite's busy handler sleeps up to 100 ms at a
time and must wake inside a pause: with 10 ms pauses the bot waited up to 0.66 s, with 25 ms
under 0.05 s (tests/e2e/test_feedback_review.py, 300,000 rows)."""


async def prune(db: aiosqlite.Connection, write: asyncio.Lock, before: float) -> dict[str, int]:
    """Delete answers (with their votes and comments) and chat contexts older than `before`.

    In batches of PRUNE_BATCH rows, each its own short transaction, with a pause between
    them: a running bot (another process) gets the write lock in between, so that pruning
    a million rows never makes it wait longer than one batch (one transaction held the lock
    for 8 s, beyond the busy timeout).
    """
    counts = dict.fromkeys(("votes", "comments", "comment_requests", "answers"), 0)
    counts["chat_context"] = 0
    while True:
        async with write:
            batch = await transaction(db, _prune_answers, db, before)
        for table, count in batch.items():
            counts[table] += count
        if not batch["answers"]:
            break
        await asyncio.sleep(PRUNE_PAUSE_S)
    while deleted := await _prune_contexts(db, write, before):
        counts["chat_context"] += deleted
        await asyncio.sleep(PRUNE_PAUSE_S)
    return counts


async def _prune_answers(db: aiosqlite.Connection, before: float) -> dict[str, int]:
    rows = await db.execute_fetchall(
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
        cursor = await db.execute(
            f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))", (ids,)
        )
        counts[table] = cursor.rowcount
        await cursor.close()
    return counts


async def _prune_contexts(db: aiosqlite.Connection, write: asyncio.Lock, before: float) -> int:
    async with write:
        cursor = await db.execute(
            "DELETE FROM chat_context WHERE key IN "
            "(SELECT key FROM chat_context WHERE updated_at < ? LIMIT ?)",
            (before, PRUNE_BATCH),
        )
        deleted = cursor.rowcount
        await cursor.close()
    return deleted
