"""A conversation through the real bot and the Bot API emulator: 继续 that goes on, asking back,
and two members of a group each keeping their own thread.

One emulator and one bot for the module; each test has its own users and chats.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from emulator_client import (
    BotMessage,
    BotProcess,
    Emulator,
    bot_environment,
    bot_running,
    emulator_running,
    entry_of,
    wait_for,
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("conversation_e2e")


@pytest.fixture(scope="module")
def emulator(workdir: Path) -> Iterator[Emulator]:
    with emulator_running(workdir) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def bot(emulator: Emulator, workdir: Path) -> Iterator[BotProcess]:
    env = bot_environment(emulator, workdir / "bot.sqlite3", flood_limit_per_minute="30")
    with bot_running(workdir, env, ready=emulator.bot_has_polled) as bot:
        yield bot


def test_continue_after_a_complete_answer_walks_on_to_new_entries_each_with_votes(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("ChatGPT是什么时候推出的？", user_id=301)
    [first] = emulator.replies(301)
    entries = [entry_of(bot, first)]
    for phrase in ("继续", "还有呢", "go on"):
        emulator.send(phrase, user_id=301)
        [more] = emulator.replies(301)
        assert more.text.startswith("接着讲") and {"👍", "👎"} <= set(more.buttons)
        entries.append(entry_of(bot, more))
    assert len(set(entries)) == len(entries) and None not in entries  # never the same twice
    before = len(emulator.callback_answers())
    emulator.press(more.buttons["👍"], on=more, user_id=301)
    wait_for(lambda: len(emulator.callback_answers()) > before, what="the 👍 to be answered")
    assert emulator.callback_answers()[-1] == "已记录👍，谢谢反馈！"


def test_a_pronoun_with_no_topic_is_asked_back_by_button_or_by_text(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("它有多少参数", user_id=302)
    [asked] = emulator.replies(302)
    assert "是指什么" in asked.text and "大模型" in asked.buttons
    assert entry_of(bot, asked) is None  # asking back is no answer
    emulator.press(asked.buttons["大模型"], on=asked, user_id=302)
    [answer] = emulator.replies(302)
    assert entry_of(bot, answer) == "large-model-parameters"

    emulator.send("它有多少参数", user_id=303)
    emulator.replies(303)
    emulator.send("GPT-3", user_id=303)  # the answer to the question asked back
    [answer] = emulator.replies(303)
    assert "1750" in answer.text


def test_group_members_keep_their_own_threads(emulator: Emulator, bot: BotProcess) -> None:
    group, alice, bob = -100300400, 304, 305

    def ask(user_id: int, text: str) -> BotMessage:
        emulator.send(f"/ask {text}", user_id=user_id, chat_id=group)
        [reply] = emulator.replies(group)
        return reply

    assert entry_of(bot, ask(alice, "什么是RLHF")) == "rlhf"
    assert entry_of(bot, ask(bob, "大模型面临哪些挑战")) == "large-model-challenges"
    assert entry_of(bot, ask(alice, "那思维链呢")) == "chain-of-thought"
    solved = ask(bob, "那怎么解决")
    assert "思维链" not in solved.text and entry_of(bot, solved) != "chain-of-thought"
    more = ask(bob, "继续")
    assert more.text.startswith("接着讲") and entry_of(bot, more) not in (
        "chain-of-thought",
        "large-model-challenges",
    )
