"""bench/calibrate.py must reproduce the bot's real scores, or it calibrates something else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.core.library import Library
from bot.core.search import WEIGHTS, Verdict, decide

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from calibrate import answered, rescore, rescored


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


@pytest.mark.parametrize(
    "question",
    [
        "什么是大模型",
        "装修要注意什么",
        "GPT-5什么时候发布",
        "奖励信号怎么来的",
        "RLHF训练时根本不用人来打分吧",  # a claim, answered on its lead
    ],
)
def test_calibration_decides_as_the_bot_does(library: Library, question: str) -> None:
    hits = library.search(question, limit=library.thresholds.max_suggestions + 2)
    scores = rescored([(False, hit) for hit in hits], WEIGHTS)
    bot_answers = decide(hits, library.thresholds).verdict is Verdict.ANSWER
    assert answered(scores, library.thresholds) == bot_answers
