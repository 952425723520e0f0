"""Points of a listed answer, asked about by their head or their place."""

from __future__ import annotations

import pytest

from bot.core.knowledge import Entry
from bot.core.parts import (
    after,
    asked,
    asks_next,
    counted,
    gist,
    list_asked,
    name_given,
    place_of,
    points,
)

STEPS = Entry(
    id="steps",
    question="它怎么工作？",
    alternatives=(),
    keywords=(),
    subject="ChatGPT",
    answer="《甲》说，分三步：\n- 预训练：在海量文本上训练。\n- 微调：针对特定任务。\n"
    "- 对话生成：生成回复。",
)
USES = Entry(
    id="uses",
    question="有哪些应用？",
    alternatives=(),
    keywords=(),
    subject="生成式AI",
    answer="应用很多：\n- 艺术创作：帮助艺术家。\n- 训练数据：海量。\n- 训练和优化：耗时。\n"
    "不是列表的一行：说明",
)


def test_an_answer_lists_its_headed_bullet_lines_in_order() -> None:
    assert [(p.head, p.says) for p in points(STEPS)] == [
        ("预训练", "在海量文本上训练。"),
        ("微调", "针对特定任务。"),
        ("对话生成", "生成回复。"),
    ]
    assert points(Entry("x", "?", (), (), "", "没有列表：只是一句话。")) == ()


@pytest.mark.parametrize(
    ("message", "head"),
    [
        ("第二步具体做啥", "微调"),
        ("我是想问第1步", "预训练"),
        ("第三点呢", "对话生成"),
        # In English, with what it places (normalised: step is 步骤, no spaces).
        ("okandthefirst步骤", "预训练"),
        ("thesecondone", "微调"),
        ("andthelastpoint", "对话生成"),
    ],
)
def test_a_place_names_the_point_of_the_latest_list_long_enough(message: str, head: str) -> None:
    part = asked(message, [STEPS, USES])
    assert part is not None and (part.entry.id, part.head) == ("steps", head)


def test_a_place_past_the_latest_list_is_asked_of_the_one_before() -> None:
    part = asked("第四个", [Entry("short", "?", (), (), "", "- 甲乙：一\n- 丙丁：二"), USES])
    assert part is None  # neither lists four
    part = asked("第三点", [Entry("short", "?", (), (), "", "- 甲乙：一\n- 丙丁：二"), USES])
    assert part is not None and (part.entry.id, part.head) == ("uses", "训练和优化")


@pytest.mark.parametrize(
    ("message", "head"),
    [
        ("艺术那块具体说说", "艺术创作"),
        ("展开说说艺术创作", "艺术创作"),
        ("这一点：微调", "微调"),
        ("艺术方面具体怎么帮忙", "艺术创作"),
    ],
)
def test_a_head_with_a_word_pointing_at_a_part_names_it(message: str, head: str) -> None:
    part = asked(message, [USES, STEPS])
    assert part is not None and part.head == head


@pytest.mark.parametrize(
    "message",
    [
        "艺术创作是什么",  # names the head, points at nothing said: a question of its own
        "训练那块呢",  # 训练数据 or 训练和优化: unclear
        "数据那块呢",  # no list names it
        "那块呢",
    ],
)
def test_no_point_is_asked_without_a_pointing_word_and_one_head(message: str) -> None:
    assert asked(message, [USES, STEPS]) is None


def test_numbered_lines_and_a_counted_sentence_are_lists_too() -> None:
    numbered = "大致分三步：\n1. 监督学习：扮演用户。\n2. 建立奖励模型：评级。"
    steps = Entry("t", "?", (), (), "", numbered)
    assert [p.head for p in points(steps)] == ["监督学习", "建立奖励模型"]
    said = "好处有四点：提高能力、增强体验（文章提到客服）、推动多模态AI发展、促进创新。总结如下。"
    sentence = Entry("s", "?", (), (), "", said)
    assert points(sentence) == ()  # no heads a message could name
    heads = ["提高能力", "增强体验", "推动多模态AI发展", "促进创新"]
    assert [p.head for p in counted(sentence)] == heads
    part = asked("第三点什么意思", [sentence])
    assert part is not None and part.head == "推动多模态AI发展"
    named = asked("多模态AI那点展开说说", [sentence])  # a stretch of the item names it
    assert named is not None and named.head == "推动多模态AI发展"
    aside = asked("第二点", [sentence])
    assert aside is not None and aside.says == "增强体验（文章提到客服）"
    assert asked("推动那块呢", [sentence]) is None


