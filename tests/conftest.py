"""Shared fixtures: the real bundled knowledge (loaded once per session) and a real database.

The suite runs on two workers (`-n 2 --dist loadfile` in pyproject.toml): a module's tests stay
together on one worker, so a module's emulator, bot and Chromium are never shared or doubled.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.core.library import Library, load_library
from bot.core.text import Analyzer, load_lexicon

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"


SLOWEST = ("test_api_outage_e2e.py", "test_live_knowledge.py", "test_feedback_review.py")
"""The modules that wait longest (40, 30 and 15 s on 2026-12-02: outages, watchers, pruning)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest modules first, then the other end-to-end ones: the two workers take modules in
    this order, so the long waits start at once and the quick unit modules fill in beside them
    (in file order, the 40 s outage module came last and ran alone)."""

    def weight(item: pytest.Item) -> int:
        if item.path.name in SLOWEST:
            return 0
        return 1 if "e2e" in item.path.parts else 2

    items.sort(key=weight)  # stable: the order within a group stays the file order


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The text pipeline with the bundled lexicon."""
    return Analyzer(load_lexicon(KNOWLEDGE))


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled knowledge, validated and indexed."""
    return load_library(KNOWLEDGE)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    """A real database file of the test's own, opened and closed around it."""
    store = await SqliteStore.open(tmp_path / "bot.sqlite3")
    yield store
    await store.close()
