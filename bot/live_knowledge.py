"""The knowledge in service, reloaded when its files change, never half-loaded.

A reload builds a complete new :class:`Library` off the event loop, then replaces the old one in
a single assignment. If anything is wrong, the old library stays in service and the report says
what is wrong (file:line, entry id, reason).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import astuple, dataclass, field, replace
from pathlib import Path

from watchfiles import awatch

from bot.core.knowledge import Entry
from bot.core.library import Library, fingerprint, load_library
from bot.errors import KnowledgeError

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400
"""Editors write a file in several steps; wait for them to settle before reloading."""
RELOAD_TIME_LIMIT_S = 60.0
"""A reload of the bundled knowledge takes about a second (two when the lexicon changes and
jieba is rebuilt); one that takes a minute is stuck, and the old knowledge keeps serving."""
RESTART_S = 5.0
"""Pause before watching again after the watcher itself failed."""


@dataclass(frozen=True, slots=True)
class ReloadReport:
    """What a reload did: which entries changed, or why nothing did."""

    ok: bool
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    error: str = ""
    unchanged: bool = False

    def summary(self) -> str:
        """One line for logs and admins."""
        if not self.ok:
            return f"知识库重新加载失败，继续使用旧版本：\n{self.error}"
        if self.unchanged:
            return "知识库没有变化。"
        parts = [
            f"新增 {len(self.added)}",
            f"删除 {len(self.removed)}",
            f"修改 {len(self.changed)}",
        ]
        names = [
            *(f"+{i}" for i in self.added),
            *(f"-{i}" for i in self.removed),
            *(f"~{i}" for i in self.changed),
        ]
        detail = f"（{', '.join(names[:12])}{' …' if len(names) > 12 else ''}）" if names else ""
        return f"知识库已重新加载：{'，'.join(parts)}{detail}"


@dataclass
class LiveLibrary:
    """Holds the library in service; `current()` is what every message uses."""

    directory: Path
    library: Library
    time_limit: float = RELOAD_TIME_LIMIT_S
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)
    _loading: asyncio.Future[Library] | None = field(default=None, repr=False)

    def current(self) -> Library:
        """The library in service now."""
        return self.library

    async def reload(self) -> ReloadReport:
        """Load, validate and index the directory again; swap only if all of it is good.

        Never raises (but for cancellation): whatever goes wrong is the report's `error`.
        """
        async with self._lock:
            old = self.library
            try:
                if fingerprint(self.directory) == old.fingerprint:
                    return ReloadReport(ok=True, unchanged=True)
                new = await self._load(old)
            except KnowledgeError as exc:
                return _failed(str(exc))
            except TimeoutError:  # an OSError: catch it first
                return _failed(f"{self.directory}: 加载超过 {self.time_limit:g} 秒，已放弃")
            except OSError as exc:
                return _failed(f"{self.directory}: {exc}")
            except Exception as exc:  # a reload must outlive any bug in a loader
                log.exception("knowledge reload failed unexpectedly")
                return _failed(f"{self.directory}: {type(exc).__name__}: {exc}")
            self.library = new
            report = diff(old, new)
            log.info("%s", report.summary())
            return report

    async def _load(self, old: Library) -> Library:
        """Load in a worker thread, so that the event loop keeps answering meanwhile; give up
        waiting after `time_limit` (a thread cannot be killed: it finishes unseen, and no
        second load starts until it has)."""
        if self._loading is not None and not self._loading.done():
            raise TimeoutError
        self._loading = asyncio.ensure_future(
            asyncio.to_thread(load_library, self.directory, previous=old)
        )
        return await asyncio.wait_for(asyncio.shield(self._loading), self.time_limit)

    async def watch(self, notify: Callable[[ReloadReport], Awaitable[None]]) -> None:
        """Reload whenever the directory changes, until cancelled; tell `notify` each time.

        Nothing a file or a notification does ends the watcher: if watching itself fails
        (the folder gone, say), it starts again after a pause.
        """
        while True:
            try:
                async for _changes in awatch(self.directory, debounce=DEBOUNCE_MS, recursive=True):
                    report = await self.reload()
                    if not report.unchanged:
                        await notify(report)
            except Exception:  # see the docstring
                log.exception("the knowledge watcher failed; watching again in %s s", RESTART_S)
            await asyncio.sleep(RESTART_S)


def _failed(reason: str) -> ReloadReport:
    log.error("knowledge reload failed, keeping the old version:\n%s", reason)
    return ReloadReport(ok=False, error=reason)


def diff(old: Library, new: Library) -> ReloadReport:
    """Entries added, removed and changed between two libraries."""
    before = {e.id: e for e in old.entries}
    after = {e.id: e for e in new.entries}
    changed = tuple(i for i in after if i in before and _content(before[i]) != _content(after[i]))
    return ReloadReport(
        ok=True,
        added=tuple(i for i in after if i not in before),
        removed=tuple(i for i in before if i not in after),
        changed=changed,
    )


def _content(entry: Entry) -> tuple[object, ...]:
    # Position in the file is not content: moving an entry is not a change.
    return astuple(replace(entry, line=0))
