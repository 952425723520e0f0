"""Readings of follow-ups against a small vocabulary (no knowledge files needed)."""

from __future__ import annotations

import pytest

from bot.core.follow_up import Context, Reference, restatements
from bot.core.vocabulary import Vocabulary

NAMES = ("chatgpt", "gpt", "gpt-3", "大模型", "生成式ai")
VOCABULARY = Vocabulary(
    names=NAMES,
    terms=frozenset({*NAMES, "参数", "训练数据"}),
    display={name: name for name in NAMES},
)
TRAINING = Context("chatgpt", "chatgpt是怎么训练的")


def texts(text: str, context: Context = TRAINING) -> list[str]:
    return [r.text for r in restatements(text, context, VOCABULARY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("它有多少参数", "chatgpt有多少参数"),
        ("这个是谁开发的", "chatgpt是谁开发的"),
        ("那它的缺点呢", "chatgpt的缺点"),
        ("where was it trained", "where was chatgpt trained"),
    ],
)
def test_a_pronoun_means_the_subject(text: str, expected: str) -> None:
    assert texts(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("btw它是在哪训练的", "btw chatgpt是在哪训练的"),
        ("它plus版多少钱", "chatgpt plus版多少钱"),
        ("那个15年前的人叫啥", "chatgpt15年前的人叫啥"),
    ],
)
def test_a_name_put_in_never_runs_into_a_latin_word_beside_it(text: str, expected: str) -> None:
    # Glued, "btwchatgpt" would be a name the knowledge does not know, and the question declined.
    assert texts(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("回到gpt它是怎么生成文本的", "回到gpt gpt是怎么生成文本的"),
        ("大模型，它有多少参数", "大模型，大模型有多少参数"),
    ],
)
def test_it_right_after_a_name_is_that_name(text: str, expected: str) -> None:
    assert texts(text) == [expected]


def test_it_after_a_name_and_more_words_is_still_the_subject() -> None:
    assert texts("那gpt跟它比呢")[0] == "gpt跟chatgpt比"


def test_a_pronoun_may_also_mean_another_name_of_the_last_question() -> None:
    context = Context("生成式ai", "大模型和生成式ai啥关系")
    assert texts("它跟chatgpt的关系", context) == [
        "生成式ai跟chatgpt的关系",
        "大模型跟chatgpt的关系",
    ]


def test_both_of_them_means_the_two_names_asked_about() -> None:
    context = Context("gpt", "gpt和chatgpt有什么区别")
    assert texts("它俩有什么联系", context)[0] == "gpt和chatgpt有什么联系"


def test_both_asked_how_they_differ_may_be_the_subject_before_and_this_one() -> None:
    # "两者最大区别？" after "GPT有啥核心特点" and "那ChatGPT呢" was ChatGPT against GPT-3.
    context = Context("chatgpt", "chatgpt有啥核心特点", given_earlier=lambda: "gpt")
    assert texts("两者最大区别", context)[0] == "gpt和chatgpt最大区别"
    # Asked anything else, both are not guessed from the subjects before.
    assert not any("gpt和chatgpt" in t for t in texts("它俩对ai有啥好处", context))


def test_a_determiner_before_a_name_is_no_pronoun() -> None:
    assert texts("这个大模型是什么") == []


@pytest.mark.parametrize(("text"), ["那gpt呢", "gpt呢", "那么gpt呢", "gpt怎么样"])
def test_ellipsis_with_a_name_asks_the_last_question_about_it(text: str) -> None:
    readings = restatements(text, TRAINING, VOCABULARY)
    assert [(r.text, r.reference, r.about) for r in readings] == [
        ("gpt是怎么训练的", Reference.NAME, "gpt")
    ]


def test_an_ellipsis_chain_keeps_the_question() -> None:
    aspect = Context("大模型", "大模型有啥特征")
    assert texts("那参数呢", aspect) == ["大模型的参数"]
    then = Context("大模型", "大模型的参数")
    assert texts("那gpt-3呢", then) == ["gpt-3的参数"]


def test_a_model_s_name_takes_the_place_of_a_model_s_name_not_of_the_concept_asked() -> None:
    pretraining = Context("大模型", "gpt用什么数据训练大模型")
    assert texts("那chatgpt呢", pretraining) == ["chatgpt用什么数据训练大模型"]
    # A concept still takes the concept's place.
    assert texts("那生成式ai呢", pretraining) == ["gpt用什么数据训练生成式ai"]


def test_a_name_with_a_word_saying_which_is_meant_is_an_ellipsis() -> None:
    memory = Context("chatgpt", "chatgpt能记住上下文吗")
    assert texts("那普通gpt呢", memory) == ["普通gpt能记住上下文吗"]
    # Not a word before the name that asks something itself.
    assert texts("那什么gpt呢", memory) == []


@pytest.mark.parametrize("text", ["文心一言怎么样", "今天北京天气怎么样", "chatgpt的缺点呢"])
def test_a_focus_the_knowledge_does_not_know_is_a_new_question(text: str) -> None:
    assert texts(text) == []


def test_a_question_leaning_on_the_last_one_carries_it_on() -> None:
    context = Context("大模型", "大模型面临哪些挑战")
    readings = restatements("那怎么解决", context, VOCABULARY)
    assert [r.text for r in readings] == ["大模型面临哪些挑战 怎么解决", "大模型怎么解决"]
    assert all(r.reference is Reference.IMPLICIT for r in readings)


def test_the_other_one_is_the_other_name_the_last_question_gave() -> None:
    context = Context("大模型", "大模型和生成式ai 先说说大模型有啥特点")
    readings = restatements("那另一个呢", context, VOCABULARY)
    assert all("生成式ai" in r.text for r in readings)
    assert (readings[-1].text, readings[-1].about) == ("生成式ai", "生成式ai")


@pytest.mark.parametrize(
    "other_one", ["那另一个呢", "and the other one", "什么about the other one"]
)
def test_the_other_one_is_the_name_not_told_first(other_one: str) -> None:
    # The entry compares both, and its subject (by its tags) was GPT: "先讲ChatGPT" says which
    # one the member heard about first.
    context = Context("gpt", "gpt和chatgpt交互设计上有啥不一样 先讲chatgpt")
    readings = restatements(other_one, context, VOCABULARY)  # as normalised: what → 什么
    assert readings and readings[-1].about == "gpt"


@pytest.mark.parametrize("asked", ["chatgpt是怎么训练的", "gpt和gpt-3和chatgpt有啥区别"])
def test_the_other_one_of_no_two_names_has_no_reading(asked: str) -> None:
    assert texts("那另一个呢", Context("chatgpt", asked)) == []


def test_a_correction_restates_the_last_question() -> None:
    context = Context("chatgpt", "chatgpt有哪些核心特点")
    readings = restatements("不是我是说gpt", context, VOCABULARY)
    assert [(r.text, r.reference) for r in readings] == [
        ("gpt有哪些核心特点", Reference.CORRECTION)
    ]


@pytest.mark.parametrize("text", ["什么是大模型", "大模型是什么呢", "尤其是大模型"])
def test_standalone_questions_have_no_reading(text: str) -> None:
    assert texts(text) == []


def test_no_context_no_reading() -> None:
    assert texts("它有多少参数", Context("", "")) == []


def test_names_are_found_longest_first() -> None:
    assert VOCABULARY.names_in("chatgpt和gpt-3和gpt") == ["chatgpt", "gpt-3", "gpt"]
