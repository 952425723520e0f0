"""What kind of fact a question asks for, what an answer holds, and the damping that follows."""

from __future__ import annotations

import pytest

from bot.core import facts
from bot.core.facts import Fact
from bot.core.library import Library


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("GPT-3有多少参数", Fact.NUMBER),
        ("How many users does ChatGPT have", Fact.NUMBER),
        ("ChatGPT是什么时候推出的", Fact.DATE),
        ("when was ChatGPT launched", Fact.DATE),
        ("GPT-1是哪一年发布的", Fact.DATE),
        ("GPT有几个版本", Fact.NONE),  # answered by a list as often as by a count
        ("什么是大模型", Fact.NONE),
    ],
)
def test_the_fact_a_question_asks_for(library: Library, question: str, wanted: Fact) -> None:
    reading = library.read(question)
    assert facts.asked(library.analyzer.tokenise(reading.corrected)) == wanted


@pytest.mark.parametrize(
    ("answer", "holds"),
    [
        ("GPT-3具有1750亿参数", Fact.NUMBER),
        ("大模型通常有数十亿个参数", Fact.NUMBER),
        ("于2022年11月推出", Fact.NUMBER | Fact.DATE),
        ("写于2023年初", Fact.NUMBER | Fact.DATE),
        ("GPT系列有GPT-1、GPT-2、GPT-3.5和GPT-4", Fact.NONE),  # versions are names, not figures
        ("ChatGPT建立在GPT系列模型之上", Fact.NONE),
    ],
)
def test_the_facts_an_answer_holds(answer: str, holds: Fact) -> None:
    assert facts.held(answer) == holds


def test_an_entry_without_the_asked_fact_is_damped(library: Library) -> None:
    # gpt-versions names every version but gives no figure and no date.
    asked = {hit.entry.id: hit for hit in library.search("GPT-1是哪一年发布的", limit=5)}
    plain = {hit.entry.id: hit for hit in library.search("GPT-1是什么", limit=5)}
    assert not asked["gpt-versions"].fact_held and plain["gpt-versions"].fact_held
    assert asked["gpt-versions"].score < plain["gpt-versions"].score
    assert library.match("GPT-1是哪一年发布的").answered is None


def test_an_entry_with_the_asked_fact_is_not_damped(library: Library) -> None:
    match = library.match("ChatGPT是什么时候推出的")
    assert match.answered is not None and match.answered.fact_held
