"""A concept described instead of named, asked for by its name."""

from __future__ import annotations

import pytest
from answers import answered_by

from bot.core import naming
from bot.core.library import Library


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("用人给回答排序评级再拿去训练模型的那个技术是什么", "用人给回答排序评级再拿去训练模型"),
        ("模型遇到未知数据也能处理好，这种能力叫什么", "模型遇到未知数据也能处理好"),
        ("那个让人工智能想一步走一步的玩意儿叫什么来着", "让人工智能想一步走一步"),
    ],
)
def test_the_description_of_a_name_asked_for_is_found(text: str, description: str) -> None:
    assert naming.described(text) == description


@pytest.mark.parametrize("text", ["chatgpt是什么", "什么是rlhf", "这个叫什么", "它的英文名是什么"])
def test_a_question_that_describes_nothing_has_no_description(text: str) -> None:
    assert naming.described(text) is None


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # Declined (0.20 to 0.27): no phrasing of any entry describes what these do.
        ("用人给答案排序打分、再拿去训练模型的那个技术是什么？", "rlhf"),
        ("让人给模型的回答打分排序，再拿来训练模型，这种做法叫什么？", "rlhf"),
        ("模型遇到没见过的数据也能处理好，这种能力叫什么？", "generalization"),
        # The lexicon reads 一步一步推理 as 思维链: the description named it.
        ("让AI先一步一步推理、再给出答案的那个方法叫什么？", "chain-of-thought"),
    ],
)
def test_a_concept_described_is_answered_with_its_definition(
    library: Library, question: str, entry_id: str
) -> None:
    assert answered_by(library, question) == entry_id


def test_a_name_written_in_the_description_is_what_it_is_used_on(library: Library) -> None:
    # "训练ChatGPT的那个方法" asks for a method, not for ChatGPT.
    assert answered_by(library, "用人类打分来训练chatgpt那个方法叫啥") != "chatgpt-definition"


@pytest.mark.parametrize(
    "question",
    [
        "能自动驾驶汽车的那个技术叫什么",
        "把人脸换掉的那种技术是什么",
        "ChatGPT背后的那个模型叫什么公司",
    ],
)
def test_a_description_no_definition_says_is_not_answered_by_one(
    library: Library, question: str
) -> None:
    match = library.match(question)
    assert match.answered is None or not naming.defines(match.answered.entry)


def test_only_the_end_of_a_long_message_is_read_for_a_description() -> None:
    # A 4,000-character message was read whole: the patterns tried every start in it.
    question = "模型遇到未知数据也能处理好，这种能力叫什么"
    long = "很长的前言" * 800 + question
    described = naming.described(long)
    assert described is not None and len(described) < naming.MAX_DESCRIBED_CHARS
    assert described.endswith("模型遇到未知数据也能处理好")
    assert not naming.may_ask_a_name("很长的前言" * 800)
    assert naming.may_ask_a_name(long)
