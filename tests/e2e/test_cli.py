"""The command line as a user runs it: real processes, a real database file."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from emulator_client import ROOT, bot_command

from bot.adapters.sqlite_store import MIGRATIONS

SMALL = ROOT / "tests" / "fixtures" / "small_knowledge"
FAKE_API = {
    "BOT_TELEGRAM_TOKEN": "123456:" + "A" * 35,
    "BOT_API_BASE_URL": "http://127.0.0.1:9/bot",
}
"""A well-formed token and an API that is never reached: the bot stops before calling it."""


def run_bot(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, knowledge: Path = SMALL
) -> subprocess.CompletedProcess[str]:
    settings = {"BOT_KNOWLEDGE_DIR": str(knowledge), "BOT_TELEGRAM_TOKEN": "", **(env or {})}
    return bot_command(*args, settings=settings, stdin=stdin)


def chat_json(db: Path, lines: list[str]) -> list[dict[str, object]]:
    done = run_bot(
        "chat",
        "--json",
        "--db",
        str(db),
        stdin="\n".join(lines) + "\n",
        env={"BOT_PAGE_SIZE": "80"},
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_chat_json_pages_follows_up_and_keeps_context_across_processes(tmp_path: Path) -> None:
    db = tmp_path / "chat.sqlite3"
    first = chat_json(db, ["ChatGPT是怎么训练的", "继续"])
    assert len(first) == 2 and first[0]["entry_id"] == "chatgpt-training"
    assert first[0]["matched"] is True and first[0]["has_more"] is True
    assert first[0]["buttons"] == ["继续", "👍", "👎"]
    second = chat_json(db, ["继续", "那GPT呢？", '{"chat": "2", "user": "5", "text": "继续"}'])
    assert second[0]["entry_id"] == "chatgpt-training"  # the third page, after a restart
    assert second[1]["entry_id"] == "gpt-training"
    assert second[2]["chat"] == "2" and second[2]["matched"] is False
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 5


def test_chat_json_answers_every_line_even_junk(tmp_path: Path) -> None:
    lines = ["", "{not json", '{"text": 5}', "x" * 4000, "今天天气怎么样"]
    replies = chat_json(tmp_path / "db.sqlite3", lines)
    assert len(replies) == len(lines)
    assert replies[-1]["matched"] is False and "超出了我的知识范围" in str(replies[-1]["text"])


def test_ask_json_has_exactly_the_documented_keys() -> None:
    done = run_bot("ask", "--json", "大模型有多少参数")
    result = json.loads(done.stdout)
    assert set(result) == {"matched", "entry_id", "score", "question", "answer", "suggestions"}
    assert result["matched"] is True and result["entry_id"] == "large-model-parameters"
    assert result["question"] == "大模型有多少参数？"


def test_ask_reads_stdin_lines_loading_once() -> None:
    done = run_bot("ask", "--json", "-", stdin="ChatGPT有多少参数\n今天天气怎么样\nchatgtp咋训练\n")
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["matched"] for r in results] == [False, False, True]
    assert results[0]["suggestions"] and results[0]["suggestions"][0]["entry_id"]
    assert results[1]["suggestions"] == [] and results[1]["entry_id"] is None
    assert results[2]["entry_id"] == "chatgpt-training"


def test_ask_explain_shows_tokens_and_candidates() -> None:
    done = run_bot("ask", "--explain", "請問大模形有多少參數")
    assert "规范化    请问大模型有多少参数" in done.stdout
    assert "大模型 / 有 / 多少 / 参数" in done.stdout
    assert "large-model-parameters" in done.stdout


def test_broken_knowledge_refuses_to_start_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "topic: x\nentries:\n  - id: Bad Id\n    question: q\n", encoding="utf-8"
    )
    done = run_bot("ask", "什么是大模型", knowledge=tmp_path)
    assert done.returncode == 1
    assert "bad.yaml:3" in done.stderr and "Traceback" not in done.stderr


def test_a_malformed_token_is_one_sentence() -> None:
    done = run_bot("run", env={"BOT_TELEGRAM_TOKEN": "not-a-token"})
    assert done.returncode == 2 and "BOT_TELEGRAM_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr


def copy_of_small_knowledge(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(SMALL, directory)
    return directory


@pytest.mark.parametrize(
    ("file", "content", "reason"),
    [
        ("lexicon/synonyms.yaml", "大模型:\n  - 大语言模型\n".encode("gbk"), "not UTF-8"),
        ("lexicon/dictionary.txt", "思维链\n".encode("gbk"), "not UTF-8"),
        ("lexicon/synonyms.yaml", '大模型: [""]\n'.encode(), "non-empty text"),
        ("models.yaml", ("a: " + "[" * 5000 + "]" * 5000).encode(), "nested too deeply"),
    ],
)
def test_kb_check_names_a_bad_file_without_a_traceback(
    tmp_path: Path, file: str, content: bytes, reason: str
) -> None:
    directory = copy_of_small_knowledge(tmp_path)
    (directory / file).write_bytes(content)
    done = run_bot("kb", "check", str(directory))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{directory / file}: " in done.stderr and reason in done.stderr


def test_kb_check_refuses_an_id_too_long_for_a_button(tmp_path: Path) -> None:
    directory = copy_of_small_knowledge(tmp_path)
    models = directory / "models.yaml"
    long_id = "chatgpt-" + "x" * 56  # 64 characters: no payload "a:<answer id>:<id>" fits
    models.write_text(
        models.read_text(encoding="utf-8").replace("chatgpt", long_id), encoding="utf-8"
    )
    done = run_bot("kb", "check", str(directory))
    assert done.returncode == 1 and "too long for a button" in done.stderr


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        (("feedback", "summary"), {}),
        (("chat", "--json"), {}),
        (("run",), FAKE_API),
    ],
)
def test_a_database_from_a_newer_version_is_refused_in_one_line(
    tmp_path: Path, command: tuple[str, ...], extra: dict[str, str]
) -> None:
    database = tmp_path / "future.sqlite3"
    with sqlite3.connect(database) as raw:
        raw.execute("PRAGMA user_version = 7")
    done = run_bot(*command, env={"BOT_DATABASE_PATH": str(database), **extra})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert f"schema version 7, newer than this bot's {len(MIGRATIONS)}" in line


@pytest.mark.parametrize(
    "command", [("kb", "check"), ("kb", "add-alternative", "chatgpt", "恰特是个啥")]
)
def test_a_symlink_loop_in_the_knowledge_folder_is_named_not_followed(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    directory = copy_of_small_knowledge(tmp_path)
    (directory / "self").symlink_to(".")
    (directory / "lexicon" / "a").symlink_to("b")
    (directory / "lexicon" / "b").symlink_to("a")
    (directory / "lexicon" / "gone").symlink_to("nowhere")  # dangling, but no loop
    done = run_bot(*command, env={"BOT_KNOWLEDGE_DIR": str(directory)})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{directory / 'self'}: symlink loop" in done.stderr
    assert f"{directory / 'lexicon' / 'a'}: symlink loop" in done.stderr
    assert "gone" not in done.stderr


def test_a_database_that_cannot_be_opened_is_one_clean_line(tmp_path: Path) -> None:
    # A folder where the file should be: sqlite cannot open it, whoever runs the bot.
    database = tmp_path / "bot.sqlite3"
    database.mkdir()
    for _ in range(3):  # the traceback came from a thread racing the loop's close: not always
        done = run_bot("run", env={"BOT_DATABASE_PATH": str(database), **FAKE_API})
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            f"错误 / error: cannot open the database {database}: unable to open database file"
        ]
