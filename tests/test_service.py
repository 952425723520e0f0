"""Conversations through the service with a real SQLite file and the small fixture knowledge."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiosqlite
import pytest
from manual_clock import ManualClock

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.core import script
from bot.core.dialogue import Action, DialogueConfig, Reply, ReplyKind
from bot.core.library import Library, load_library
from bot.core.script import Script
from bot.service import MAX_LOGGED_CHARS, ChatService, Outcome, Turn

FIXTURE = Path(__file__).parent / "fixtures" / "small_knowledge"


@pytest.fixture(scope="module")
def small_library() -> Library:
    return load_library(FIXTURE)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def service(store: SqliteStore, small_library: Library, clock: ManualClock) -> ChatService:
    return ChatService(store, lambda: small_library, DialogueConfig(page_size=60), clock=clock)


async def say(
    service: ChatService, text: str, chat: int = 1, user: int = 7, group: bool = False
) -> Outcome:
    return await service.handle(Turn(chat, user, text, is_group=group))


async def test_a_question_is_answered_with_votes_offered(service: ChatService) -> None:
    outcome = await say(service, "请问一下，什麼是大模型呀？")
    reply = outcome.reply
    assert reply.kind is ReplyKind.ANSWER and reply.entry_id == "large-model"
    assert "【什么是大模型？】" in reply.text
    assert [b.label for b in reply.buttons][-2:] == ["👍", "👎"]


async def test_paging_to_the_end_and_past_it(service: ChatService) -> None:
    first = (await say(service, "ChatGPT是怎么训练的")).reply
    assert first.page == 1 and first.pages >= 3 and first.has_more
    assert "回复“继续”查看下一段" in first.text and first.buttons[0].label == "继续"
    pages = [first]
    for phrase in ["继续", "还有呢", "接着说", "然后呢", "下一页", "更多"][: first.pages - 1]:
        pages.append((await say(service, phrase)).reply)
    assert [p.page for p in pages] == list(range(1, first.pages + 1))
    assert not pages[-1].has_more and "继续" not in [b.label for b in pages[-1].buttons]
    body = "".join(p.text for p in pages)
    for sentence in ("监督学习", "奖励模型", "近端策略优化", "Azure"):
        assert sentence in body
    moved = (await say(service, "继续")).reply
    assert moved.kind is ReplyKind.ANSWER and moved.entry_id == "chatgpt"  # its first related
    assert moved.text.startswith("接着讲") and moved.buttons[-1].label == "👎"


async def test_continue_walks_on_through_unseen_entries_then_says_so_once(
    service: ChatService,
) -> None:
    assert (await say(service, "大模型有多少参数")).reply.entry_id == "large-model-parameters"
    seen = ["large-model-parameters"]
    texts = set()
    for _ in range(10):
        reply = (await say(service, "继续")).reply
        if reply.kind is not ReplyKind.ANSWER:
            break
        if reply.page == 1:
            seen.append(reply.entry_id or "")
        texts.add(reply.text)
    assert sorted(seen) == sorted(
        ["large-model-parameters", "large-model", "chatgpt", "chatgpt-training", "gpt-training"]
    )  # every entry once, none twice
    assert reply.kind is ReplyKind.END and "讲完了" in reply.text
    again = (await say(service, "继续")).reply
    assert again.kind is ReplyKind.NOTHING_TO_CONTINUE and again.text != reply.text


async def test_entries_shown_survive_a_restart_so_continue_does_not_repeat_them(
    tmp_path: Path, small_library: Library
) -> None:
    path = tmp_path / "bot.sqlite3"
    first = await SqliteStore.open(path)
    service = ChatService(first, lambda: small_library, DialogueConfig(page_size=500))
    await say(service, "什么是大模型")
    assert (await say(service, "继续")).reply.entry_id == "chatgpt"
    await first.close()
    second = await SqliteStore.open(path)
    service = ChatService(second, lambda: small_library, DialogueConfig(page_size=500))
    # chatgpt's related is large-model, already shown before the restart: skip it.
    assert (await say(service, "继续")).reply.entry_id != "large-model"
    await second.close()


async def test_continue_without_context_says_so(service: ChatService) -> None:
    reply = (await say(service, "继续")).reply
    assert reply.kind is ReplyKind.NOTHING_TO_CONTINUE


async def test_pronoun_follow_up_uses_the_subject(service: ChatService) -> None:
    await say(service, "什么是大模型")
    reply = (await say(service, "它有多少参数？")).reply
    assert reply.entry_id == "large-model-parameters"


async def test_ellipsis_asks_the_same_about_something_else(service: ChatService) -> None:
    await say(service, "ChatGPT是怎么训练的")
    reply = (await say(service, "那GPT呢？")).reply
    assert reply.entry_id == "gpt-training"


async def test_small_talk_never_answers_an_entry(service: ChatService) -> None:
    for text in ("你好", "谢谢", "你能做什么", "拜拜"):
        reply = (await say(service, text)).reply
        assert reply.kind is ReplyKind.SMALL_TALK and reply.entry_id is None, text


async def test_a_thank_you_after_an_answer_is_small_talk_and_keeps_the_topic(
    service: ChatService,
) -> None:
    await say(service, "什么是大模型")
    for text in ("谢谢你的解答！", "感谢大家的帮助", "多谢，明白了"):
        reply = (await say(service, text)).reply
        assert reply.kind is ReplyKind.SMALL_TALK and reply.entry_id is None, text
    assert (await say(service, "它有多少参数？")).reply.entry_id == "large-model-parameters"


async def test_reset_clears_the_context(service: ChatService) -> None:
    await say(service, "ChatGPT是怎么训练的")
    assert (await say(service, "换个话题")).reply.kind is ReplyKind.RESET
    assert (await say(service, "继续")).reply.kind is ReplyKind.NOTHING_TO_CONTINUE


async def test_the_reset_command_forgets_like_the_phrase_and_is_logged_as_a_reset(
    service: ChatService, store: SqliteStore
) -> None:
    await say(service, "ChatGPT是怎么训练的", chat=5, user=1, group=True)
    await say(service, "ChatGPT是怎么训练的", chat=5, user=2, group=True)
    said = (await say(service, "换个话题", chat=1)).reply
    reset = await service.reset(Turn(5, 1, "/reset", is_group=True, message_id=9))
    assert reset.reply == said  # the same reply as the phrase
    logged = await store.answer(reset.answer_id)
    assert logged is not None and logged.kind is ReplyKind.RESET and logged.entry_id is None
    # Only this member forgot; the other one goes on.
    assert (await say(service, "继续", chat=5, user=1, group=True)).reply.kind is (
        ReplyKind.NOTHING_TO_CONTINUE
    )
    assert (await say(service, "继续", chat=5, user=2, group=True)).reply.page == 2


async def test_a_reset_keeps_what_was_read_read(service: ChatService) -> None:
    await say(service, "什么是大模型")
    await service.reset(Turn(1, 7, "/reset"))
    chatgpt = (await say(service, "ChatGPT是什么")).reply
    while chatgpt.has_more:
        chatgpt = (await say(service, "继续")).reply
    assert chatgpt.entry_id == "chatgpt"
    # chatgpt's related is large-model, read before the reset: 继续 walks past it.
    assert (await say(service, "继续")).reply.entry_id not in ("large-model", "chatgpt")


async def test_the_answer_log_keeps_a_long_message_cut_to_its_own_limit(
    service: ChatService, store: SqliteStore
) -> None:
    outcome = await say(service, "什么是大模型" + "。" * (2 * MAX_LOGGED_CHARS))
    assert outcome.reply.kind is ReplyKind.ANSWER  # answered from the whole message
    [(length,)] = await store.read("SELECT length(query) FROM answers")
    assert length == MAX_LOGGED_CHARS


async def test_two_chats_are_isolated(service: ChatService) -> None:
    await say(service, "ChatGPT是怎么训练的", chat=1)
    assert (await say(service, "继续", chat=2)).reply.kind is ReplyKind.NOTHING_TO_CONTINUE
    assert (await say(service, "继续", chat=1)).reply.page == 2


async def test_two_members_of_a_group_each_keep_their_own_topic(service: ChatService) -> None:
    await say(service, "ChatGPT是怎么训练的", chat=-100, user=1, group=True)
    await say(service, "什么是大模型", chat=-100, user=2, group=True)
    mine = (await say(service, "继续", chat=-100, user=1, group=True)).reply
    assert (mine.entry_id, mine.page) == ("chatgpt-training", 2)
    theirs = (await say(service, "继续", chat=-100, user=2, group=True)).reply
    assert theirs.entry_id != "chatgpt-training"


async def test_a_member_new_to_the_talk_follows_the_groups_topic(
    service: ChatService, clock: ManualClock
) -> None:
    await say(service, "ChatGPT是怎么训练的", chat=-100, user=1, group=True)
    await say(service, "你好", chat=-100, user=2, group=True)  # small talk: still new
    follow = (await say(service, "继续", chat=-100, user=2, group=True)).reply
    assert (follow.entry_id, follow.page) == ("chatgpt-training", 2)
    # Not a stale topic, nor in another group.
    clock.now += 31 * 60
    assert (await say(service, "继续", chat=-100, user=3, group=True)).reply.kind is (
        ReplyKind.NOTHING_TO_CONTINUE
    )
    await say(service, "ChatGPT是怎么训练的", chat=-200, user=1, group=True)
    assert (await say(service, "继续", chat=-300, user=2, group=True)).reply.kind is (
        ReplyKind.NOTHING_TO_CONTINUE
    )


async def test_a_member_new_to_the_talk_is_asked_which_of_two_topics_is_meant(
    service: ChatService,
) -> None:
    # Two members on different subjects: "继续" or "那它呢" from a third could mean either.
    await say(service, "ChatGPT是怎么训练的", chat=-100, user=1, group=True)
    await say(service, "什么是大模型", chat=-100, user=2, group=True)
    follow = (await say(service, "继续", chat=-100, user=3, group=True)).reply
    assert follow.kind is ReplyKind.NOTHING_TO_CONTINUE
    asked = (await say(service, "那它呢？", chat=-100, user=4, group=True)).reply
    assert asked.kind is ReplyKind.ASK_BACK
    # Two members on the same subject leave no doubt.
    await say(service, "ChatGPT是怎么训练的", chat=-200, user=1, group=True)
    await say(service, "ChatGPT的训练分几步", chat=-200, user=2, group=True)
    follow = (await say(service, "继续", chat=-200, user=3, group=True)).reply
    assert follow.kind is ReplyKind.ANSWER and follow.entry_id == "chatgpt-training"


async def test_a_member_reads_on_from_the_page_another_member_paged_to(
    service: ChatService,
) -> None:
    # Member 2's "继续" showed page 2 of member 1's answer: member 1's "继续" showed it again.
    first = (await say(service, "ChatGPT是怎么训练的", chat=-100, user=1, group=True)).reply
    second = (await say(service, "继续", chat=-100, user=2, group=True)).reply
    assert (second.entry_id, second.page) == (first.entry_id, 2)
    third = (await say(service, "继续", chat=-100, user=1, group=True)).reply
    assert (third.entry_id, third.page) == (first.entry_id, 3)
    # Not another group's, nor a page behind.
    await say(service, "ChatGPT是怎么训练的", chat=-200, user=1, group=True)
    other = (await say(service, "继续", chat=-200, user=1, group=True)).reply
    assert other.page == 2


async def test_a_member_asked_back_follows_the_topic_another_member_brings(
    service: ChatService,
) -> None:
    asked = (await say(service, "它是什么", chat=-100, user=2, group=True)).reply
    assert asked.kind is ReplyKind.ASK_BACK
    await say(service, "ChatGPT是怎么训练的", chat=-100, user=1, group=True)
    follow = (await say(service, "继续", chat=-100, user=2, group=True)).reply
    assert (follow.entry_id, follow.page) == ("chatgpt-training", 2)


async def test_context_expires_after_the_ttl(service: ChatService, clock: ManualClock) -> None:
    await say(service, "ChatGPT是怎么训练的")
    clock.now += 29 * 60
    assert (await say(service, "继续")).reply.page == 2
    clock.now += 31 * 60
    assert (await say(service, "继续")).reply.kind is ReplyKind.NOTHING_TO_CONTINUE


async def test_context_survives_a_new_process(tmp_path: Path, small_library: Library) -> None:
    path = tmp_path / "bot.sqlite3"
    first = await SqliteStore.open(path)
    await say(
        ChatService(first, lambda: small_library, DialogueConfig(page_size=60)),
        "ChatGPT是怎么训练的",
    )
    await first.close()
    second = await SqliteStore.open(path)
    service = ChatService(second, lambda: small_library, DialogueConfig(page_size=60))
    assert (await say(service, "继续")).reply.page == 2
    await second.close()


async def test_continue_button_continues_that_very_answer(service: ChatService) -> None:
    training = await say(service, "ChatGPT是怎么训练的")
    await say(service, "什么是大模型")
    turn = Turn(1, 7, "")
    outcome = await service.continue_answer(turn, training.answer_id)
    assert outcome is not None and outcome.reply.entry_id == "chatgpt-training"
    assert outcome.reply.page == 2


async def test_buttons_of_another_chat_do_nothing(service: ChatService) -> None:
    answer = await say(service, "ChatGPT是怎么训练的", chat=1)
    assert await service.continue_answer(Turn(2, 7, ""), answer.answer_id) is None
    assert await service.vote(2, 7, answer.answer_id, 1) is None
    assert await service.vote(1, 7, answer.answer_id + 999, 1) is None
    assert await service.vote(1, 7, answer.answer_id, 5) is None


async def test_a_numbered_reply_picks_a_suggestion(service: ChatService) -> None:
    suggested = (await say(service, "ChatGPT有多少参数")).reply
    assert suggested.kind is ReplyKind.SUGGEST
    picked = (await say(service, "1")).reply
    assert picked.kind is ReplyKind.ANSWER and picked.entry_id == suggested.buttons[0].entry_id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "'; DROP TABLE answers; --",
        "<script>alert('x')</script>",
        "长" * 10_000,
        "\x00\x01\x02\x1b[2J",
        "\ud800\udfff",
        "什么是大模型\udc80",
        "🙂🙃" * 500,
        "今天天气怎么样",
        "MySQL怎么建索引",
    ],
)
async def test_hostile_or_off_topic_text_gets_a_decline_or_an_answer(
    service: ChatService, store: SqliteStore, text: str
) -> None:
    reply = (await say(service, text)).reply
    assert reply.kind in (ReplyKind.DECLINE, ReplyKind.SUGGEST, ReplyKind.ANSWER)
    if text in ("今天天气怎么样", "MySQL怎么建索引"):
        assert reply.kind is ReplyKind.DECLINE
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1


async def test_two_hundred_chats_talk_at_once(service: ChatService, store: SqliteStore) -> None:
    async def conversation(chat: int) -> list[int]:
        pages = []
        for text in ("ChatGPT是怎么训练的", "继续", "继续"):
            pages.append((await say(service, text, chat=chat)).reply.page)
        return pages

    results = await asyncio.gather(*(conversation(chat) for chat in range(1, 201)))
    assert all(pages == [1, 2, 3] for pages in results)
    with sqlite3.connect(store.path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 600
        assert raw.execute("SELECT COUNT(*) FROM chat_context").fetchone()[0] == 200


async def test_quick_messages_in_one_chat_do_not_overwrite_each_other(
    service: ChatService,
) -> None:
    await say(service, "ChatGPT是怎么训练的")
    replies = await asyncio.gather(say(service, "继续"), say(service, "继续"))
    assert sorted(r.reply.page for r in replies) == [2, 3]


async def test_a_down_vote_asks_for_a_comment_once_and_attaches_it(
    service: ChatService, store: SqliteStore
) -> None:
    answer = await say(service, "什么是大模型")
    assert await service.vote(1, 7, answer.answer_id, -1) == 0
    assert await service.ask_for_comment(1, 7, answer.answer_id) is True
    assert await service.ask_for_comment(1, 7, answer.answer_id) is False  # never nagged twice
    assert await service.ask_for_comment(2, 7, answer.answer_id) is False  # not that chat's
    await service.comment_prompt_sent(answer.answer_id, 7, 555)
    assert await service.comment(1, 8, 555, "别人的回复") is None  # another user
    assert await service.comment(1, 7, 556, "不是回复提示") is None
    assert await service.comment(1, 7, 555, "  回答太笼统了  ") == answer.answer_id
    with sqlite3.connect(store.path) as raw:
        rows = raw.execute("SELECT answer_id, user_id, text FROM comments").fetchall()
    assert rows == [(answer.answer_id, 7, "回答太笼统了")]


async def test_a_locked_database_still_gets_an_answer_and_recovers(
    tmp_path: Path, small_library: Library
) -> None:
    path = tmp_path / "bot.sqlite3"
    store = await SqliteStore.open(path, busy_timeout_ms=100)
    service = ChatService(store, lambda: small_library)
    await say(service, "什么是大模型")
    other = sqlite3.connect(path, isolation_level=None)  # another process holding the lock
    other.execute("BEGIN EXCLUSIVE")
    try:
        locked = await say(service, "ChatGPT是怎么训练的")
        assert locked.reply.kind is ReplyKind.ANSWER and locked.answer_id == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    after = await say(service, "它是怎么训练的")
    assert after.answer_id > 0
    # The unsaved turn (about ChatGPT) left no context behind, not even in memory: "它" is
    # still the last saved subject, 大模型.
    assert after.reply.entry_id == "large-model"
    await store.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 2


@pytest.mark.parametrize("pragma", ["PRAGMA query_only = ON", "PRAGMA max_page_count = 1"])
async def test_a_read_only_or_full_database_still_gets_answers_and_recovers(
    tmp_path: Path, small_library: Library, pragma: str
) -> None:
    path = tmp_path / "bot.sqlite3"
    await (await SqliteStore.open(path)).close()  # the schema
    # The store runs on a connection the test holds, to turn it read-only or its disk "full"
    # (no page may be added) under the store's feet.
    connection = await aiosqlite.connect(path, isolation_level=None)
    store = SqliteStore(connection, str(path))
    service = ChatService(store, lambda: small_library)
    await say(service, "什么是大模型")
    await connection.execute(pragma)
    long_question = "ChatGPT是怎么训练的" + "。" * 3000  # each row needs pages of its own
    answered = [await say(service, long_question) for _ in range(30)]
    assert all(o.reply.kind is ReplyKind.ANSWER for o in answered)
    unsaved = sum(o.answer_id == 0 for o in answered)
    assert unsaved > 0  # read-only: all of them; full: once the last page is used up
    await connection.execute("PRAGMA query_only = OFF")
    await connection.execute("PRAGMA max_page_count = 1073741823")
    assert (await say(service, "它有多少参数")).answer_id > 0
    await store.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 2 + 30 - unsaved


# --- the topic browser, deep links, sources and the asker's script --------------------------


async def test_browsing_to_a_question_answers_it_logged_like_any_answer(
    service: ChatService, store: SqliteStore
) -> None:
    turn = Turn(1, 7, "")
    topics = service.browse(turn)
    assert topics is not None and topics.kind is ReplyKind.BROWSE
    [models] = topics.buttons
    page = await service.browse_press(turn, models.action, topic=models.topic, page=models.page)
    assert isinstance(page, Reply) and "“模型”" in page.text
    question = next(b for b in page.buttons if b.entry_id == "chatgpt-training")
    answered = await service.browse_press(turn, question.action, entry_id=question.entry_id)
    assert isinstance(answered, Outcome) and answered.reply.entry_id == "chatgpt-training"
    assert answered.reply.has_more and [b.label for b in answered.reply.buttons][-2:] == [
        "👍",
        "👎",
    ]
    # The answer is this chat's like any other: its 继续 pages on, its votes count.
    following = await service.continue_answer(turn, answered.answer_id)
    assert following is not None and following.reply.page == 2
    assert await service.vote(1, 7, answered.answer_id, 1) == 0
    with sqlite3.connect(store.path) as raw:
        logged = raw.execute("SELECT entry_id, kind, query FROM answers ORDER BY id").fetchall()
    assert logged[0] == ("chatgpt-training", "answer", "[pick chatgpt-training]")


async def test_stale_browser_presses_are_none(service: ChatService) -> None:
    turn = Turn(1, 7, "")
    assert await service.browse_press(turn, Action.BROWSE, topic="gone", page=1) is None
    assert await service.browse_press(turn, Action.BROWSE, topic="models", page=2) is None
    assert await service.browse_press(turn, Action.READ, entry_id="no-such-entry") is None
    assert await service.browse_press(turn, Action.VOTE_UP, entry_id="chatgpt") is None


@pytest.mark.parametrize(
    ("payload", "expected"),
    [("large-model", "large-model"), ("topics", "browse"), ("nope", None), ("../x", None)],
)
async def test_a_deep_link_opens_an_answer_or_the_topics(
    service: ChatService, payload: str, expected: str | None
) -> None:
    opened = await service.start(Turn(5, 5, ""), payload)
    if expected is None:
        assert opened is None
    elif expected == "browse":
        assert isinstance(opened, Reply) and opened.kind is ReplyKind.BROWSE
    else:
        assert isinstance(opened, Outcome) and opened.reply.entry_id == expected


async def test_the_source_is_under_the_last_page_only_and_can_be_turned_off(
    store: SqliteStore, small_library: Library
) -> None:
    shown = ChatService(store, lambda: small_library, DialogueConfig(page_size=60))
    first = (await say(shown, "ChatGPT是怎么训练的")).reply
    assert "来源：" not in first.text
    last = first
    while last.has_more:
        last = (await say(shown, "继续")).reply
    assert "来源：《ChatGPT连夜迭代的简单介绍》· 2. chatGPT如何训练数据" in last.text
    hidden = ChatService(
        store, lambda: small_library, DialogueConfig(page_size=3000, show_source=False)
    )
    assert "来源" not in (await say(hidden, "ChatGPT是怎么训练的", chat=2)).reply.text


async def test_a_traditional_asker_is_answered_in_traditional_also_after_a_press(
    service: ChatService,
) -> None:
    asked = await say(service, "ChatGPT是怎麼訓練的")
    assert "【ChatGPT是怎麼訓練的？】" in asked.reply.text
    assert asked.reply.buttons[0].label == "繼續"
    # 继续 pressed carries no text: the chat's script holds.
    pressed = await service.continue_answer(Turn(1, 7, ""), asked.answer_id)
    assert pressed is not None and pressed.reply.page == 2
    assert script.detect(pressed.reply.text) is Script.TRADITIONAL
    browsed = service.browse(Turn(1, 7, ""))
    assert browsed is not None and "我瞭解這些主題" in browsed.text
    # A simplified message switches back; another chat was never traditional.
    assert "【什么是大模型？】" in (await say(service, "什么是大模型")).reply.text
    assert "【什么是大模型？】" in (await say(service, "大模型", chat=2)).reply.text


async def test_a_fixed_script_is_used_whatever_the_asker_writes(
    store: SqliteStore, small_library: Library
) -> None:
    config = DialogueConfig(page_size=3000, reply_script=Script.TRADITIONAL)
    fixed = ChatService(store, lambda: small_library, config)
    assert "【什麼是大模型？】" in (await say(fixed, "什么是大模型")).reply.text
    config = DialogueConfig(page_size=3000, reply_script=Script.SIMPLIFIED)
    simplified = ChatService(store, lambda: small_library, config)
    assert "【什么是大模型？】" in (await say(simplified, "什麼是大模型", chat=3)).reply.text


async def test_a_reset_answers_in_the_script_the_chat_writes_in(service: ChatService) -> None:
    await say(service, "ChatGPT是怎麼訓練的")
    reset = await service.reset(Turn(1, 7, "/reset"))
    assert reset.reply.kind is ReplyKind.RESET
    # /reset wrote nothing, so the chat's script holds (换个话题 sent for it switched it).
    assert script.detect(reset.reply.text) is Script.TRADITIONAL
