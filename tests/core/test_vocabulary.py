"""The names and terms a message mentions, found against a small vocabulary."""

from __future__ import annotations

import pytest

from bot.core.vocabulary import Vocabulary

NAMES = ("chatgpt", "gpt", "gpt-3", "大模型", "生成式ai")
VOCABULARY = Vocabulary(
    names=NAMES,
    terms=frozenset({*NAMES, "参数", "训练数据"}),
    display={name: name for name in NAMES},
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("chatgpt和gpt有什么区别", ["chatgpt", "gpt"]),
        ("gpt-3有多少参数", ["gpt-3"]),
        ("大 模型是什么", ["大模型"]),
        ("生成式ai和大模型", ["生成式ai", "大模型"]),
        ("它有多少参数", []),
        ("", []),
    ],
)
def test_names_are_found_left_to_right_each_the_longest_that_fits(
    text: str, names: list[str]
) -> None:
    assert VOCABULARY.names_in(text) == names


@pytest.mark.parametrize(
    ("text", "mentions"),
    [("它的训练数据呢", True), ("那参数呢", True), ("今天天气怎么样", False), ("训练", False)],
)
def test_a_term_is_any_name_or_keyword(text: str, mentions: bool) -> None:
    assert VOCABULARY.mentions_term(text) is mentions


@pytest.mark.parametrize(
    ("text", "heads"),
    [("训练", True), ("训练数据", False), ("训", False), ("数据", False), ("参", False)],
)
def test_a_word_that_begins_a_longer_term_heads_it(text: str, heads: bool) -> None:
    # 训练 begins 训练数据; a term is no head of itself, a character alone no word.
    assert VOCABULARY.heads_a_term(text) is heads
