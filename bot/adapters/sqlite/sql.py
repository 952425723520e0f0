"""How this package runs SQL: transactions, and sqlite3 errors turned into StoreError."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

import aiosqlite

from bot.core.reply import ReplyKind
from bot.errors import StoreError

P = ParamSpec("P")
T = TypeVar("T")

ANSWER_EXISTS = "EXISTS (SELECT 1 FROM answers WHERE id = ?)"


Work = Callable[P, Coroutine[Any, Any, T]]


def reply_kind(value: object) -> ReplyKind:
    """The kind column of the answer log read back as the enum it was written from."""
    try:
        return ReplyKind(value)
    except ValueError:
        raise StoreError(f"the answer log holds an unknown kind of reply: {value!r}") from None


def translated(what: str) -> Callable[[Work[P, T]], Work[P, T]]:
    """Decorate a coroutine so that a sqlite3.Error leaves it as StoreError("<what>: ...")."""

    def decorate(work: Work[P, T]) -> Work[P, T]:
        @functools.wraps(work)
        async def run(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return await work(*args, **kwargs)
            except sqlite3.Error as exc:
                raise StoreError(f"{what}: {exc}") from exc

        return run

    return decorate


async def transaction(
    db: aiosqlite.Connection, work: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run `work` in one immediate transaction (the caller holds the store's write lock)."""
    await db.execute("BEGIN IMMEDIATE")
    try:
        result = await work(*args, **kwargs)
    except BaseException:
        await db.execute("ROLLBACK")
        raise
    await db.execute("COMMIT")
    return result
