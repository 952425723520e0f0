"""Inline mode, offline: `@TestNameBot RLHF` typed in any chat, answered with answerInlineQuery.

The emulator has no inline queries, so these tests are the proof: updates built as Telegram
sends them, fed to the product's application, and the recorded answerInlineQuery parameters
checked against Telegram's rules and against the chat's own verdict on the same words.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from samples import AMBIGUOUS
from telegram import Update
from telegram_offline import (
    ALICE,
    OfflineBotApi,
    Updates,
    api,
    bot_on,
    rows,
    user,
    utf16_length,
)

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.telegram import inline
from bot.adapters.telegram.render import MAX_MESSAGE_UTF16
from bot.adapters.telegram_app import ALLOWED_UPDATES, BotApplication
from bot.core.knowledge import Entry
from bot.core.library import Library
from bot.core.search import Verdict

pytestmark = pytest.mark.usefixtures("no_errors_logged")

OFF_TOPIC = ("今天天气怎么样", "我离婚后孩子归谁", "红烧肉怎么做")
ANSWERED = ("RLHF", "什么是大模型？", "chatgtp咋训练的", "思维链是什么", "chatgpt注册")
NOT_IN_THE_ARTICLES = ("GPT-4有多少参数", "注册ChatGPT需要什么条件？")
"""Entries marked `declines`: the chat gives their text as a decline, not as an answer."""


async def ask_inline(app: BotApplication, updates: Updates, query: str) -> dict[str, Any]:
    """The parameters of the one answerInlineQuery that an inline query gets."""
    before = len(api(app).params_of("answerInlineQuery"))
    await app.process_update(updates.inline(query))
    answers = api(app).params_of("answerInlineQuery")
    assert len(answers) == before + 1
    return answers[-1]


def ids(answer: dict[str, Any]) -> list[str]:
    return [result["id"] for result in answer["results"]]


async def test_rlhf_lists_its_entry_first_and_choosing_it_posts_question_answer_and_bot(
    app: BotApplication, updates: Updates, library: Library
) -> None:
    answer = await ask_inline(app, updates, "RLHF")
    first = answer["results"][0]
    entry = library.get("rlhf")
    assert entry is not None
    assert first["type"] == "article" and first["id"] == "rlhf"
    assert first["title"] == entry.question
    assert first["description"] and len(first["description"]) <= inline.DESCRIPTION_CHARS
    posted = first["input_message_content"]["message_text"]
    assert posted.startswith(f"【{entry.question}】\n\n{entry.answer.strip()[:20]}")
    assert posted.endswith("\n\n—— 来自 @TestNameBot，私聊我可以继续问")
    assert "parse_mode" not in first["input_message_content"]  # plain text: nothing to escape
    assert answer["cache_time"] == inline.CACHE_SECONDS == 30
    assert answer["is_personal"] is False
    assert answer["button"]["start_parameter"] == inline.START_PARAMETER


@pytest.mark.parametrize("query", ANSWERED + AMBIGUOUS + OFF_TOPIC + NOT_IN_THE_ARTICLES)
async def test_inline_lists_what_a_chat_would_answer_or_offer_and_nothing_it_would_decline(
    app: BotApplication, updates: Updates, library: Library, query: str
) -> None:
    match = library.match(query)
    listed = ids(await ask_inline(app, updates, query))
    if match.verdict is Verdict.DECLINE or (match.best and match.best.entry.declines):
        assert listed == []
    elif match.verdict is Verdict.ANSWER:
        assert match.best is not None and listed[0] == match.best.entry.id
    else:
        offered = [hit.entry.id for hit in match.hits if not hit.entry.declines]
        assert listed[: len(offered)] == offered
    assert len(listed) <= inline.MAX_RESULTS and len(set(listed)) == len(listed)
    assert not {entry_id for entry_id in listed if library.get(entry_id).declines}  # type: ignore[union-attr]


async def test_the_fixtures_cover_all_three_verdicts_and_declining_entries(
    library: Library,
) -> None:
    verdicts = {library.match(q).verdict for q in ANSWERED + AMBIGUOUS + OFF_TOPIC}
    assert verdicts == set(Verdict)
    for query in NOT_IN_THE_ARTICLES:
        best = library.match(query).best
        assert best is not None and best.entry.declines
    # A runner-up that declines is searched but not listed.
    assert any(hit.entry.declines for hit in library.search("chatgpt注册"))


@pytest.mark.parametrize(
    ("query", "button"),
    [
        ("今天天气怎么样", "没有找到答案，点这里私聊我提问"),
        ("", "输入问题，或点这里私聊我"),
        ("   ", "输入问题，或点这里私聊我"),
        ("你好", "没有找到答案，点这里私聊我提问"),  # a greeting is not a question
        ("继续", "没有找到答案，点这里私聊我提问"),  # nothing to continue outside a chat
    ],
)
async def test_no_answer_offers_only_the_button_to_a_private_chat(
    app: BotApplication, updates: Updates, query: str, button: str
) -> None:
    answer = await ask_inline(app, updates, query)
    assert answer["results"] == []
    assert answer["button"] == {"text": button, "start_parameter": inline.START_PARAMETER}


def raw_inline(app: BotApplication, query_json: str) -> Update:
    """An inline query whose text is given as JSON source (to carry lone surrogates)."""
    query = {"id": "q1", "offset": "", "query": json.loads(query_json), "from": user(ALICE)}
    data = {"update_id": 900, "inline_query": query}
    return Update.de_json(data, app.bot)


@pytest.mark.parametrize(
    "query_json",
    [
        json.dumps("什么是RLHF" * 400),  # 4,000 characters; Telegram stops at 256
        json.dumps("RLHF" + "\x00\x01\x1b[2J\u202e\ufffe" * 50),
        '"\\ud800\\udfff\\udc00RLHF\\ud83d"',  # lone surrogates: not even encodable as UTF-8
        json.dumps("😀" * 300 + "大模型"),
    ],
)
async def test_oversized_and_binary_junk_queries_are_answered_not_failed(
    app: BotApplication, store: SqliteStore, query_json: str
) -> None:
    await app.process_update(raw_inline(app, query_json))
    [answer] = api(app).params_of("answerInlineQuery")
    assert answer["inline_query_id"] == "q1"
    json.dumps(answer, ensure_ascii=False).encode()  # what goes to Telegram is valid UTF-8
    assert rows(store, "SELECT COUNT(*) FROM answers") == [(0,)]


async def test_a_long_query_is_matched_on_its_first_256_characters(
    app: BotApplication, updates: Updates
) -> None:
    padded = "RLHF" + "。" * 252 + "今天天气怎么样" * 100
    assert ids(await ask_inline(app, updates, padded))[:1] == ["rlhf"]


async def test_inline_queries_leave_no_answer_log_or_chat_context(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    for query in ("RLHF", "今天天气怎么样", "生成式"):
        await ask_inline(app, updates, query)
    assert api(app).sent == []
    assert rows(store, "SELECT COUNT(*) FROM answers") == [(0,)]


async def test_every_result_keeps_to_telegrams_limits(
    app: BotApplication, updates: Updates, library: Library
) -> None:
    for entry in library.entries:
        answer = await ask_inline(app, updates, entry.question)
        for result in answer["results"]:
            assert len(result["id"].encode()) <= 64
            text = result["input_message_content"]["message_text"]
            assert 0 < utf16_length(text) <= MAX_MESSAGE_UTF16


class StaleQueries(OfflineBotApi):
    """Telegram's answer to an inline answer that came after the query's ~10 s had passed."""

    async def do_request(self, url: str, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        if url.endswith("/answerInlineQuery"):
            await super().do_request(url, *args, **kwargs)  # recorded all the same
            reason = "Bad Request: query is too old and response timeout expired"
            return 400, json.dumps({"ok": False, "error_code": 400, "description": reason}).encode()
        return await super().do_request(url, *args, **kwargs)


async def test_a_stale_inline_query_is_noted_not_reported_as_a_failure(
    store: SqliteStore, library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with bot_on(store, library, request_class=StaleQueries) as app:
        await app.process_update(Updates(app).inline("RLHF"))
        assert len(api(app).params_of("answerInlineQuery")) == 1
    assert any("not answered: " in r.getMessage() for r in caplog.records)


def entry(answer: str, *, entry_id: str = "long-one") -> Entry:
    return Entry(entry_id, "什么是长回答？", (), (), "长回答", answer)


def test_a_long_answer_posts_its_first_sentences_and_points_to_the_bot() -> None:
    sentences = [f"这是第{i}句，讲一点大模型的知识。" for i in range(300)]
    posted = inline.posted_text(entry("".join(sentences)), "TestNameBot")
    body, footer = posted.rsplit("\n\n", 1)
    assert footer == "—— 来自 @TestNameBot，私聊我看完整回答"
    assert body.startswith("【什么是长回答？】\n\n这是第0句") and body.endswith("。……")
    assert len(body) <= inline.ANSWER_CHARS + 20
    assert utf16_length(posted) <= MAX_MESSAGE_UTF16


def test_one_endless_sentence_of_emoji_is_cut_within_telegrams_limit() -> None:
    posted = inline.posted_text(entry("😀" * 5000), "TestNameBot")
    assert utf16_length(posted) <= MAX_MESSAGE_UTF16
    assert posted.endswith("……\n\n—— 来自 @TestNameBot，私聊我看完整回答")


def test_an_id_too_long_for_telegram_gets_a_short_stable_result_id() -> None:
    long_id = "x" * 80
    made = inline.result_id(entry("短。", entry_id=long_id))
    assert len(made.encode()) <= 64 and made == inline.result_id(entry("别的。", entry_id=long_id))


def test_inline_queries_are_fetched() -> None:
    assert Update.INLINE_QUERY in ALLOWED_UPDATES
