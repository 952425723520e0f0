"""Knowledge errors an admin can act on: the YAML parser's reason, and no follow-on errors."""

from pathlib import Path

import pytest

from bot.core.knowledge import load_knowledge
from bot.errors import KnowledgeError

ALPHA = """\
topic: 甲
entries:
  - id: alpha
    question: 什么是甲？
    alternatives: [甲是啥, 甲指什么, 啥叫甲]
    keywords: [甲]
    answer: 甲是第一个。
    related: [beta]
    source: seed.txt#一
"""
BETA = """\
topic: 乙
entries:
  - id: beta
    question: 什么是乙？
    alternatives: [乙是啥, 乙指什么, 啥叫乙]
    keywords: [乙]
    answer: 乙是第二个。
    related: [alpha]
    source: seed.txt#二
"""


def problems(directory: Path, **files: str) -> list[str]:
    for name, text in files.items():
        (directory / f"{name}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return [str(p) for p in caught.value.problems]


def test_a_tab_keeps_the_parsers_reason_and_others_files_add_nothing(tmp_path: Path) -> None:
    found = problems(tmp_path, a=ALPHA, b=BETA.replace("    keywords", "\tkeywords"))
    assert found == [
        f"{tmp_path / 'b.yaml'}:6: malformed YAML: found character '\\t' that cannot start "
        "any token (while scanning for the next token)"
    ]


def test_a_broken_entry_is_reported_once_not_by_every_related(tmp_path: Path) -> None:
    found = problems(tmp_path, a=ALPHA, b=BETA.replace("answer: 乙是第二个。", "answer: ''"))
    assert len(found) == 1 and "entry 'beta' field 'answer'" in found[0]


def test_a_related_id_that_exists_nowhere_is_still_reported(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        a=ALPHA.replace("related: [beta]", "related: [gamma]"),
        b=BETA.replace("answer: 乙是第二个。", "answer: ''"),
    )
    assert any("refers to unknown entry 'gamma'" in p for p in found), found


def test_declines_must_be_true_or_false(tmp_path: Path) -> None:
    found = problems(
        tmp_path, a=ALPHA.replace("    keywords:", "    declines: maybe\n    keywords:")
    )
    assert len(found) == 1 and "entry 'alpha' field 'declines': must be true or false" in found[0]


def test_brackets_nested_absurdly_deep_are_refused_with_their_line(tmp_path: Path) -> None:
    deep = "topic: 丙\nentries:\n  - " + "[" * 65 + "]" * 65 + "\n"
    (found,) = problems(tmp_path, alpha=ALPHA, beta=BETA, gamma=deep)
    assert "gamma.yaml:3" in found and "nested too deeply" in found


def test_brackets_in_an_answer_are_not_nesting(tmp_path: Path) -> None:
    # Closed brackets never add up, however many an answer holds.
    many = ALPHA.replace("甲是第一个。", "甲是第一个" + "[注]" * 100 + "。")
    (tmp_path / "alpha.yaml").write_text(many, encoding="utf-8")
    (tmp_path / "beta.yaml").write_text(BETA, encoding="utf-8")
    alpha = load_knowledge(tmp_path).get("alpha")
    assert alpha is not None and "[注]" * 100 in alpha.answer
