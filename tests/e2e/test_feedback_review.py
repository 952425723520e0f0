"""`python -m bot feedback ...` on a scripted session: the numbers must be what happened."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import os
import pty
import sqlite3
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from emulator_client import ROOT, bot_command, clean_environment

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.core.library import Library
from bot.service import ChatService, Turn

DAY = 86400.0
NOW = 1_790_000_000.0  # 2026-09-21, a fixed day so that --since/--until are exact


async def scripted_session(path: Path, library: Library) -> None:
    store = await SqliteStore.open(path)
    clock = [NOW - 10 * DAY]
    service = ChatService(store, lambda: library, clock=lambda: clock[0])
    old = await service.handle(Turn(99, 99, "什么是大模型"))  # ten days ago
    clock[0] = NOW
    answers = [await service.handle(Turn(u, u, "什么是大模型？")) for u in (1, 2, 3)]
    for user, outcome, value in zip((1, 2, 3), answers, (1, 1, -1), strict=True):
        await service.vote(user, user, outcome.answer_id, value)
    await service.vote(99, 99, old.answer_id, -1)
    assert await service.ask_for_comment(3, 3, answers[2].answer_id)
    await service.comment_prompt_sent(answers[2].answer_id, 3, 777)
    await service.comment(3, 3, 777, "<script>alert(1)</script> 太简单了")
    # A newer comment, in a group, that tries a spreadsheet formula and a terminal escape.
    clock[0] = NOW + 60
    group = await service.handle(Turn(-100500, 4, "什么是大模型"))
    await service.vote(-100500, 4, group.answer_id, -1)
    assert await service.ask_for_comment(-100500, 4, group.answer_id)
    await service.comment_prompt_sent(group.answer_id, 4, 778)
    await service.comment(-100500, 4, 778, '=HYPERLINK("http://evil") \x1b]0;pwned\x07\x1b[2J')
    for text in ("今天天气怎么样", "今天的天气怎么样呀", "MySQL怎么建索引", "/settings", "😀😀"):
        await service.handle(Turn(5, 5, text))
    await store.close()


@pytest.fixture
def database(tmp_path: Path, library: Library) -> Path:
    path = tmp_path / "bot.sqlite3"
    asyncio.run(scripted_session(path, library))
    return path


def feedback(database: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    settings = {"BOT_DATABASE_PATH": str(database), "BOT_KNOWLEDGE_DIR": str(ROOT / "knowledge")}
    return bot_command("feedback", *args, settings=settings, stdin=stdin, timeout=60)


def review(database: Path, *args: str) -> str:
    done = feedback(database, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as raw:
        return int(raw.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_summary_counts_answers_and_votes_and_names_the_question(database: Path) -> None:
    since = "2026-09-20"
    [entry] = json.loads(review(database, "summary", "--json", "--since", since))
    assert entry["entry_id"] == "large-model-definition" and entry["question"] == "什么是大模型？"
    assert (entry["answered"], entry["up"], entry["down"]) == (4, 2, 2)
    assert entry["helpful"] == 0.5
    [everything] = json.loads(review(database, "summary", "--json"))
    assert (everything["answered"], everything["down"]) == (5, 3)
    table = review(database, "summary", "--since", since)
    assert "什么是大模型？  large-model-definition" in table and "50%" in table


def test_comments_newest_first_with_who_and_where(database: Path) -> None:
    newest, oldest = json.loads(review(database, "comments", "--json"))
    assert newest["chat_id"] == -100500 and newest["user_id"] == 4
    assert oldest["entry_id"] == "large-model-definition" and oldest["vote"] == -1
    assert oldest["query"] == "什么是大模型？" and "太简单了" in oldest["text"]
    assert oldest["at"].endswith("Z") and oldest["chat_id"] == 3
    table = review(database, "comments").splitlines()
    assert "群 -100500" in table[2] and "私聊" in table[3]


def test_comments_table_strips_terminal_escapes(database: Path) -> None:
    table = review(database, "comments")
    assert "\x1b" not in table and "\x07" not in table
    assert '=HYPERLINK("http://evil")' in table  # the text is shown, not its control codes


def test_unanswered_groups_paraphrases_without_commands_emoji_or_weak_leads(
    database: Path,
) -> None:
    groups = json.loads(review(database, "unanswered", "--json"))
    assert [g["count"] for g in groups] == [2, 1]
    assert "MySQL怎么建索引" in groups[1]["examples"]
    examples = [e for g in groups for e in g["examples"]]
    assert "/settings" not in examples and "😀😀" not in examples
    assert all(g["nearest"] is None and g["score"] is None for g in groups)  # all below 0.35


def test_until_excludes_later_rows(database: Path) -> None:
    [old] = json.loads(review(database, "summary", "--json", "--until", "2026-09-15"))
    assert (old["answered"], old["up"], old["down"]) == (1, 0, 1)


def test_export_json_has_the_raw_rows_with_iso_times(database: Path) -> None:
    tables = json.loads(review(database, "export", "--format", "json"))
    assert (len(tables["votes"]), len(tables["comments"])) == (5, 2)
    assert len(tables["answers"]) == count(database, "answers")
    assert tables["votes"][0]["voted_at"].startswith("2026-09-")


def test_export_csv_is_one_table_per_file_with_bom_and_iso_times(
    database: Path, tmp_path: Path
) -> None:
    votes = review(database, "export", "--format", "csv", "--table", "votes")
    assert votes.startswith("\ufeffanswer_id,user_id,value,voted_at")
    rows = list(csv.reader(io.StringIO(votes.removeprefix("\ufeff"))))
    assert len(rows) == 1 + 5 and rows[1][3].endswith("Z") and "T" in rows[1][3]
    out = tmp_path / "export"
    review(database, "export", "--format", "csv", "--out", str(out))
    assert sorted(p.name for p in out.iterdir()) == ["answers.csv", "comments.csv", "votes.csv"]
    assert (out / "comments.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    again = feedback(database, "export", "--format", "csv", "--out", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    no_table = feedback(database, "export", "--format", "csv")
    assert no_table.returncode == 2 and "--table" in no_table.stderr


def test_export_csv_neutralises_formulas(database: Path) -> None:
    text = review(database, "export", "--format", "csv", "--table", "comments")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_export_refuses_json_flag_and_a_second_format(database: Path) -> None:
    done = feedback(database, "export", "--json")
    assert done.returncode == 2 and "--json" in done.stderr and "Traceback" not in done.stderr


def test_export_into_head_ends_quietly(database: Path) -> None:
    with sqlite3.connect(database) as raw:  # far more than a pipe buffer, so the pipe breaks
        raw.executemany(
            "INSERT INTO answers (chat_id, user_id, query, kind, score, page, created_at) "
            "VALUES (1, 1, ?, 'decline', 0.1, 1, ?)",
            [(f"问题 {n}" * 5, NOW) for n in range(5000)],
        )
    settings = f"BOT_DATABASE_PATH={database} BOT_KNOWLEDGE_DIR={ROOT / 'knowledge'}"
    done = subprocess.run(
        f"env -i PATH=/usr/bin:/bin {settings} {sys.executable} -m bot feedback export "
        "--format csv --table answers | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.stderr == "" and done.stdout.strip() in {"0", "1"}


def test_html_report_is_self_contained_with_charts_and_escaped_text(
    database: Path, tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    review(database, "report", "--html", str(page))
    text = page.read_text(encoding="utf-8")
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append(tag)

    Tags().feed(text)
    assert tags.count("svg") == 2 and "table" in tags
    assert "<script" not in text.lower() and "http" not in text.replace("http://evil", "")
    assert "什么是大模型？ <code>large-model-definition</code>" in text
    assert "今天天气怎么样" in text and "&lt;script&gt;alert(1)" in text
    assert 'name="viewport"' in text and "2026-09-11 至 2026-09-21" in text


def test_report_into_a_missing_folder_is_one_line(database: Path, tmp_path: Path) -> None:
    done = feedback(database, "report", "--html", str(tmp_path / "no" / "such" / "r.html"))
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def older_than_five_days_before_now() -> str:
    return f"{(time.time() - (NOW - 5 * DAY)) / DAY:.4f}"


def test_prune_deletes_old_rows_with_their_votes(database: Path) -> None:
    # Everything logged more than five days before NOW goes: the one answer from ten days before.
    answers = count(database, "answers")
    out = review(database, "prune", "--older-than", older_than_five_days_before_now(), "--yes")
    assert "回答 1 条" in out and "投票 1 条" in out
    assert count(database, "answers") == answers - 1 and count(database, "votes") == 4
    with sqlite3.connect(database) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_prune_dry_run_deletes_nothing(database: Path) -> None:
    answers = count(database, "answers")
    out = review(database, "prune", "--older-than", older_than_five_days_before_now(), "--dry-run")
    assert "回答 1 条" in out and "--dry-run" in out
    assert count(database, "answers") == answers


def test_prune_without_a_terminal_or_yes_refuses(database: Path) -> None:
    answers = count(database, "answers")
    done = feedback(database, "prune", "--older-than", "0", stdin="y\n")
    assert done.returncode == 2 and "--yes" in done.stderr
    assert count(database, "answers") == answers


@pytest.mark.parametrize(
    "args",
    [
        ("--older-than", "-5", "--yes"),
        ("--older-than", "nan", "--yes"),
        ("--older-than", "30", "--since", "2026-01-01", "--yes"),
        ("--older-than", "30", "--json", "--yes"),
    ],
)
def test_prune_refuses_negative_ages_and_flags_that_do_not_apply(
    database: Path, args: tuple[str, ...]
) -> None:
    answers = count(database, "answers")
    done = feedback(database, "prune", *args)
    assert done.returncode == 2 and done.stderr.startswith("用法：") and "错误：" in done.stderr
    assert "Traceback" not in done.stderr and count(database, "answers") == answers


def prune_on_a_terminal(database: Path, answer: bytes) -> str:
    """`feedback prune` as typed into a terminal (a pty), answering its question with `answer`."""
    main, terminal = pty.openpty()
    settings = {"BOT_DATABASE_PATH": str(database), "BOT_KNOWLEDGE_DIR": str(ROOT / "knowledge")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "feedback",
            "prune",
            "--older-than",
            older_than_five_days_before_now(),
        ],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=ROOT,
        env=clean_environment(settings),
    )
    os.close(terminal)
    shown = b""
    while b"[y/N]" not in shown:
        shown += os.read(main, 1024)
    os.write(main, answer)
    process.wait(timeout=60)
    with contextlib.suppress(OSError):  # the terminal is gone once the process has ended
        while chunk := os.read(main, 1024):
            shown += chunk
    os.close(main)
    return shown.decode("utf-8", "replace")


def test_prune_on_a_terminal_asks_first(database: Path) -> None:
    answers = count(database, "answers")
    shown = prune_on_a_terminal(database, b"n\n")
    assert "回答 1 条" in shown and "没有删除任何记录" in shown
    assert count(database, "answers") == answers
    shown = prune_on_a_terminal(database, b"y\n")
    assert "已删除：回答 1 条" in shown and count(database, "answers") == answers - 1


def test_export_csv_of_an_empty_window_still_has_its_header(database: Path) -> None:
    text = review(
        database, "export", "--format", "csv", "--table", "comments", "--until", "2000-01-01"
    )
    assert text.splitlines() == ["\ufeffid,answer_id,user_id,text,created_at"]


def test_pruning_a_large_history_never_holds_up_the_bot(tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite3"
    old_rows = 300_000
    asyncio.run(_create(path))
    with sqlite3.connect(path) as raw:
        raw.executemany(
            "INSERT INTO answers (chat_id, user_id, query, kind, score, page, created_at) "
            "VALUES (1, 2, 'old', 'answer', 0.9, 1, ?)",
            ((NOW - 400 * DAY + i,) for i in range(old_rows)),
        )
        raw.executemany(
            "INSERT INTO votes VALUES (?, 2, 1, 0)", ((i,) for i in range(1, old_rows, 7))
        )
    pruned: list[str] = []
    pruner = threading.Thread(
        target=lambda: pruned.append(review(path, "prune", "--older-than", "180", "--yes"))
    )
    waits = []
    # The bot's side: a turn is one INSERT, waiting for the write lock up to the busy timeout.
    with sqlite3.connect(path, timeout=5, isolation_level=None) as bot:
        started_pruning = time.perf_counter()
        pruner.start()
        while pruner.is_alive():
            started = time.perf_counter()
            bot.execute(
                "INSERT INTO answers (chat_id, user_id, query, kind, score, page, created_at) "
                "VALUES (3, 4, 'new', 'answer', 0.9, 1, ?)",
                (time.time(),),
            )
            waits.append(time.perf_counter() - started)
            time.sleep(0.005)
    pruner.join()
    pruning = time.perf_counter() - started_pruning
    assert f"回答 {old_rows} 条" in pruned[0]
    # Relative to the whole prune, so that a slow host does not fail it: one transaction for
    # all 300,000 rows would make some insert wait about as long as the prune itself.
    assert len(waits) > 50 and max(waits) < pruning / 5, (
        f"longest wait {max(waits):.2f} s of a {pruning:.2f} s prune"
    )


async def _create(path: Path) -> None:
    await (await SqliteStore.open(path)).close()
