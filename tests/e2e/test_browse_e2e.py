"""The topic browser, a deep link and a traditional asker, for real: the bot process against
the Bot API emulator on 127.0.0.1, as in test_telegram_e2e.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from emulator_client import BotProcess, Emulator, bot_environment, bot_running, entry_of

from bot.core import phrases


@pytest.fixture(scope="module")
def bot(emulator: Emulator, workdir: Path) -> Iterator[BotProcess]:
    env = bot_environment(emulator, workdir / "bot.sqlite3", page_size="3000")
    with bot_running(workdir, env, ready=emulator.bot_has_polled) as bot:
        yield bot


def test_topics_then_a_topic_then_a_question_answers_it(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("/topics", user_id=300)
    [topics] = emulator.replies(300)
    assert "我了解这些主题" in topics.text
    label = next(label for label in topics.buttons if label.startswith("大模型（"))
    emulator.press(topics.buttons[label], on=topics, user_id=300)
    [page] = emulator.replies(300)
    assert "“大模型”里的问题" in page.text and phrases.ALL_TOPICS in page.buttons
    question = next(q for q in page.buttons if q.startswith("什么是大模型"))
    emulator.press(page.buttons[question], on=page, user_id=300)
    [answer] = emulator.replies(300)
    assert answer.text.startswith(f"【{question}】") and "来源：《" in answer.text
    assert list(answer.buttons) == ["👍", "👎"]
    assert entry_of(bot, answer) == "large-model-definition"


def test_a_deep_link_opens_its_answer_in_the_askers_script(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("/start chatgpt-definition", user_id=301)
    [answer] = emulator.replies(301)
    assert answer.text.startswith("【ChatGPT是什么？】")
    assert entry_of(bot, answer) == "chatgpt-definition"
    emulator.send("ChatGPT是誰開發的", user_id=301)
    [traditional] = emulator.replies(301)
    assert traditional.text.startswith("【ChatGPT是誰開發的？】")
