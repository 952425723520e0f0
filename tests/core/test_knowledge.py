from pathlib import Path

import pytest

from bot.core.knowledge import load_knowledge
from bot.errors import KnowledgeError

GOOD = """\
topic: 测试
entries:
  - id: alpha
    question: 什么是甲？
    alternatives: [甲是啥, 甲指什么, 啥叫甲]
    keywords: [甲]
    answer: |
      甲是第一个。

      第二段。
    related: [beta]
    source: seed.txt#一
    reviewed: 2026-11-24
  - id: beta
    question: 什么是乙？
    alternatives: [乙是啥, 乙指什么, 啥叫乙]
    keywords: [乙]
    subject: 乙
    answer: 乙是第二个。
    source: seed.txt#二
"""


def write(tmp_path: Path, text: str, name: str = "topic.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def problems(tmp_path: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    return [str(p) for p in caught.value.problems]


def test_a_valid_file_loads_in_order(tmp_path: Path) -> None:
    kb = load_knowledge(write(tmp_path, GOOD))
    assert [e.id for e in kb.entries] == ["alpha", "beta"]
    alpha = kb.get("alpha")
    assert alpha is not None
    assert alpha.answer == "甲是第一个。\n\n第二段。"
    assert alpha.subject == "甲"  # defaults to the first keyword
    assert alpha.line == 3
    assert kb.topics[0].name == "测试"


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("keywords: [乙]", "keywords: [乙"))
    [problem] = problems(tmp_path)
    assert "topic.yaml:" in problem and "malformed YAML" in problem


def test_every_problem_is_reported_with_entry_and_field(tmp_path: Path) -> None:
    broken = (
        GOOD.replace("alternatives: [乙是啥, 乙指什么, 啥叫乙]", "alternatives: [乙是啥]")
        .replace("answer: 乙是第二个。", "answer: ''")
        .replace("related: [beta]", "related: [gamma]")
    )
    found = problems(write(tmp_path, broken))
    assert any("entry 'beta' field 'alternatives'" in p and ":16:" in p for p in found), found
    assert any("entry 'beta' field 'answer'" in p for p in found), found
    assert any("entry 'alpha' field 'related'" in p and "gamma" in p for p in found), found


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    found = problems(tmp_path)
    assert any("duplicate id" in p and "a.yaml" in p for p in found), found


def test_over_long_answer_and_unknown_field(tmp_path: Path) -> None:
    text = GOOD.replace("answer: 乙是第二个。", "answer: " + "长" * 3001).replace(
        "subject: 乙", "subjekt: 乙"
    )
    found = problems(write(tmp_path, text))
    assert any("too long" in p for p in found), found
    assert any("field 'subjekt'" in p and "unknown field" in p for p in found), found


def test_bad_id_and_date(tmp_path: Path) -> None:
    text = GOOD.replace("id: alpha", "id: Alpha One").replace(
        "reviewed: 2026-11-24", "reviewed: yesterday"
    )
    found = problems(write(tmp_path, text))
    assert any("field 'id'" in p for p in found), found
    assert any("field 'reviewed'" in p for p in found), found


def test_empty_or_missing_directory(tmp_path: Path) -> None:
    assert "no *.yaml" in problems(tmp_path)[0]
    with pytest.raises(KnowledgeError):
        load_knowledge(tmp_path / "missing")


def test_binary_junk_file(tmp_path: Path) -> None:
    (tmp_path / "junk.yaml").write_bytes(b"\xff\xfe\x00garbage\x00")
    assert "not UTF-8" in problems(tmp_path)[0]
