"""The topic browser, deep links and /help's example buttons on Telegram, offline.

The product's application on the offline Bot API (tests/adapters/conftest.py), the real
service on SQLite and the real bundled knowledge.
"""

from __future__ import annotations

from typing import Any

import pytest
from telegram_offline import ALICE, BOB, GROUP, Updates, api, buttons, rows, with_keyboard

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.telegram import notices
from bot.adapters.telegram_app import BotApplication
from bot.core import browse, phrases
from bot.core.knowledge import Topic
from bot.core.library import Library

pytestmark = pytest.mark.usefixtures("no_errors_logged")


async def send(app: BotApplication, update: Any) -> dict[str, Any]:
    """Process an update; the last message the bot sent."""
    await app.process_update(update)
    return api(app).sent[-1]


async def test_topics_to_a_topic_to_a_question_gives_the_normal_answer(
    app: BotApplication, updates: Updates, store: SqliteStore, library: Library
) -> None:
    topics = await send(app, updates.message("/topics"))
    first = library.topics[0]
    assert f"{first.name}（{answering(library, first)} 条）" in topics["text"]
    offered = buttons(topics)
    assert len(offered) == len(library.topics)
    assert all(len(data.encode()) <= 64 for data in offered.values())

    page = await send(
        app, updates.press(offered[f"{first.name}（{answering(library, first)}）"], topics)
    )
    questions = buttons(page)
    entry = library.get(first.entry_ids[0])
    assert entry is not None and entry.question in questions
    assert phrases.NEXT_PAGE in questions and phrases.PREVIOUS_PAGE not in questions
    # ◀ ▶ sit side by side under the questions: the paging row, then the way back.
    rows_of = page["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in rows_of[-2]] == [phrases.NEXT_PAGE]
    assert [b["text"] for b in rows_of[-1]] == [phrases.ALL_TOPICS]

    answer = await send(app, updates.press(questions[entry.question], page))
    assert f"【{entry.question}】" in answer["text"]
    under = buttons(answer)
    assert "👍" in under and "👎" in under
    await app.process_update(updates.press(under["👍"], answer))
    assert api(app).callback_answers()[-1] == phrases.VOTE_RECORDED[1]
    logged = rows(store, "SELECT entry_id, kind FROM answers")
    votes = rows(store, "SELECT value FROM votes")
    assert logged == [(entry.id, "answer")] and votes == [(1,)]


async def test_paging_through_a_long_topic_and_back_to_the_topics(
    app: BotApplication, updates: Updates, library: Library
) -> None:
    topic = max(library.topics, key=lambda t: len(t.entry_ids))
    key = browse.topic_key(topic)
    topics = await send(app, updates.message("/topics"))
    page = await send(app, updates.press(f"bt:{key}:1", topics))
    seen: list[str] = []
    while True:
        labels = buttons(page)
        seen += [label for label, data in labels.items() if data.startswith("br:")]
        if phrases.NEXT_PAGE not in labels:
            break
        if phrases.PREVIOUS_PAGE in labels:  # a middle page: ◀ ▶ in one row
            paging = page["reply_markup"]["inline_keyboard"][-2]
            assert [b["text"] for b in paging] == [phrases.PREVIOUS_PAGE, phrases.NEXT_PAGE]
        page = await send(app, updates.press(labels[phrases.NEXT_PAGE], page))
    # Every page was shown although that is more presses than FLOOD_LIMIT: turning pages is
    # no question.
    assert len(seen) == answering(library, topic) > 3 * 8
    assert phrases.PREVIOUS_PAGE in buttons(page)
    back = await send(app, updates.press(buttons(page)[phrases.ALL_TOPICS], page))
    assert back["text"] == topics["text"]


@pytest.mark.parametrize(
    "data",
    [
        "bt:no_such_topic:1",  # a topic a reload removed
        "bt:chatgpt:99",  # a page past the end
        "br:no-such-entry",  # an entry a reload removed
        "bt:chatgpt:01",  # not canonical
        "bt:",
        "br:",
        "bx:9",
        "bt:CHATGPT:1",
    ],
)
async def test_a_stale_or_forged_browser_press_is_expired(
    app: BotApplication, updates: Updates, data: str
) -> None:
    topics = await send(app, updates.message("/topics"))
    sent_before = len(api(app).sent)
    await app.process_update(updates.press(data, with_keyboard(topics, data)))
    assert api(app).callback_answers() == [notices.BUTTON_EXPIRED]
    assert len(api(app).sent) == sent_before


async def test_a_browser_payload_not_on_the_message_is_expired(
    app: BotApplication, updates: Updates
) -> None:
    topics = await send(app, updates.message("/topics"))
    await app.process_update(updates.press("br:chatgpt-definition", topics))
    assert api(app).callback_answers() == [notices.BUTTON_EXPIRED]


async def test_a_deep_link_opens_the_answer_or_the_topics_and_anything_else_is_welcomed(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    answer = await send(app, updates.message("/start chatgpt-definition"))
    assert "【ChatGPT是什么？】" in answer["text"] and "👍" in buttons(answer)
    assert rows(store, "SELECT entry_id FROM answers") == [("chatgpt-definition",)]
    topics = await send(app, updates.message("/start topics"))
    assert "我了解这些主题" in topics["text"] and buttons(topics)
    for payload in ("no-such-entry", "什么是大模型", "a" * 65, ""):
        welcome = await send(app, updates.message(f"/start {payload}".strip(), user_id=BOB))
        assert welcome["text"] == notices.start()


async def test_help_shows_example_questions_that_ask_when_pressed(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    help_message = await send(app, updates.message("/help"))
    examples = buttons(help_message)
    assert list(examples) == list(phrases.EXAMPLE_QUESTIONS[:3])
    answer = await send(app, updates.press(examples[phrases.EXAMPLE_QUESTIONS[0]], help_message))
    assert "【什么是大模型？】" in answer["text"]
    logged = rows(store, "SELECT query, kind FROM answers")
    assert logged == [(phrases.EXAMPLE_QUESTIONS[0], "answer")]


async def test_in_a_group_the_browser_works_for_every_member(
    app: BotApplication, updates: Updates
) -> None:
    topics = await send(app, updates.message("/topics", chat_id=GROUP))
    first = next(iter(buttons(topics).values()))
    page = await send(app, updates.press(first, topics, user_id=BOB))
    assert page["chat"]["id"] == GROUP and any(d.startswith("br:") for d in buttons(page).values())


async def test_a_traditional_asker_gets_a_traditional_answer_and_buttons(
    app: BotApplication, updates: Updates
) -> None:
    answer = await send(app, updates.message("ChatGPT是怎麼訓練的", user_id=ALICE))
    assert "怎麼訓練" in answer["text"] and "繼續" in buttons(answer)
    topics = await send(app, updates.message("/topics", user_id=ALICE))
    assert "我瞭解這些主題" in topics["text"]


def answering(library: Library, topic: Topic) -> int:
    """How many of a topic's entries the browser offers: not those the articles do not answer."""
    return sum(1 for i in topic.entry_ids if (e := library.get(i)) is not None and not e.declines)