def test_features_listed_in_a_sentence_are_a_list() -> None:
    said = "GPT是一类语言模型。它的核心特点是：自回归生成、大规模预训练、多用途（也能做下游任务）。"
    features = Entry("f", "?", (), (), "GPT", said)
    assert [p.head for p in counted(features)] == ["自回归生成", "大规模预训练", "多用途"]
    second = asked("第二点呢", [features])
    assert second is not None and second.head == "大规模预训练"
    # A sentence that says what a feature is, listing nothing: no list.
    one = Entry("o", "?", (), (), "大模型", "它把计算能力强列为特征：训练要耗费大量资源。")
    assert counted(one) == ()


@pytest.mark.parametrize("message", ["具体体现在哪几个方面", "分别是什么", "有哪几点"])
def test_asking_for_the_points_gives_the_latest_list(message: str) -> None:
    plain = Entry("p", "?", (), (), "", "没有列表。")
    assert [p.head for p in list_asked(message, [plain, USES])][:1] == ["艺术创作"]
    assert list_asked("它是什么", [USES]) == ()


def test_the_gist_of_an_answer_is_its_lead_with_its_lists_heads() -> None:
    assert gist(STEPS) == "《甲》说，分三步：预训练、微调、对话生成。"
    plain = Entry(
        id="plain",
        question="它是什么？",
        alternatives=(),
        keywords=(),
        subject="ChatGPT",
        answer="它是一个聊天机器人。它由OpenAI开发。",
    )
    assert gist(plain) == "它是一个聊天机器人。"
    # Lines with no heads: the whole first paragraph is the short of it.
    summary = Entry(
        id="summary",
        question="有什么区别？",
        alternatives=(),
        keywords=(),
        subject="GPT",
        answer="总结是：\n- GPT是通用的。\n- ChatGPT是聊天的。\n\n细节：\n- 模型：不同。",
    )
    assert gist(summary) == "总结是：\n- GPT是通用的。\n- ChatGPT是聊天的。"


def test_a_head_is_named_without_its_aside() -> None:
    techniques = Entry(
        id="techniques",
        question="有哪些关键技术？",
        alternatives=(),
        keywords=(),
        subject="GPT",
        answer="六项：\n- 超大规模预训练模型：参数越多越强。\n"
        "- 提示/指令模式（Prompt/Instruct Learning）：统一为提示。\n"
        "- 思维链（Chain of Thought）：用代码训练。",
    )
    assert [part.head for part in points(techniques)] == [
        "超大规模预训练模型",
        "提示/指令模式",
        "思维链",
    ]


@pytest.mark.parametrize(
    ("message", "head"),
    [
        ("第三", "对话生成"),
        ("首先那点展开说说", "预训练"),
        ("其次呢", "微调"),
        ("最后一步", "对话生成"),
    ],
)
def test_a_place_may_be_said_in_more_ways(message: str, head: str) -> None:
    found = asked(message, [STEPS])
    assert found is not None and found.head == head


def test_the_next_point_is_the_one_after_the_place_shown() -> None:
    second = asked("第二步", [STEPS])
    assert second is not None and place_of(second) == 2
    following = after(STEPS, place_of(second))
    assert following is not None and following.head == "对话生成"
    assert after(STEPS, 3) is None
    assert asks_next("下一个") and asks_next("再下一个") and asks_next("下一步呢")
    assert not asks_next("下一个版本是啥")


def test_a_point_may_be_named_by_what_its_line_says() -> None:
    part = asked("海量文本那块展开说说", [USES, STEPS])
    assert part is not None and part.head == "预训练"


