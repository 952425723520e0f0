"""The Telegram handlers, offline: updates built by factories, fed to `process_update`.

The application is built by the product's own build_application(), with a request class that
answers the few Bot API methods the bot uses from memory and fails the test on any other: no
test here can reach a network. The service runs on a real SQLite file and the real knowledge.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from manual_clock import ManualClock
from samples import AMBIGUOUS
from telegram import Update
from telegram.error import NetworkError
from telegram.ext import AIORateLimiter
from telegram_offline import (
    ADMIN,
    ALICE,
    BOB,
    BOT,
    FLOOD_LIMIT,
    GROUP,
    OTHER_GROUP,
    TOKEN,
    OfflineBotApi,
    Updates,
    api,
    buttons,
    chat,
    rows,
    user,
    with_keyboard,
)

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.telegram import limits, notices
from bot.adapters.telegram.limits import GROUP_QUESTIONS_PER_MINUTE
from bot.adapters.telegram_app import BotApplication, announce_commands
from bot.adapters.telegram_app import build_application as build
from bot.bootstrap import run_telegram, telegram_config
from bot.core.library import Library
from bot.core.search import Verdict
from bot.errors import BotError, ConfigError
from bot.service import MAX_LOGGED_CHARS, ChatService
from bot.settings import Settings

MULTI_PAGE = "ChatGPT是怎么训练的"  # several pages at page size 80
UNANSWERED_REPORT = "最近7天最常见的未回答问题：\n1. ×1 我离婚后孩子归谁（最接近：无）"
# No pronoun here: with no topic in the chat, "它的缺点和影响" is asked back, not offered choices.

pytestmark = pytest.mark.usefixtures("no_errors_logged")


# --- where it speaks -----------------------------------------------------------------------


async def test_a_private_question_is_answered_with_votes_and_logged(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("什么是大模型？"))
    [sent] = api(app).sent
    assert "大模型" in sent["text"] and sent["chat"]["id"] == ALICE
    assert sent["_reply_to"] is None  # no quoting in a private chat
    [(answer_id, entry_id, bot_message_id)] = rows(
        store, "SELECT id, entry_id, bot_message_id FROM answers"
    )
    assert entry_id == "large-model-definition" and bot_message_id == sent["message_id"]
    assert buttons(sent) == {
        "继续": f"c:{answer_id}",
        "👍": f"v:{answer_id}:+",
        "👎": f"v:{answer_id}:-",
    }


async def test_group_chatter_and_replies_to_others_are_ignored(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    chatter = updates.message("什么是大模型？", chat_id=GROUP)
    await app.process_update(chatter)
    assert chatter.message is not None
    other = chatter.message.to_dict()
    await app.process_update(updates.message("继续", chat_id=GROUP, user_id=BOB, reply_to=other))
    await app.process_update(updates.message("@someone 什么是GPT", chat_id=GROUP))
    assert api(app).sent == []
    assert rows(store, "SELECT COUNT(*) FROM answers") == [(0,)]


async def test_a_group_mention_is_answered_as_a_reply_without_the_mention(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    asked = updates.message("@TestNameBot 什么是大模型？", chat_id=GROUP)
    await app.process_update(asked)
    [sent] = api(app).sent
    assert asked.message is not None and sent["_reply_to"] == asked.message.message_id
    assert rows(store, "SELECT query, entry_id FROM answers") == [
        ("什么是大模型？", "large-model-definition")
    ]


async def test_a_bare_mention_gets_a_hint_not_an_answer(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("@TestNameBot", chat_id=GROUP))
    assert api(app).texts() == [notices.mention_only()]
    assert rows(store, "SELECT COUNT(*) FROM answers") == [(0,)]


async def test_a_reply_to_the_bot_in_a_group_is_a_question(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("/ask 什么是大模型", chat_id=GROUP))
    answer = api(app).sent[-1]
    await app.process_update(
        updates.message("那GPT和ChatGPT有什么区别？", chat_id=GROUP, user_id=BOB, reply_to=answer)
    )
    assert rows(store, "SELECT user_id, entry_id FROM answers ORDER BY id") == [
        (ALICE, "large-model-definition"),
        (BOB, "gpt-vs-chatgpt"),
    ]


@pytest.mark.parametrize("command", ["/ask", "/ask@TestNameBot", "/ASK@testnamebot"])
async def test_ask_answers_in_groups(
    app: BotApplication, updates: Updates, store: SqliteStore, command: str
) -> None:
    await app.process_update(updates.message(f"{command} 什么是大模型", chat_id=GROUP))
    assert rows(store, "SELECT entry_id FROM answers") == [("large-model-definition",)]
    assert api(app).sent[0]["_reply_to"] is not None


async def test_ask_without_a_question_explains_itself(
    app: BotApplication, updates: Updates
) -> None:
    await app.process_update(updates.message("/ask", chat_id=GROUP))
    assert api(app).texts() == [notices.ASK_USAGE]


async def test_an_unknown_command_in_a_private_chat_lists_the_commands(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    for text in ("/foo", "/foo@TestNameBot 什么是大模型", "/000000"):
        await app.process_update(updates.message(text))
    await app.process_update(updates.message("/foo", chat_id=GROUP))  # maybe another bot's
    assert api(app).texts() == [notices.UNKNOWN_COMMAND] * 3
    assert "/help" in notices.UNKNOWN_COMMAND
    assert rows(store, "SELECT COUNT(*) FROM answers") == [(0,)]


@pytest.mark.parametrize("chat_id", [GROUP, None])
async def test_commands_for_another_bot_are_ignored(
    app: BotApplication, updates: Updates, store: SqliteStore, chat_id: int | None
) -> None:
    for text in ("/ask@OtherBot 什么是大模型", "/help@OtherBot", "/stats@OtherBot"):
        await app.process_update(updates.message(text, chat_id=chat_id, user_id=ADMIN))
    assert api(app).sent == []
    assert rows(store, "SELECT COUNT(*) FROM answers") == [(0,)]


async def test_non_text_updates_are_ignored_without_errors(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    sticker = {
        "file_id": "s",
        "file_unique_id": "s",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    }
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 9, "height": 9}]
    edited = updates.message("什么是大模型？").to_dict()["message"]
    edited["edit_date"] = edited["date"] + 5
    for update in (
        updates.message("", sticker=sticker),
        updates.message("", photo=photo, caption="@TestNameBot 什么是大模型"),
        updates.message("", chat_id=GROUP, new_chat_members=[user(BOB)]),
        updates.message("", chat_id=GROUP, left_chat_member=user(BOB)),
        updates.update(edited_message=edited),
        updates.update(channel_post={**edited, "chat": {"id": -1009, "type": "channel"}}),
    ):
        await app.process_update(update)
    assert api(app).sent == []
    assert rows(store, "SELECT COUNT(*) FROM answers") == [(0,)]


async def test_lone_surrogates_in_a_message_are_answered_and_logged(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    # Telegram's JSON may carry "\ud83d"-style escapes that Python decodes to lone surrogates;
    # mention offsets are UTF-16 code units, which a lone surrogate still occupies.
    await app.process_update(updates.message("什么是\ud83d大模型？"))
    await app.process_update(updates.message("\udbab@TestNameBot 什么是大模型？", chat_id=GROUP))
    assert len(api(app).sent) == 2
    assert rows(store, "SELECT query, entry_id FROM answers ORDER BY id") == [
        ("什么是\ufffd大模型？", "large-model-definition"),
        ("\ufffd 什么是大模型？", "large-model-definition"),
    ]


async def test_a_message_longer_than_telegram_allows_is_handled(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("大模型" * 3000))
    assert len(api(app).sent) == 1
    [(length,)] = rows(store, "SELECT length(query) FROM answers")
    assert length == MAX_LOGGED_CHARS


# --- continuing, picking, voting -----------------------------------------------------------


async def test_continue_as_a_reply_continues_that_answer_not_the_last_one(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message(MULTI_PAGE))
    first = api(app).sent[-1]
    assert "继续" in buttons(first)
    await app.process_update(updates.message("什么是大模型？"))
    await app.process_update(updates.message("继续", reply_to=first))
    assert rows(store, "SELECT entry_id, page FROM answers ORDER BY id") == [
        ("chatgpt-training", 1),
        ("large-model-definition", 1),
        ("chatgpt-training", 2),
    ]


async def test_the_continue_button_pages_to_the_end_then_goes_on_to_a_related_entry(
    app: BotApplication, updates: Updates, store: SqliteStore, clock: ManualClock
) -> None:
    await app.process_update(updates.message(MULTI_PAGE))
    for _ in range(10):
        last = api(app).sent[-1]
        if "继续" not in buttons(last):
            break
        clock.now += 20  # a reader's pace, well within the flood limit
        await app.process_update(updates.press(buttons(last)["继续"], on=last))
    pages = rows(store, "SELECT page FROM answers WHERE kind = 'answer' ORDER BY id")
    assert [page for (page,) in pages] == list(range(1, len(pages) + 1)) and len(pages) >= 3
    assert "（" in api(app).texts()[-1] and "完" in api(app).texts()[-1]
    assert set(api(app).callback_answers()) == {None}
    clock.now += 20
    await app.process_update(updates.message("继续"))
    moved = api(app).sent[-1]
    assert moved["text"].startswith("接着讲") and {"👍", "👎"} <= set(buttons(moved))
    (entry,) = rows(store, "SELECT entry_id FROM answers ORDER BY id DESC LIMIT 1")[0]
    assert entry != "chatgpt-training" and entry is not None


async def test_a_pronoun_without_a_topic_is_asked_back_with_topic_buttons(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("它有多少参数"))
    asked = api(app).sent[-1]
    topics = {label: data for label, data in buttons(asked).items() if data.startswith("a:")}
    assert "是指什么" in asked["text"] and "大模型" in topics
    await app.process_update(updates.press(topics["大模型"], on=asked))
    assert rows(store, "SELECT entry_id FROM answers ORDER BY id DESC LIMIT 1") == [
        ("large-model-parameters",)
    ]


async def test_a_did_you_mean_button_answers_that_question(
    app: BotApplication, updates: Updates, store: SqliteStore, library: Library
) -> None:
    ambiguous = [q for q in AMBIGUOUS if library.match(q).verdict is Verdict.SUGGEST]
    assert ambiguous, "no question in AMBIGUOUS gets a did-you-mean any more: add one"
    await app.process_update(updates.message(ambiguous[0]))
    offer = api(app).sent[-1]
    picks = [data for data in buttons(offer).values() if data.startswith("a:")]
    assert picks and "👍" not in buttons(offer)
    await app.process_update(updates.press(picks[-1], on=offer))
    chosen = picks[-1].rsplit(":", 1)[1]
    assert rows(store, "SELECT kind, entry_id FROM answers ORDER BY id") == [
        ("suggest", None),
        ("answer", chosen),
    ]


async def test_votes_are_acknowledged_and_change_rather_than_double(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("什么是大模型？"))
    answer = api(app).sent[-1]
    for label in ("👍", "👎", "👎"):
        await app.process_update(updates.press(buttons(answer)[label], on=answer))
    await app.process_update(updates.press(buttons(answer)["👍"], on=answer, user_id=BOB))
    assert api(app).callback_answers() == [
        notices.VOTE_RECORDED[1],
        notices.VOTE_CHANGED[-1],
        notices.VOTE_SAME[-1],
        notices.VOTE_RECORDED[1],
    ]
    assert rows(store, "SELECT user_id, value FROM votes ORDER BY user_id") == [
        (ALICE, -1),
        (BOB, 1),
    ]


async def test_forged_malformed_stale_and_foreign_presses_write_nothing(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("什么是大模型？"))
    answer = api(app).sent[-1]
    answer_id = buttons(answer)["👍"].split(":")[1]
    await app.process_update(updates.message("@TestNameBot 什么是GPT", chat_id=OTHER_GROUP))
    elsewhere = api(app).sent[-1]
    before = rows(store, "SELECT * FROM answers")
    presses = [
        updates.press(f"v:{answer_id}:+", on=with_keyboard(answer)),  # not on that message
        updates.press("v:1:*", on=with_keyboard(answer, "v:1:*")),  # malformed
        updates.press("x" * 70, on=with_keyboard(answer, "x" * 70)),  # oversized
        updates.press("v:999999:+", on=with_keyboard(answer, "v:999999:+")),  # stale
        updates.press(
            f"a:{answer_id}:no-such-entry", on=with_keyboard(answer, f"a:{answer_id}:no-such-entry")
        ),
        # A button of this chat's answer, presented on a message in another chat.
        updates.press(f"v:{answer_id}:+", on=with_keyboard(elsewhere, f"v:{answer_id}:+")),
    ]
    for press in presses:
        await app.process_update(press)
    assert api(app).callback_answers() == [notices.BUTTON_EXPIRED] * len(presses)
    assert rows(store, "SELECT COUNT(*) FROM votes") == [(0,)]
    assert rows(store, "SELECT * FROM answers") == before
    assert len(api(app).sent) == 2


async def test_a_press_must_name_the_answer_its_message_carries(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("什么是大模型？"))
    first = api(app).sent[-1]
    await app.process_update(updates.message("什么是GPT"))
    second = api(app).sent[-1]
    # 👎 of the first answer, under the second answer's message (both this chat's).
    down = buttons(first)["👎"]
    await app.process_update(updates.press(down, on=with_keyboard(second, down)))
    assert api(app).callback_answers() == [notices.BUTTON_EXPIRED]
    assert rows(store, "SELECT COUNT(*) FROM votes") == [(0,)]


async def test_a_vote_under_a_pruned_answer_never_lands_on_a_newer_one(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message("什么是大模型？"))
    old = api(app).sent[-1]
    await store.prune(before=time.time() + 60)  # retention removes every answer
    await app.process_update(updates.message("什么是GPT"))
    await app.process_update(updates.press(buttons(old)["👎"], on=old))
    assert api(app).callback_answers() == [notices.BUTTON_EXPIRED]
    assert rows(store, "SELECT COUNT(*) FROM votes") == [(0,)]
    assert rows(store, "SELECT COUNT(*) FROM comment_requests") == [(0,)]


ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates and controls included
PAYLOADS = st.one_of(
    st.text(ANY_CHARACTER, max_size=90),
    st.binary(max_size=90).map(lambda raw: raw.decode("latin-1")),
    st.builds(
        lambda kind, number, tail: f"{kind}:{number}:{tail}",
        st.sampled_from(["v", "c", "a", "x", ""]),
        st.one_of(st.integers(), st.text(ANY_CHARACTER, max_size=8)),
        st.text(ANY_CHARACTER, max_size=40),
    ),
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=PAYLOADS, forged_keyboard=st.booleans(), presser=st.sampled_from([ALICE, BOB]))
async def test_any_callback_payload_writes_nothing_and_never_fails(
    app: BotApplication,
    updates: Updates,
    store: SqliteStore,
    data: str,
    forged_keyboard: bool,
    presser: int,
) -> None:
    # The fixtures live across examples: one real answer, pressed with every kind of payload,
    # on the message as sent or with a keyboard that claims to carry that payload.
    if not api(app).sent:
        await app.process_update(updates.message("什么是大模型？"))
    answer = api(app).sent[0]
    assume(data not in buttons(answer).values())  # a real button is not a forgery
    tables = ("answers", "votes", "comments", "comment_requests")
    before = [rows(store, f"SELECT COUNT(*) FROM {table}") for table in tables]
    pressed_on = with_keyboard(answer, data) if forged_keyboard else answer
    answered = len(api(app).callback_answers())
    await app.process_update(updates.press(data, on=pressed_on, user_id=presser))
    assert [rows(store, f"SELECT COUNT(*) FROM {table}") for table in tables] == before
    assert len(api(app).callback_answers()) == answered + 1  # the client's spinner stops
    # (and no_errors_logged: nothing reached the error handler)


MARKS = st.lists(
    st.fixed_dictionaries(
        {
            "type": st.sampled_from(["mention", "bot_command", "text_mention", "bold"]),
            "offset": st.integers(0, 60),
            "length": st.integers(0, 30),
            "user": st.just(BOT),
        }
    ),
    max_size=3,
)
MESSAGE_TEXTS = st.one_of(
    st.text(ANY_CHARACTER, min_size=1, max_size=200),
    st.text(ANY_CHARACTER, min_size=3000, max_size=4100),
    st.builds(
        lambda head, tail: f"{head}@TestNameBot {tail}",
        st.sampled_from(["", "/ask ", "/ask@TestNameBot ", "\udbab", "😀"]),
        st.text(ANY_CHARACTER, max_size=60) | st.sampled_from(["什么是大模型", "继续", "它呢"]),
    ),
)
fresh_ids = itertools.count(5000)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=MESSAGE_TEXTS,
    in_group=st.booleans(),
    marks=st.none() | MARKS,
    reply_to_bot=st.booleans(),
)
# Found by this test: a private "/0..." got no reply at all (no handler knew the command).
@example(text="/000", in_group=False, marks=None, reply_to_bot=False)
@example(
    text="   ",
    in_group=False,
    marks=[{"type": "bot_command", "offset": 0, "length": 3}],
    reply_to_bot=False,
)
async def test_any_message_gets_at_most_one_sound_reply_and_never_fails(
    app: BotApplication,
    updates: Updates,
    store: SqliteStore,
    text: str,
    in_group: bool,
    marks: list[dict[str, Any]] | None,
    reply_to_bot: bool,
) -> None:
    # A new user (and group) each time, so the flood gates stay out of the way.
    sender = next(fresh_ids)
    chat_id = -sender if in_group else sender
    extra: dict[str, Any] = {} if marks is None else {"entities": marks}
    if reply_to_bot:
        extra["reply_to_message"] = {"message_id": 1, "date": 0, "chat": chat(chat_id), "from": BOT}
    [(logged_before,)] = rows(store, "SELECT COUNT(*) FROM answers")
    sent_before = len(api(app).sent)
    await app.process_update(updates.message(text, user_id=sender, chat_id=chat_id, **extra))
    replies = api(app).sent[sent_before:]
    # In a private chat every message is answered, unless it carries a command mark that no
    # command matches (Telegram itself only marks "/..." as a command).
    forged_command = any(mark["type"] == "bot_command" for mark in marks or ())
    assert len(replies) == 1 if not in_group and not forged_command else len(replies) <= 1
    for reply in replies:
        assert reply["text"].strip()
        assert len(reply["text"].encode("utf-16-le")) // 2 <= 4096  # also: no lone surrogate
    [(logged,)] = rows(store, "SELECT COUNT(*) FROM answers")
    assert logged - logged_before <= len(replies)
    # (and no_errors_logged: nothing reached the error handler)


# --- flood control -------------------------------------------------------------------------


async def test_a_flooding_user_gets_one_notice_then_silence_and_others_are_unaffected(
    app: BotApplication, updates: Updates, clock: ManualClock
) -> None:
    for _ in range(FLOOD_LIMIT + 3):
        await app.process_update(updates.message("什么是大模型？"))
    await app.process_update(updates.message("什么是大模型？", user_id=BOB))
    assert api(app).texts(ALICE).count(notices.FLOOD) == 1
    assert len(api(app).texts(ALICE)) == FLOOD_LIMIT + 1
    assert len(api(app).texts(BOB)) == 1
    clock.now += 61
    await app.process_update(updates.message("什么是大模型？"))
    assert len(api(app).texts(ALICE)) == FLOOD_LIMIT + 2


async def test_a_busy_group_gets_one_notice_and_other_chats_are_unaffected(
    app: BotApplication, updates: Updates, clock: ManualClock
) -> None:
    # Many members, each within their own limit: the group's own limit applies.
    members = [5000 + n for n in range(GROUP_QUESTIONS_PER_MINUTE + 3)]
    for member in members:
        asked = updates.message("/ask 什么是大模型", chat_id=GROUP, user_id=member)
        await app.process_update(asked)
    await app.process_update(updates.message("/ask 什么是大模型", chat_id=OTHER_GROUP))
    await app.process_update(updates.message("什么是大模型？", user_id=BOB))
    in_group = api(app).texts(GROUP)
    assert in_group.count(notices.GROUP_FLOOD) == 1
    assert len(in_group) == GROUP_QUESTIONS_PER_MINUTE + 1
    assert len(api(app).texts(OTHER_GROUP)) == 1
    assert len(api(app).texts(BOB)) == 1
    clock.now += 61
    await app.process_update(updates.message("/ask 什么是GPT", chat_id=GROUP, user_id=BOB))
    assert len(api(app).texts(GROUP)) == GROUP_QUESTIONS_PER_MINUTE + 2


async def test_the_rate_limiter_is_on_when_configured_within_telegrams_limits(
    store: SqliteStore, library: Library
) -> None:
    settings = Settings(_env_file=None, telegram_token=TOKEN, rate_limiter=True)  # type: ignore[call-arg]
    service = ChatService(store, lambda: library)
    limited = build(telegram_config(settings), service, request_class=OfflineBotApi)
    assert isinstance(limited.bot.rate_limiter, AIORateLimiter)
    unlimited = build(
        telegram_config(settings.model_copy(update={"rate_limiter": False})),
        service,
        request_class=OfflineBotApi,
    )
    assert unlimited.bot.rate_limiter is None
    # A leaky bucket lets a full burst through and then refills: burst plus one window's refill
    # must stay within Telegram's 30 a second overall and 20 a minute to one group.
    assert limits.OVERALL_BURST + limits.OVERALL_PER_SECOND <= 30
    assert limits.GROUP_BURST + limits.GROUP_PER_MINUTE <= 20


# --- commands ------------------------------------------------------------------------------


async def test_start_help_and_topics_describe_the_bot(
    app: BotApplication, updates: Updates, library: Library
) -> None:
    for command in ("/start", "/help", "/topics"):
        await app.process_update(updates.message(command))
    start, help_text, topics = api(app).texts()
    assert "什么是大模型？" in start and "/help" in start
    assert "什么是大模型？" in help_text and "/ask" in help_text
    first = library.topics[0]
    offered = [i for i in first.entry_ids if not library.get(i).declines]  # type: ignore[union-attr]
    assert f"{first.name}（{len(offered)} 条）" in topics


async def test_reset_forgets_what_was_being_discussed(
    app: BotApplication, updates: Updates
) -> None:
    await app.process_update(updates.message(MULTI_PAGE))
    await app.process_update(updates.message("/reset"))
    await app.process_update(updates.message("继续"))
    assert "没有可以继续的回答" in api(app).texts()[-1]


@pytest.mark.parametrize("command", ["/stats", "/reload", "/unanswered"])
async def test_admin_commands_refuse_everyone_else_and_do_nothing(
    app: BotApplication, updates: Updates, reloads: list[str], command: str
) -> None:
    await app.process_update(updates.message(command, user_id=BOB))
    await app.process_update(updates.message(f"{command}@TestNameBot", chat_id=GROUP))
    assert api(app).texts() == [notices.ADMIN_ONLY] * 2
    assert reloads == []


async def test_unanswered_questions_are_shown_to_an_admin_only_in_private(
    app: BotApplication, updates: Updates
) -> None:
    await app.process_update(updates.message("我离婚后孩子归谁", user_id=ALICE))
    await app.process_update(
        updates.message("/unanswered@TestNameBot", chat_id=GROUP, user_id=ADMIN)
    )
    await app.process_update(updates.message("/unanswered", user_id=ADMIN))
    assert api(app).texts(GROUP) == [notices.PRIVATE_ONLY]
    assert api(app).texts(ADMIN) == [UNANSWERED_REPORT]  # from the real answer log


CHANNEL_BOT = 136817688
"""The placeholder user of every message sent as a channel."""


async def test_members_writing_as_different_channels_have_their_own_context(
    app: BotApplication, updates: Updates
) -> None:
    def as_channel(channel: int, text: str) -> Update:
        sender = {"id": channel, "type": "channel", "title": f"channel{channel}"}
        return updates.message(text, chat_id=GROUP, user_id=CHANNEL_BOT, sender_chat=sender)

    # Each pages its own answer: one shared context would give the second 继续 page 3. (Two
    # channels reading the same answer read on from the group's page: it was shown to both.)
    await app.process_update(as_channel(-1001, f"@TestNameBot {MULTI_PAGE}"))
    await app.process_update(as_channel(-1002, "@TestNameBot 什么是大模型"))
    await app.process_update(as_channel(-1001, "@TestNameBot 继续"))
    assert "（2/" in api(app).texts(GROUP)[-1]
    await app.process_update(as_channel(-1002, "@TestNameBot 继续"))
    assert "（2/" in api(app).texts(GROUP)[-1] and "参数" in api(app).texts(GROUP)[-1]


async def test_admins_get_stats_and_reload(
    app: BotApplication, updates: Updates, reloads: list[str]
) -> None:
    await app.process_update(updates.message("什么是大模型？", user_id=ADMIN))
    answer = api(app).sent[-1]
    await app.process_update(updates.press(buttons(answer)["👎"], on=answer, user_id=ADMIN))
    await app.process_update(updates.message("/stats", user_id=ADMIN))
    await app.process_update(updates.message("/reload", user_id=ADMIN))
    _, _prompt, stats, reloaded = api(app).texts()
    assert "最近24小时：1 次回复，其中 1 次来自知识库" in stats
    assert "最近7天好评率：0%（👍0 / 👎1）" in stats
    assert "1. large-model-definition  👍0 👎1" in stats
    assert reloaded == "知识库没有变化。" and reloads == ["reload"]


# --- failures ------------------------------------------------------------------------------


async def test_a_failing_handler_is_logged_and_the_user_told_briefly(
    app: BotApplication, updates: Updates, store: SqliteStore, caplog: pytest.LogCaptureFixture
) -> None:
    await store.close()  # every database call now fails
    await app.process_update(updates.message("什么是大模型？"))
    assert api(app).texts() == [notices.SOMETHING_WENT_WRONG]
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert record.exc_info is not None and record.name == "bot.adapters.telegram.handlers"
    caplog.clear()  # the error was the point


async def test_a_refused_command_menu_does_not_stop_start_up(
    app: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    api(app).refused.add("setMyCommands")
    await announce_commands(app)
    assert any("setMyCommands was refused" in r.getMessage() for r in caplog.records)


class TokenRejected(OfflineBotApi):
    """Telegram's answer to a revoked token."""

    async def do_request(self, *_: Any, **__: Any) -> tuple[int, bytes]:
        return 401, b'{"ok": false, "error_code": 401, "description": "Unauthorized"}'


