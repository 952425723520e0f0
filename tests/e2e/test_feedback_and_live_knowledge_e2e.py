"""Comments after a 👎, /reload and the knowledge watcher, with the real bot and the emulator.

The bot serves a copy of the bundled knowledge that the tests edit, as an admin would.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from emulator_client import (
    ROOT,
    BotProcess,
    Emulator,
    bot_command,
    bot_environment,
    bot_running,
    emulator_running,
    rows,
    wait_for,
)

ADMIN = 1
NEW_PHRASING = "恰特机器人是哪家公司的作品"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("live_e2e")


@pytest.fixture(scope="module")
def knowledge(workdir: Path) -> Path:
    return Path(shutil.copytree(ROOT / "knowledge", workdir / "knowledge"))


@pytest.fixture(scope="module")
def emulator(workdir: Path) -> Iterator[Emulator]:
    with emulator_running(workdir) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def bot(emulator: Emulator, workdir: Path, knowledge: Path) -> Iterator[BotProcess]:
    env = bot_environment(emulator, workdir / "bot.sqlite3", admin_ids=str(ADMIN))
    env.update(BOT_KNOWLEDGE_DIR=str(knowledge), BOT_WATCH_KNOWLEDGE="true")
    with bot_running(workdir, env, ready=emulator.bot_has_polled) as bot:
        emulator.send("/start", user_id=ADMIN)  # an admin must have talked to the bot
        emulator.replies(ADMIN)
        yield bot


def test_a_down_vote_asks_once_for_a_comment_and_keeps_it(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("什么是思维链？", user_id=301)
    [answer] = emulator.replies(301)
    emulator.press(answer.buttons["👎"], on=answer, user_id=301)
    [prompt] = emulator.replies(301)
    assert "回复这条消息" in prompt.text
    emulator.send("没讲清楚为什么代码能带来推理能力", user_id=301, reply_to=prompt)
    [thanks] = emulator.replies(301)
    assert "谢谢" in thanks.text
    answer_id = int(answer.buttons["👎"].split(":")[1])
    assert rows(bot.database, "SELECT answer_id, user_id, text FROM comments") == [
        (answer_id, 301, "没讲清楚为什么代码能带来推理能力")
    ]
    emulator.press(answer.buttons["👍"], on=answer, user_id=301)
    emulator.press(answer.buttons["👎"], on=answer, user_id=301)
    assert emulator.quiet(301, 1.5) == []  # nobody is nagged twice for the same answer


def test_reload_is_for_admins_only(emulator: Emulator, bot: BotProcess) -> None:
    emulator.send("/reload", user_id=302)
    [refusal] = emulator.replies(302)
    assert "管理员" in refusal.text
    emulator.send("/reload", user_id=ADMIN)
    [done] = emulator.replies(ADMIN)
    assert "没有变化" in done.text


def test_an_edit_is_picked_up_and_a_broken_edit_changes_nothing(
    emulator: Emulator, bot: BotProcess, knowledge: Path
) -> None:
    emulator.send(NEW_PHRASING, user_id=303)
    [before] = emulator.replies(303)
    assert not before.text.startswith("【ChatGPT是谁开发的？】")

    topic = knowledge / "chatgpt.yaml"
    original = topic.read_text(encoding="utf-8")
    # The admin's loop: the unanswered phrasing becomes knowledge in one command.
    added = bot_command(
        "kb",
        "add-alternative",
        "chatgpt-maker",
        NEW_PHRASING,
        settings={"BOT_KNOWLEDGE_DIR": str(knowledge)},
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    [notice] = emulator.replies(ADMIN, timeout=30)
    assert "已重新加载" in notice.text and "chatgpt-maker" in notice.text
    emulator.send(NEW_PHRASING, user_id=303)
    [after] = emulator.replies(303)
    assert after.text.startswith("【ChatGPT是谁开发的？】")

    topic.write_text(
        original.replace("keywords: [OpenAI, 开发, 公司]", "keywords: [OpenAI"), encoding="utf-8"
    )
    [failure] = emulator.replies(ADMIN, timeout=30)
    assert "失败" in failure.text and "chatgpt.yaml" in failure.text
    emulator.send(NEW_PHRASING, user_id=304)
    [still] = emulator.replies(304)
    assert still.text.startswith("【ChatGPT是谁开发的？】")
    wait_for(lambda: bot.process.poll() is None, what="the bot to keep running")


def test_the_watcher_survives_bad_lexicon_saves_and_takes_the_next_good_edit(
    emulator: Emulator, bot: BotProcess, knowledge: Path
) -> None:
    # Whatever an earlier test left, a good file (the comment makes it differ from any before).
    bundled = (ROOT / "knowledge" / "chatgpt.yaml").read_text(encoding="utf-8")
    (knowledge / "chatgpt.yaml").write_text(bundled + "\n# fixed\n", encoding="utf-8")
    [fixed] = emulator.replies(ADMIN, timeout=30)
    assert "已重新加载" in fixed.text
    synonyms = knowledge / "lexicon" / "synonyms.yaml"
    original = synonyms.read_text(encoding="utf-8")
    synonyms.write_bytes(original.encode("gbk", errors="replace"))  # saved in the wrong encoding
    [failure] = emulator.replies(ADMIN, timeout=30)
    assert "失败" in failure.text and "synonyms.yaml" in failure.text and "UTF-8" in failure.text
    # An alias bomb: nine levels of nine, 387 million strings if anything expanded it.
    levels = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    synonyms.write_text("\n".join(levels) + "\n", encoding="utf-8")
    emulator.send("什么是大模型？", user_id=306)
    [answer] = emulator.replies(306, timeout=5)  # others are answered meanwhile
    assert answer.text.startswith("【什么是大模型？】")
    [bomb] = emulator.replies(ADMIN, timeout=30)
    assert "失败" in bomb.text and "synonyms.yaml" in bomb.text
    synonyms.write_text(original, encoding="utf-8")  # back as it was: unchanged, no notice
    added = bot_command(
        "kb",
        "add-alternative",
        "chatgpt-maker",
        "恰特是哪个公司搞出来的",
        settings={"BOT_KNOWLEDGE_DIR": str(knowledge)},
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    [reloaded] = emulator.replies(ADMIN, timeout=30)
    assert "已重新加载" in reloaded.text and "chatgpt-maker" in reloaded.text


def test_unanswered_lists_the_groups_for_admins(emulator: Emulator, bot: BotProcess) -> None:
    for text in ("今天天气怎么样", "今天的天气怎么样呀"):
        emulator.send(text, user_id=305)
        emulator.replies(305)
    emulator.send("/unanswered", user_id=305)
    [refusal] = emulator.replies(305)
    assert "管理员" in refusal.text
    emulator.send("/unanswered", user_id=ADMIN)
    [listing] = emulator.replies(ADMIN)
    assert "1. ×2 今天天气怎么样" in listing.text
