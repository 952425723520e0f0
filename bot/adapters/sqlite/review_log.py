"""The review queue on SQLite: pending questions from the answer log, decisions in their table.

`ReviewLog` is the `ReviewStore` (bot.review) over the same database file as the store; like
the store, it lets no sqlite3.Error out (StoreError instead).
"""

from __future__ import annotations

from typing import Any

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.review import Decided, Decision, NewDecision, Pending, Source

QUEUE_LIMIT = 1000
"""The newest questions looked at: an admin works through the recent ones, not a year's worth."""
_UNDECIDED = (
    "NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.answer_id = a.id AND d.undone_at IS NULL)"
)
_DISLIKED_COMMENT = (
    "SELECT c.text FROM comments c JOIN votes v "
    "ON v.answer_id = c.answer_id AND v.user_id = c.user_id AND v.value = -1 "
    "WHERE c.answer_id = a.id ORDER BY c.created_at DESC, c.id DESC LIMIT 1"
)
_COLUMNS = "answer_id, source, query, decision, admin_id, decided_at, entry_id, file, phrasing"


class ReviewLog:
    """Pending questions (declined, did-you-mean, 👎 with a comment) and the decisions on them."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store

    async def pending(self) -> list[Pending]:
        """Undecided questions, oldest first, of the newest QUEUE_LIMIT."""
        rows = await self._store.read(
            "SELECT * FROM ("
            # A compound SELECT takes its column names from the first one.
            "SELECT a.id AS id, 'unanswered', a.chat_id, a.user_id, a.query, "
            "a.created_at AS created_at, NULL, '' AS comment "
            f"FROM answers a WHERE a.kind IN ('decline', 'suggest') AND {_UNDECIDED} "
            "UNION ALL "
            "SELECT a.id, 'disliked', a.chat_id, a.user_id, a.query, a.created_at, a.entry_id, "
            f"({_DISLIKED_COMMENT}) FROM answers a "
            f"WHERE a.kind = 'answer' AND {_UNDECIDED}"
            ") WHERE comment IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT ?",
            (QUEUE_LIMIT,),
        )
        return [
            Pending(int(i), Source(s), int(c), int(u), str(q), float(t), e, str(m))
            for i, s, c, u, q, t, e, m in reversed(rows)
        ]

    async def decided_queries(self) -> list[str]:
        """The questions with a decision in force."""
        rows = await self._store.read("SELECT query FROM review_decisions WHERE undone_at IS NULL")
        return [str(query) for (query,) in rows]

    async def record(self, decision: NewDecision) -> int | None:
        """Log a decision; None when the question already has one in force."""
        rows = await self._store.write(
            f"INSERT OR IGNORE INTO review_decisions ({_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                decision.answer_id,
                decision.source.value,
                decision.query,
                decision.decision.value,
                decision.admin_id,
                decision.at,
                decision.entry_id,
                decision.file,
                decision.phrasing,
            ),
        )
        return int(rows[0][0]) if rows else None

    async def decisions(self) -> list[Decided]:
        """Every decision, newest first."""
        rows = await self._store.read(
            f"SELECT id, undone_at, {_COLUMNS} FROM review_decisions ORDER BY id DESC"
        )
        return [_decided(row) for row in rows]

    async def decision(self, decision_id: int) -> Decided | None:
        """One decision by its number."""
        rows = await self._store.read(
            f"SELECT id, undone_at, {_COLUMNS} FROM review_decisions WHERE id = ?",
            (decision_id,),
        )
        return _decided(rows[0]) if rows else None

    async def mark_undone(self, decision_id: int, at: float) -> bool:
        """Mark a decision undone (its question is pending again); False if it already was."""
        rows = await self._store.write(
            "UPDATE review_decisions SET undone_at = ? "
            "WHERE id = ? AND undone_at IS NULL RETURNING id",
            (at, decision_id),
        )
        return bool(rows)


def _decided(row: tuple[Any, ...]) -> Decided:
    number, undone_at, answer_id, source, query, decision, admin, at, entry, file, phrasing = row
    logged = NewDecision(
        int(answer_id),
        Source(source),
        str(query),
        Decision(decision),
        int(admin),
        float(at),
        entry,
        file,
        phrasing,
    )
    return Decided(int(number), logged, None if undone_at is None else float(undone_at))
