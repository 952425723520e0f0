"""Conversation cases: reading the scenarios file and judging a reply."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.conversations import ExpectedTurn, scenarios_from
from bot.errors import KnowledgeError

FILE = Path("talk.yaml")


def test_a_turn_reads_with_its_defaults() -> None:
    (scenario,) = scenarios_from(FILE, {"scenarios": [{"turns": [{"chat": "-3", "say": "hi"}]}]})
    (turn,) = scenario.turns
    assert scenario.name == "#1" and turn.user == "u--3" and turn.in_group
    assert turn.matched is None and turn.any == () and not turn.restart


def test_each_expectation_is_checked_against_the_reply() -> None:
    turn = ExpectedTurn("1", "u", "继续", matched=True, any=("参数",), none=("GPT-4",))
    assert turn.failures("大模型的参数很多", True, []) == []
    assert turn.failures("大模型", False, []) == [
        "应当回答",
        "回复里没有 ['参数'] 中的任何一个",
    ]
    assert turn.failures("GPT-4的参数", True, []) == ["回复里不该有 ['GPT-4']"]
    fresh = ExpectedTurn("1", "u", "继续", new_text=True)
    assert fresh.failures("同一段", True, ["同一段"]) == ["回复和之前的一样（或是空的）"]
    assert fresh.failures("  ", True, []) == ["回复和之前的一样（或是空的）"]


def test_a_reply_in_traditional_characters_is_checked_in_simplified() -> None:
    # A traditional question gets a traditional reply; the file's strings are simplified.
    turn = ExpectedTurn("1", "u", "大模型有多少參數", any=("参数",), none=("GPT-4",))
    assert turn.failures("大模型的參數規模巨大", True, []) == []
    assert turn.failures("大模型的規模", True, []) == ["回复里没有 ['参数'] 中的任何一个"]
    assert ExpectedTurn("1", "u", "x", any=("參數",)).failures("参数", True, []) == []


@pytest.mark.parametrize(
    "data",
    [
        {"scenarios": []},
        {"scenarios": [{"name": "x"}]},
        {"scenarios": [{"turns": [{"chat": "1"}]}]},
        {"scenarios": [{"turns": [{"say": "hi", "matched": "yes"}]}]},
        {"scenarios": [{"turns": [{"say": "hi", "any": "参数"}]}]},
    ],
)
def test_a_malformed_scenario_is_a_knowledge_error_naming_the_file(data: object) -> None:
    with pytest.raises(KnowledgeError) as raised:
        scenarios_from(FILE, data)
    assert raised.value.problems[0].file == "talk.yaml"
