"""`python -m bot feedback review-log` and `review-undo` on decisions taken through /review's
service, as an admin runs them: the log says what happened, an undo restores the file."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from emulator_client import ROOT, bot_command
from samples import UNSURE

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.bootstrap import review_service
from bot.core.library import load_library
from bot.live_knowledge import LiveLibrary
from bot.review import Decision
from bot.service import ChatService, Turn
from bot.settings import Settings

OFF_TOPIC = "今天天气怎么样"
ADMIN = 1


async def decide_two(database: Path, knowledge: Path) -> None:
    """An admin adds UNSURE to reward-model and marks OFF_TOPIC as not for us."""
    store = await SqliteStore.open(database)
    live = LiveLibrary(knowledge, load_library(knowledge))
    chat = ChatService(store, live.current)
    unsure = await chat.handle(Turn(5, 5, UNSURE))
    off_topic = await chat.handle(Turn(6, 6, OFF_TOPIC))
    settings = Settings(_env_file=None, knowledge_dir=knowledge)  # type: ignore[call-arg]
    review = review_service(settings, store, live.current, reload=live.reload)
    added = await review.decide(ADMIN, unsure.answer_id, Decision.ADD, "reward-model")
    assert added.decided, added.text
    assert (await review.decide(ADMIN, off_topic.answer_id, Decision.NOT_OURS)).decided
    await store.close()


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge"))


@pytest.fixture
def original(knowledge: Path) -> dict[str, bytes]:
    """The knowledge files before any decision."""
    return {p.name: p.read_bytes() for p in sorted(knowledge.glob("*.yaml"))}


@pytest.fixture
def database(tmp_path: Path, knowledge: Path, original: dict[str, bytes]) -> Path:
    path = tmp_path / "bot.sqlite3"
    asyncio.run(decide_two(path, knowledge))
    return path


def feedback(database: Path, knowledge: Path, *args: str) -> subprocess.CompletedProcess[str]:
    settings = {"BOT_DATABASE_PATH": str(database), "BOT_KNOWLEDGE_DIR": str(knowledge)}
    return bot_command("feedback", *args, settings=settings, timeout=60)


def test_review_log_lists_decisions_newest_first(database: Path, knowledge: Path) -> None:
    done = feedback(database, knowledge, "review-log", "--json")
    assert done.returncode == 0, done.stderr
    newest, oldest = json.loads(done.stdout)
    assert (newest["id"], newest["decision"], newest["query"]) == (2, "not_ours", OFF_TOPIC)
    assert (oldest["decision"], oldest["entry_id"], oldest["phrasing"]) == (
        "add",
        "reward-model",
        UNSURE,
    )
    assert oldest["file"] == "chatgpt.yaml" and oldest["admin_id"] == ADMIN
    assert oldest["undone_at"] is None
    table = feedback(database, knowledge, "review-log")
    assert table.returncode == 0 and "不属于本知识库" in table.stdout and "加为问法" in table.stdout


def test_undoing_an_add_restores_the_file_byte_for_byte(
    database: Path, knowledge: Path, original: dict[str, bytes]
) -> None:
    assert {p.name: p.read_bytes() for p in sorted(knowledge.glob("*.yaml"))} != original
    done = feedback(database, knowledge, "review-undo", "1")
    assert done.returncode == 0, done.stderr
    assert "已撤销第 1 条" in done.stdout and "reward-model" in done.stdout
    assert {p.name: p.read_bytes() for p in sorted(knowledge.glob("*.yaml"))} == original
    asked = bot_command(
        "ask", "--json", UNSURE, settings={"BOT_KNOWLEDGE_DIR": str(knowledge)}, timeout=60
    )
    assert json.loads(asked.stdout)["matched"] is False
    logged = json.loads(feedback(database, knowledge, "review-log", "--json").stdout)
    assert logged[1]["undone_at"] is not None and logged[0]["undone_at"] is None


def test_undoing_not_for_us_puts_the_question_back_and_leaves_the_files(
    database: Path, knowledge: Path
) -> None:
    before = {p.name: p.read_bytes() for p in sorted(knowledge.glob("*.yaml"))}
    done = feedback(database, knowledge, "review-undo", "2")
    assert done.returncode == 0, done.stderr
    assert OFF_TOPIC in done.stdout
    assert {p.name: p.read_bytes() for p in sorted(knowledge.glob("*.yaml"))} == before
    with sqlite3.connect(database) as raw:
        live = raw.execute("SELECT id FROM review_decisions WHERE undone_at IS NULL").fetchall()
    assert live == [(1,)]


@pytest.mark.parametrize(
    ("number", "reason"), [("2", "已经撤销过了"), ("9", "没有编号为 9 的审核记录")]
)
def test_an_undo_that_cannot_be_done_is_one_line_and_exit_1(
    database: Path, knowledge: Path, number: str, reason: str
) -> None:
    assert feedback(database, knowledge, "review-undo", "2").returncode == 0
    done = feedback(database, knowledge, "review-undo", number)
    assert done.returncode == 1 and reason in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
