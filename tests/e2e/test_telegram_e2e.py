"""The real bot process against the Bot API emulator on 127.0.0.1, played by emulated users.

One emulator and one bot per module (the machine has two cores): each test uses its own users
and chats so that context and flood limits do not leak between tests. The last test stops the
bot with SIGTERM and checks that it shut down cleanly.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from emulator_client import (
    BotMessage,
    BotProcess,
    Emulator,
    bot_environment,
    bot_running,
    entry_of,
    rows,
    wait_for,
)
from samples import AMBIGUOUS

from bot.core.library import Library
from bot.core.search import Verdict

ADMIN = 1
FLOOD_LIMIT = 8
MULTI_PAGE = "ChatGPT是怎么训练的"  # five pages at page size 80
# No pronoun here: with no topic in the chat, "它的缺点和影响" is asked back, not offered choices.
PAGE = re.compile(r"（(\d+)/(\d+)）")


@pytest.fixture(scope="module")
def bot(emulator: Emulator, workdir: Path) -> Iterator[BotProcess]:
    env = bot_environment(
        emulator,
        workdir / "bot.sqlite3",
        admin_ids=str(ADMIN),
        page_size="80",
        flood_limit_per_minute=str(FLOOD_LIMIT),
    )
    with bot_running(workdir, env, ready=emulator.bot_has_polled) as bot:
        yield bot


def page_of(message: BotMessage) -> tuple[int, int]:
    found = PAGE.search(message.text)
    assert found, message.text
    return int(found[1]), int(found[2])


# --- private chat --------------------------------------------------------------------------


def test_start_works_although_the_command_menu_was_refused(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("/start", user_id=200)
    [greeting] = emulator.replies(200)
    assert "什么是大模型？" in greeting.text and "/help" in greeting.text
    assert "setMyCommands was refused" in bot.log_text()


def test_a_private_question_is_answered_with_buttons(emulator: Emulator, bot: BotProcess) -> None:
    emulator.send("什么是大模型？", user_id=201)
    [answer] = emulator.replies(201)
    assert answer.text.startswith("【什么是大模型？】") and answer.reply_to is None
    assert list(answer.buttons) == ["继续", "👍", "👎"]
    assert entry_of(bot, answer) == "large-model-definition"


def test_paging_by_text_and_by_button_to_the_last_page(emulator: Emulator, bot: BotProcess) -> None:
    emulator.send(MULTI_PAGE, user_id=202)
    [first] = emulator.replies(202)
    pages = [first]
    emulator.send("继续", user_id=202)  # by text
    pages += emulator.replies(202)
    while "继续" in pages[-1].buttons:  # then by button
        emulator.press(pages[-1].buttons["继续"], on=pages[-1], user_id=202)
        pages += emulator.replies(202)
        assert len(pages) < 10, "paging does not end"
    total = page_of(first)[1]
    assert [page_of(p) for p in pages] == [(n, total) for n in range(1, total + 1)]
    assert "完" in pages[-1].text and list(pages[-1].buttons) == ["👍", "👎"]


def test_continue_as_a_reply_continues_that_answer(emulator: Emulator, bot: BotProcess) -> None:
    emulator.send(MULTI_PAGE, user_id=203)
    [training] = emulator.replies(203)
    emulator.send("什么是大模型？", user_id=203)
    emulator.replies(203)
    emulator.send("继续", user_id=203, reply_to=training)
    [following] = emulator.replies(203)
    assert page_of(following) == (2, page_of(training)[1])
    assert entry_of(bot, following) == "chatgpt-training"


def test_a_did_you_mean_button_answers_that_question(
    emulator: Emulator, bot: BotProcess, library: Library
) -> None:
    ambiguous = [q for q in AMBIGUOUS if library.match(q).verdict is Verdict.SUGGEST]
    assert ambiguous, "no question in AMBIGUOUS gets a did-you-mean any more: add one"
    emulator.send(ambiguous[0], user_id=204)
    [offer] = emulator.replies(204)
    label, data = next((k, v) for k, v in offer.buttons.items() if v.startswith("a:"))
    emulator.press(data, on=offer, user_id=204)
    [answer] = emulator.replies(204)
    assert answer.text.startswith(f"【{label}】")


def test_a_vote_then_the_other_vote_leaves_one_changed_row(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("GPT和ChatGPT有什么区别？", user_id=205)
    [answer] = emulator.replies(205)
    before = len(emulator.callback_answers())
    emulator.press(answer.buttons["👍"], on=answer, user_id=205)
    wait_for(lambda: len(emulator.callback_answers()) == before + 1, what="the 👍 to be answered")
    emulator.press(answer.buttons["👎"], on=answer, user_id=205)
    wait_for(lambda: len(emulator.callback_answers()) == before + 2, what="the 👎 to be answered")
    assert emulator.callback_answers()[before:] == ["已记录👍，谢谢反馈！", "已改为👎"]
    answer_id = int(answer.buttons["👍"].split(":")[1])
    assert rows(
        bot.database, "SELECT user_id, value FROM votes WHERE answer_id = ?", answer_id
    ) == [(205, -1)]


# --- groups --------------------------------------------------------------------------------


def test_in_a_group_mentions_replies_and_ask_are_answered_as_replies(
    emulator: Emulator, bot: BotProcess
) -> None:
    group = -100200300
    asked = emulator.send("@TestNameBot 什么是大模型？", user_id=206, chat_id=group)
    [answer] = emulator.replies(group)
    assert answer.reply_to == asked and answer.text.startswith("【什么是大模型？】")
    followed = emulator.send(
        "GPT和ChatGPT有什么区别？", user_id=207, chat_id=group, reply_to=answer
    )
    [second] = emulator.replies(group)
    assert second.reply_to == followed and "GPT" in second.text
    for command in ("/ask 什么是RLHF", "/ask@TestNameBot 什么是思维链"):
        asked = emulator.send(command, user_id=206, chat_id=group)
        [reply] = emulator.replies(group)
        assert reply.reply_to == asked and reply.text.startswith("【")


def test_in_a_group_chatter_stickers_and_other_bots_commands_are_ignored(
    emulator: Emulator, bot: BotProcess
) -> None:
    group = -100200301
    sticker = {
        "file_id": "s",
        "file_unique_id": "s",
        "type": "regular",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
    }
    emulator.send("什么是大模型？", user_id=208, chat_id=group)
    emulator.send("/ask@OtherBot 什么是大模型", user_id=208, chat_id=group)
    emulator.send("", user_id=208, chat_id=group, sticker=sticker)
    sentinel = emulator.send("/ask@TestNameBot 什么是GPT", user_id=208, chat_id=group)
    [reply] = emulator.replies(group)
    assert reply.reply_to == sentinel
    assert emulator.quiet(group, 0.5) == []


# --- commands and limits -------------------------------------------------------------------


def test_stats_is_refused_to_others_and_given_to_admins(
    emulator: Emulator, bot: BotProcess
) -> None:
    emulator.send("/stats", user_id=209)
    [refusal] = emulator.replies(209)
    assert refusal.text == "抱歉，这个命令只有管理员可以使用。"
    emulator.send("/stats", user_id=ADMIN)
    [stats] = emulator.replies(ADMIN)
    assert stats.text.startswith("最近24小时：") and "来自知识库" in stats.text


def test_a_flooding_user_gets_one_notice_then_silence(emulator: Emulator, bot: BotProcess) -> None:
    for _ in range(FLOOD_LIMIT + 3):
        emulator.send("什么是大模型？", user_id=210)
    replies = emulator.replies(210, FLOOD_LIMIT + 1)
    replies += emulator.quiet(210, 1.0)
    notices = [r for r in replies if "太快" in r.text]
    assert len(notices) == 1 and len(replies) == FLOOD_LIMIT + 1
    emulator.send("什么是大模型？", user_id=211)  # someone else is unaffected
    assert len(emulator.replies(211)) == 1


def test_sigterm_stops_the_bot_cleanly_and_closes_the_database(bot: BotProcess) -> None:
    bot.process.send_signal(signal.SIGTERM)
    assert bot.process.wait(timeout=20) == 0
    log = bot.log_text()
    assert "stopped; database closed" in log
    assert "Traceback" not in log and " ERROR " not in log, log[-3000:]
    assert not Path(f"{bot.database}-wal").exists()  # the last connection closed cleanly
    assert rows(bot.database, "SELECT COUNT(*) FROM answers")[0][0] > 20
