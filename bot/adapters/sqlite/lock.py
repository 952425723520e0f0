"""One bot per database: an advisory lock beside the database file."""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import IO

from bot.errors import StoreError


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
