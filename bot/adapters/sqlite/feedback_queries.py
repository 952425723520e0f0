"""Read-only queries over the answer log for the admins' reviews (and retention).

`FeedbackQueries` is the `FeedbackReader` (bot.admin) on the SQLite store; like the store, it
lets no sqlite3.Error out (the store's `read` turns them into StoreError).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.sqlite.sql import reply_kind
from bot.core.reply import ReplyKind
from bot.feedback import EXPORTED_COLUMNS, Comment, Day, EntryFeedback, Unanswered

QUESTION_KINDS = tuple(k.value for k in (ReplyKind.ANSWER, ReplyKind.SUGGEST, ReplyKind.DECLINE))
"""Replies to a question (not a continue, small talk or reset): what the report counts per day."""


class FeedbackQueries:
    """The review queries, each limited to answers logged in [since, until)."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store

    async def count_answers(self, since: float) -> dict[ReplyKind, int]:
        """How many replies of each kind the log holds from `since` (UNIX time) on."""
        rows = await self._store.read(
            "SELECT kind, COUNT(*) FROM answers WHERE created_at >= ? GROUP BY kind", (since,)
        )
        return {reply_kind(kind): int(count) for kind, count in rows}

    async def per_entry(self, since: float, until: float) -> list[EntryFeedback]:
        """Per answered entry: first pages sent, 👍 and 👎 on any of its pages."""
        rows = await self._store.read(
            "SELECT a.entry_id, SUM(a.page <= 1), "
            "COALESCE(SUM(v.up), 0), COALESCE(SUM(v.down), 0) FROM answers a "
            "LEFT JOIN (SELECT answer_id, SUM(value = 1) AS up, SUM(value = -1) AS down "
            "           FROM votes GROUP BY answer_id) v ON v.answer_id = a.id "
            "WHERE a.kind = ? AND a.created_at >= ? AND a.created_at < ? "
            "GROUP BY a.entry_id",
            (ReplyKind.ANSWER.value, since, until),
        )
        return [EntryFeedback(str(e), int(n), int(u), int(d)) for e, n, u, d in rows]

    async def comments(self, since: float, until: float) -> list[Comment]:
        """Comments on answers logged in the window, newest first, with their user and chat."""
        rows = await self._store.read(
            "SELECT c.created_at, a.entry_id, a.query, COALESCE(v.value, 0), c.text, "
            "c.user_id, a.chat_id "
            "FROM comments c JOIN answers a ON a.id = c.answer_id "
            "LEFT JOIN votes v ON v.answer_id = c.answer_id AND v.user_id = c.user_id "
            "WHERE a.created_at >= ? AND a.created_at < ? ORDER BY c.created_at DESC, c.id DESC",
            (since, until),
        )
        return [
            Comment(float(t), e, str(q), int(v), str(x), int(u), int(c))
            for t, e, q, v, x, u, c in rows
        ]

    async def unanswered(self, since: float, until: float) -> list[Unanswered]:
        """Declined and did-you-mean questions (not continues or small talk)."""
        rows = await self._store.read(
            "SELECT created_at, query, kind, best_entry_id, score FROM answers "
            "WHERE kind IN (?, ?) AND created_at >= ? AND created_at < ? "
            "ORDER BY created_at",
            (ReplyKind.DECLINE.value, ReplyKind.SUGGEST.value, since, until),
        )
        return [Unanswered(float(t), str(q), reply_kind(k), b, float(s)) for t, q, k, b, s in rows]

    async def per_day(self, since: float, until: float) -> list[Day]:
        """Questions, 👍 and 👎 per UTC day, oldest first."""
        return [
            Day(dt.date.fromisoformat(str(day)), int(q), int(u), int(d))
            for day, q, u, d in await self._store.read(
                "SELECT date(a.created_at, 'unixepoch') AS day, SUM(a.page <= 1), "
                "COALESCE(SUM(v.up), 0), COALESCE(SUM(v.down), 0) FROM answers a "
                "LEFT JOIN (SELECT answer_id, SUM(value = 1) AS up, SUM(value = -1) AS down "
                "           FROM votes GROUP BY answer_id) v ON v.answer_id = a.id "
                "WHERE a.kind IN (?, ?, ?) "
                "AND a.created_at >= ? AND a.created_at < ? GROUP BY day ORDER BY day",
                (*QUESTION_KINDS, since, until),
            )
        ]

    async def count_before(self, before: float) -> dict[str, int]:
        """What `prune(before)` would delete, table by table (for --dry-run and the question)."""
        old_answers = "answer_id IN (SELECT id FROM answers WHERE created_at < ?)"
        counts = {}
        for table, where in (
            ("answers", "created_at < ?"),
            ("votes", old_answers),
            ("comments", old_answers),
            ("comment_requests", old_answers),
            ("chat_context", "updated_at < ?"),
        ):
            sql = f"SELECT COUNT(*) FROM {table} WHERE {where}"  # names from the tuple above
            [(count,)] = await self._store.read(sql, (before,))
            counts[table] = int(count)
        return counts

    async def prune(self, before: float) -> dict[str, int]:
        """Retention: delete what was logged before `before`."""
        return await self._store.prune(before)

    async def export(self, since: float, until: float) -> dict[str, list[dict[str, Any]]]:
        """The raw rows of answers, votes and comments in the window (columns: EXPORTED)."""
        tables: dict[str, list[dict[str, Any]]] = {}
        for table, (source, alias, columns) in EXPORTED.items():
            selected = ", ".join(f"{alias}.{column}" for column in columns)
            rows = await self._store.read(
                f"SELECT {selected} FROM {source} WHERE a.created_at >= ? AND a.created_at < ?",
                (since, until),
            )
            tables[table] = [dict(zip(columns, row, strict=True)) for row in rows]
        return tables


EXPORTED: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "answers": ("answers a", "a", EXPORTED_COLUMNS["answers"]),
    "votes": ("votes v JOIN answers a ON a.id = v.answer_id", "v", EXPORTED_COLUMNS["votes"]),
    "comments": (
        "comments c JOIN answers a ON a.id = c.answer_id",
        "c",
        EXPORTED_COLUMNS["comments"],
    ),
}
"""Per exported table: its rows joined to their answer (for the time window), and the columns
(bot.feedback.EXPORTED_COLUMNS, also the CSV header when a table has no rows)."""
