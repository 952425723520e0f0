"""bench/calibrate.py must reproduce the bot's real scores, or it calibrates something else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.core.library import Library
from bot.core.search import WEIGHTS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from calibrate import rescore


@pytest.mark.parametrize(
    "question",
    [
        "什么是大模型",
        "ChatGPT有多少参数",  # a subject other entries do not name
        "文心一言是哪家公司做的",  # no subject of the entry named
        "Redis有哪些使用场景",  # a name no entry knows
        "Siri是哪家公司的产品",  # a latin name in a Chinese message
        "How is ChatGPT trained?",
    ],
)
def test_calibration_scores_every_candidate_as_the_search_does(
    library: Library, question: str
) -> None:
    hits = library.search(question, limit=12)
    assert hits
    for hit in hits:
        assert rescore(hit, WEIGHTS) == pytest.approx(hit.score, abs=1e-4)
