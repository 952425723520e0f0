"""Shared fixtures: the real bundled knowledge (loaded once per session) and a real database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.core.library import Library, load_library
from bot.core.text import Analyzer, load_lexicon

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"


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
