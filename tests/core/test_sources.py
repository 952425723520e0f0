"""Every entry's `source` leads to its sentence: a seed file, a heading and quotes found there."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _squeeze(text: str) -> str:
    """Whitespace and the width of brackets and commas do not matter when finding a quote."""
    text = re.sub(r"\s+", "", text)
    return text.replace("（", "(").replace("）", ")").replace("，", ",")


def test_every_source_names_a_seed_heading_and_quotes_in_it(library: Library) -> None:
    missing = []
    for entry in library.entries:
        for part in entry.source.split(";"):
            file, _, where = part.strip().partition("#")
            seed = SEEDS / file
            if not seed.is_file() or not where:
                missing.append((entry.id, part))
                continue
            text = _squeeze(seed.read_text(encoding="utf-8"))
            heading, *_ = where.split("「")
            for quote in [heading, *re.findall(r"「(.*?)」", where)]:
                if _squeeze(quote) not in text:
                    missing.append((entry.id, quote))
    assert missing == []
