"""Someone an answer names, pointed at by 他, 她 or "说这话的人"."""

from __future__ import annotations

import pytest

from bot.core.knowledge import Entry
from bot.core.people import spoken_of, told

QUOTING = Entry(
    id="quote",
    question="微软怎么评价它？",
    alternatives=(),
    keywords=(),
    subject="ChatGPT",
    answer="文章说它影响很大。微软公司人工智能平台主管埃里克·博伊德表示：它将改变人们与电脑互动的方式。",
)
NAMING_NONE = Entry(
    id="none",
    question="它是什么？",
    alternatives=(),
    keywords=(),
    subject="ChatGPT",
    answer="它是一种人工智能技术。",
)


@pytest.mark.parametrize(
    "message",
    ["他说了啥", "她是谁", "说这话的人是啥职位", "这个人是干嘛的", "那位大佬是哪家公司的"],
)
def test_someone_pointed_at_is_the_person_the_latest_answer_names(message: str) -> None:
    found = spoken_of(message, [NAMING_NONE, QUOTING])
    assert found is not None and found[0] is QUOTING and "埃里克·博伊德" in found[1]
    assert found[1].startswith("微软公司")  # that sentence only


@pytest.mark.parametrize(
    "message", ["他们说了啥", "其他的呢", "这个人工智能是啥", "这个人类反馈怎么收集"]
)
def test_no_one_pointed_at_is_no_person(message: str) -> None:
    assert spoken_of(message, [QUOTING]) is None


@pytest.mark.parametrize("message", ["他说了啥", "他是谁", "what did he say"])
def test_what_the_sentence_tells_of_someone_is_told(message: str) -> None:
    assert told(message)


@pytest.mark.parametrize(
    "message", ["他还说过啥别的没", "他还有什么其他观点", "what else did he say", "他今年多大"]
)
def test_what_else_they_said_is_more_than_the_sentence_tells(message: str) -> None:
    assert not told(message)
