"""The `kb check` lint for answers that say the same thing twice."""

from __future__ import annotations

from bot.core.evaluation import answer_sentences, find_shared_sentences
from bot.core.knowledge import Entry
from bot.core.library import Library


def entry(entry_id: str, answer: str) -> Entry:
    return Entry(
        id=entry_id,
        question=f"{entry_id}是什么？",
        alternatives=("a", "b", "c"),
        keywords=(entry_id,),
        subject=entry_id,
        answer=answer,
        file="topic.yaml",
        line=3,
    )


def test_sentences_ignore_bullets_width_case_and_end_marks() -> None:
    assert answer_sentences("- ＧＰＴ是一类语言模型。它基于Transformer！\n\n第二段；") == [
        "gpt是一类语言模型",
        "它基于transformer",
        "第二段",
    ]


def test_a_line_that_only_introduces_a_list_is_no_sentence() -> None:
    assert answer_sentences("《ChatGPT与GPT的区别与联系》说：\n- 两者都基于Transformer。") == [
        "两者都基于transformer"
    ]


def test_a_sentence_in_two_answers_is_reported_once_at_the_later_entry() -> None:
    shared = "大模型为生成式AI提供了强大的计算能力和学习能力。"
    problems = find_shared_sentences(
        [
            entry("parent", f"生成式AI和大模型关系密切。{shared}"),
            entry("child", f"- {shared}\n- 另一点也不同。"),
            entry("other", "这里说的是完全不同的事情，没有重复。"),
        ]
    )
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.entry_id, problem.field, problem.file, problem.line) == (
        "child",
        "answer",
        "topic.yaml",
        3,
    )
    assert "'parent'" in problem.reason and "大模型为生成式ai提供了" in problem.reason


def test_a_sentence_contained_whole_in_a_longer_one_counts() -> None:
    problems = find_shared_sentences(
        [
            entry("a", "ChatGPT于2022年11月由OpenAI推出，上线两个月后用户数量达到1亿。"),
            entry("b", "上线两个月后用户数量达到1亿。"),
        ]
    )
    assert [p.entry_id for p in problems] == ["b"]


def test_short_sentences_and_rewordings_are_not_reported() -> None:
    assert (
        find_shared_sentences(
            [
                entry("a", "主要有三点：\n- 参数多。\n大模型需要大量计算资源和时间进行训练。"),
                entry("b", "主要有三点：\n- 参数多。\n训练大模型要花大量计算资源和时间。"),
            ]
        )
        == []
    )


def test_the_bundled_answers_share_no_sentence(library: Library) -> None:
    assert [str(p) for p in find_shared_sentences(library.entries)] == []