def test_a_head_named_in_an_older_answer_comes_before_a_line_of_the_latest() -> None:
    # The latest answer's 能力 line says 对话生成; an older one has it as a head, which wins.
    latest = Entry(
        id="latest",
        question="区别？",
        alternatives=(),
        keywords=(),
        subject="GPT",
        answer="对比：\n- 能力：擅长对话生成和交互。\n- 目标：通用。",
    )
    part = asked("对话生成那块展开说说", [latest, STEPS])
    assert part is not None and part.entry is STEPS


def test_words_no_line_repeats_name_no_point() -> None:
    assert asked("量子计算那块展开说说", [USES, STEPS]) is None


def test_words_of_the_entry_s_own_question_name_no_point() -> None:
    # 大模型 is in one line of the uses of 生成式AI和大模型, and in the question: it names the
    # whole answer ("那大模型有啥难处，我们这点服务器扛得住吗" was given the 智能客服 line).
    uses = Entry(
        id="uses",
        question="生成式AI和大模型有哪些应用？",
        alternatives=(),
        keywords=(),
        subject="生成式AI",
        answer="应用很多：\n- 艺术创作：帮助艺术家。\n- 智能客服：通过训练大模型模拟对话。",
    )
    assert asked("那大模型有什么难处我们这点服务器扛得住吗", [uses]) is None
    part = asked("模拟对话那点展开说说", [uses])
    assert part is not None and part.head == "智能客服"


REASONING = Entry(
    "reasoning",
    "推理能力是怎么出现的？",
    (),
    (),
    "",
    "讲“超大规模预训练模型”时说：参数超过600亿时，推理能力得以显现。"
    "二是代码数据，用代码训练的语言模型可以获得推理能力（文章把这一点放在“思维链”下）。",
)


@pytest.mark.parametrize("message", ["这个技术叫什么", "这个技术叫什么来着", "这种方法叫什么名字"])
def test_what_it_is_called_is_the_name_in_the_clause_that_answered(message: str) -> None:
    assert name_given(message, REASONING, "为什么用代码训练能让模型会推理") == "思维链"
    # Asked of the other clause, the other name.
    assert name_given(message, REASONING, "参数超过多少推理能力显现") == "超大规模预训练模型"


def test_no_name_when_the_message_asks_something_else_or_no_clause_answers() -> None:
    assert name_given("这个技术有什么用", REASONING, "为什么用代码训练能让模型会推理") is None
    assert name_given("这个技术叫什么", REASONING, "今天天气如何") is None


def test_lines_without_heads_are_points_named_by_their_first_clause() -> None:
    weaknesses = Entry(
        id="weaknesses",
        question="有哪些缺点？",
        alternatives=(),
        keywords=(),
        subject="ChatGPT",
        answer="《甲》提到两点：\n- 事实准确性参差不齐，这被认为是一个重大缺陷。\n"
        "- 涉及意识形态，需要校正。",
    )
    assert [part.head for part in counted(weaknesses)] == ["事实准确性参差不齐", "涉及意识形态"]
    part = asked("第二个呢", [weaknesses])
    assert part is not None and part.says == "涉及意识形态，需要校正。"


def test_what_each_article_says_is_no_list_of_points() -> None:
    sources = Entry(
        id="sources",
        question="什么是预训练？",
        alternatives=(),
        keywords=(),
        subject="预训练",
        answer="文章说法有两处：\n- 《ChatGPT与GPT的区别与联系》：用未标注的文本训练。\n"
        "- 《大模型与ChatGPT的关系》：先学语言结构。",
    )
    assert counted(sources) == ()


def test_the_short_of_what_was_asked_further_on_is_the_sentence_that_says_it() -> None:
    scale = Entry(
        id="scale",
        question="为什么模型越大能力越强？",
        alternatives=(),
        keywords=(),
        subject="大模型",
        answer="研究者发现，随着参数增长，模型能力不断提升。\n\n推理能力的另一个来源是代码数据："
        "用代码训练的语言模型可以获得推理能力。",
    )
    assert gist(scale).startswith("研究者发现")  # asked nothing further: the first sentence
    assert gist(scale, "为啥用代码训练的模型会推理").startswith("推理能力的另一个来源是代码数据")
    # What the entry's own question asks is no reason to leave its first sentence.
    assert gist(scale, "为什么模型越大能力越强").startswith("研究者发现")
