"""`python -m bot feedback ...` on a scripted session: the numbers must be what happened."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from emulator_client import ROOT, bot_command

from bot.adapters.sqlite_store import SqliteStore
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
    for text in ("今天天气怎么样", "今天的天气怎么样呀", "MySQL怎么建索引"):
        await service.handle(Turn(5, 5, text))
    await store.close()


@pytest.fixture
def database(tmp_path: Path, library: Library) -> Path:
    path = tmp_path / "bot.sqlite3"
    asyncio.run(scripted_session(path, library))
    return path


def review(database: Path, *args: str) -> str:
    settings = {"BOT_DATABASE_PATH": str(database), "BOT_KNOWLEDGE_DIR": str(ROOT / "knowledge")}
    done = bot_command("feedback", *args, settings=settings, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_summary_counts_answers_and_votes(database: Path) -> None:
    since = "2026-09-20"
    [entry] = json.loads(review(database, "summary", "--json", "--since", since))
    assert entry["entry_id"] == "large-model-definition"
    assert (entry["answered"], entry["up"], entry["down"]) == (3, 2, 1)
    assert round(entry["helpful"], 2) == 0.67
    [everything] = json.loads(review(database, "summary", "--json"))
    assert (everything["answered"], everything["down"]) == (4, 2)
    assert "67%" in review(database, "summary", "--since", since)


def test_comments_come_with_question_entry_and_vote(database: Path) -> None:
    [comment] = json.loads(review(database, "comments", "--json"))
    assert comment["entry_id"] == "large-model-definition" and comment["vote"] == -1
    assert comment["query"] == "什么是大模型？" and "太简单了" in comment["text"]


def test_unanswered_groups_paraphrases(database: Path) -> None:
    groups = json.loads(review(database, "unanswered", "--json"))
    assert [g["count"] for g in groups] == [2, 1]
    assert "MySQL怎么建索引" in groups[1]["examples"]


def test_until_excludes_later_rows(database: Path) -> None:
    [old] = json.loads(review(database, "summary", "--json", "--until", "2026-09-15"))
    assert (old["answered"], old["up"], old["down"]) == (1, 0, 1)


def test_export_has_the_raw_rows(database: Path) -> None:
    tables = json.loads(review(database, "export", "--format", "json"))
    assert (len(tables["votes"]), len(tables["comments"])) == (4, 1)
    assert len(tables["answers"]) == 7
    lines = review(database, "export", "--format", "csv").splitlines()
    assert sum(line.startswith("votes,") for line in lines) == 4


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
    assert tags.count("svg") >= 3 and "table" in tags
    assert "<script" not in text.lower() and "http" not in text.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    assert "large-model-definition" in text and "今天天气怎么样" in text


def test_prune_deletes_old_rows_with_their_votes(database: Path) -> None:
    # Everything logged more than five days before NOW goes: the one answer from ten days before.
    older_than = (time.time() - (NOW - 5 * DAY)) / DAY
    out = review(database, "prune", "--older-than", f"{older_than:.4f}")
    assert "answers: 1 deleted" in out and "votes: 1 deleted" in out
    with sqlite3.connect(database) as raw:
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 6
        assert raw.execute("SELECT COUNT(*) FROM votes").fetchone()[0] == 3
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


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
        target=lambda: pruned.append(review(path, "prune", "--older-than", "180"))
    )
    waits = []
    # The bot's side: a turn is one INSERT, waiting for the write lock up to the busy timeout.
    with sqlite3.connect(path, timeout=5, isolation_level=None) as bot:
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
    assert f"answers: {old_rows} deleted" in pruned[0]
    assert len(waits) > 50 and max(waits) < 0.5, f"longest wait {max(waits):.2f} s"


async def _create(path: Path) -> None:
    await (await SqliteStore.open(path)).close()
