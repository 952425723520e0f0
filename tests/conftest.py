"""Shared fixtures: the real bundled knowledge, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

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