def test_a_rejected_token_is_one_sentence_and_the_database_is_closed(
    tmp_path: Path, library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "bot.sqlite3"
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=TOKEN,
        database_path=database,
    )
    try:
        with pytest.raises(ConfigError, match="does not accept BOT_TELEGRAM_TOKEN"):
            run_telegram(settings, library, request_class=TokenRejected)
    finally:
        asyncio.set_event_loop(None)  # run_telegram made and closed a loop of its own
    assert database.exists() and not Path(f"{database}-wal").exists()
    # PTB logs the refusal itself (with its traceback); that is the only error.
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.name for r in errors] == ["telegram.ext"]
    caplog.clear()


class WrongPath(OfflineBotApi):
    """A BOT_API_BASE_URL with a wrong path: every method is Not Found."""

    async def do_request(self, *_: Any, **__: Any) -> tuple[int, bytes]:
        return 404, b'{"ok": false, "error_code": 404, "description": "Not Found"}'


class Unreachable(OfflineBotApi):
    """No Bot API at the base URL: the error names the URL, token and all."""

    async def do_request(self, url: str, *_: Any, **__: Any) -> tuple[int, bytes]:
        raise NetworkError(f"All connection attempts failed: {url}")


@pytest.mark.parametrize("api_class", [TokenRejected, WrongPath, Unreachable])
def test_the_token_is_in_no_log_record_and_no_error_at_any_level(
    tmp_path: Path, library: Library, caplog: pytest.LogCaptureFixture, api_class: type
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=TOKEN,
        database_path=tmp_path / "bot.sqlite3",
        log_level="DEBUG",
    )
    try:
        with pytest.raises(BotError) as raised:
            run_telegram(settings, library, request_class=api_class)
    finally:
        asyncio.set_event_loop(None)  # run_telegram made and closed a loop of its own
    secret = TOKEN.partition(":")[2]
    assert caplog.records and secret not in caplog.text
    assert not [r for r in caplog.records if secret in r.getMessage()]
    assert secret not in str(raised.value)
    caplog.clear()
