"""`python -m bot kb add-alternative` on a hand-commented knowledge file, as an admin runs it."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from pathlib import Path

import pytest
from emulator_client import ROOT, bot_command


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    directory = Path(shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge"))
    topic = directory / "chatgpt.yaml"
    # An admin's own comments, in odd places, must survive the edit.
    text = topic.read_text(encoding="utf-8").replace(
        "  - id: chatgpt-maker\n",
        "  # 开发者相关问题，2026-11 整理\n  - id: chatgpt-maker  # 稳定 id，勿改\n",
    )
    topic.write_text(text, encoding="utf-8")
    return directory


def add(knowledge: Path, *args: str) -> subprocess.CompletedProcess[str]:
    settings = {"BOT_KNOWLEDGE_DIR": str(knowledge)}
    return bot_command("kb", "add-alternative", *args, settings=settings, timeout=60)


def test_adds_exactly_one_line_and_the_phrasing_is_answered(knowledge: Path) -> None:
    topic = knowledge / "chatgpt.yaml"
    before = topic.read_text(encoding="utf-8").splitlines()
    done = add(knowledge, "chatgpt-maker", "恰特机器人出自哪家")
    assert done.returncode == 0, done.stderr
    after = topic.read_text(encoding="utf-8").splitlines()
    changes = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert changes == ["+       - 恰特机器人出自哪家"]
    settings = {"BOT_KNOWLEDGE_DIR": str(knowledge)}
    asked = bot_command("ask", "--json", "恰特机器人出自哪家", settings=settings, timeout=60)
    assert '"entry_id": "chatgpt-maker"' in asked.stdout


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("no-such-entry", "问题"), "没有 id 为 no-such-entry 的条目"),
        (("chatgpt-fre", "问题"), "你是不是想输入 chatgpt-free"),
        (("chatgpt-maker", "ChatGPT是谁开发的？"), "已经有这种问法"),
        (("chatgpt-maker", "   "), "问题是空的"),
        (("chatgpt-maker", "长" * 201), "超过 200 个字"),
        (("gpt-3", "大模型有多少参数"), "会交给 large-model-parameters（“大模型有多少参数？”"),
    ],
)
def test_refusals_leave_the_file_untouched(
    knowledge: Path, args: tuple[str, str], reason: str
) -> None:
    before = {p.name: p.read_bytes() for p in knowledge.glob("*.yaml")}
    done = add(knowledge, *args)
    assert done.returncode == 1 and reason in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in knowledge.glob("*.yaml")} == before


def test_force_adds_a_phrasing_routed_elsewhere_and_says_so(knowledge: Path) -> None:
    done = add(knowledge, "gpt-3", "大模型有多少参数", "--force")
    assert done.returncode == 0, done.stderr
    assert "large-model-parameters" in done.stderr and "--force" in done.stderr
    assert "- 大模型有多少参数" in (knowledge / "gpt.yaml").read_text(encoding="utf-8")


def test_a_phrasing_that_takes_another_entrys_phrasing_is_refused(knowledge: Path) -> None:
    assert add(knowledge, "gpt-3", "ChatGPT恰特出自哪家").returncode == 0
    before = (knowledge / "chatgpt.yaml").read_bytes()
    done = add(knowledge, "chatgpt-maker", "ChatGPT恰特出自哪家")
    assert done.returncode == 1 and "gpt-3 的“ChatGPT恰特出自哪家”" in done.stderr
    assert (knowledge / "chatgpt.yaml").read_bytes() == before


def test_a_phrasing_naming_no_subject_that_another_subject_has_is_refused_naming_it(
    knowledge: Path,
) -> None:
    # Naming no subject, the phrasing fits GPT-3's entry and ChatGPT's alike: neither answers
    # it, and the refusal says which entry it ties with.
    assert add(knowledge, "gpt-3", "恰特机器人出自哪家").returncode == 0
    before = (knowledge / "chatgpt.yaml").read_bytes()
    done = add(knowledge, "chatgpt-maker", "恰特机器人出自哪家")
    assert done.returncode == 1 and "与 gpt-3 难分高下" in done.stderr
    assert (knowledge / "chatgpt.yaml").read_bytes() == before
