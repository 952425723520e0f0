"""/review offline: the product's build_application() with a review service on a copy of the
knowledge, driven by built updates through `process_update` on an offline Bot API."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from manual_clock import ManualClock
from samples import UNSURE
from telegram_offline import (
    ADMIN,
    ALICE,
    GROUP,
    TOKEN,
    OfflineBotApi,
    Updates,
    api,
    buttons,
    rows,
    with_keyboard,
)

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.telegram import notices
from bot.adapters.telegram.callback_data import (
    MAX_BYTES,
    ReviewPress,
    decode,
    decode_review,
    encode_review,
)
from bot.adapters.telegram.review import NOT_OURS, NOTHING_LEFT, SKIP
from bot.adapters.telegram_app import BotApplication
from bot.adapters.telegram_app import build_application as build
from bot.bootstrap import review_service, telegram_config
from bot.core.dialogue import DialogueConfig
from bot.core.library import Library, load_library
from bot.live_knowledge import LiveLibrary
from bot.review import Decision
from bot.service import ChatService
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ADD_REWARD_MODEL = "加为「什么是奖励模型？」的问法"

pytestmark = pytest.mark.usefixtures("no_errors_logged")


@pytest.fixture
def live(tmp_path: Path, library: Library) -> LiveLibrary:
    directory = Path(shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge"))
    # The session's library lends its text pipeline (same lexicon): half the loading time.
    return LiveLibrary(directory, load_library(directory, previous=library))


@pytest.fixture
async def app(store: SqliteStore, live: LiveLibrary) -> AsyncIterator[BotApplication]:
    """The bot as the root wires it, answering askers (BOT_REVIEW_ANSWERS_ASKER=true)."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=TOKEN,
        admin_ids=frozenset({ADMIN}),
        knowledge_dir=live.directory,
        rate_limiter=False,
        review_answers_asker=True,
    )
    chat = ChatService(store, live.current, DialogueConfig(page_size=80))
    review = review_service(settings, store, live.current, reload=live.reload, chat=chat)
    application = build(
        telegram_config(settings),
        chat,
        request_class=OfflineBotApi,
        review_queue=review,
        clock=ManualClock(),
    )
    async with application:
        yield application
    assert api(application).unexpected == []


def files(live: LiveLibrary) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(live.directory.glob("*.yaml"))}


async def review_message(app: BotApplication, updates: Updates) -> dict[str, Any]:
    """Alice's unsure question, then /review by the admin: the message with the buttons."""
    await app.process_update(updates.message(UNSURE, user_id=ALICE))
    await app.process_update(updates.message("/review", user_id=ADMIN))
    offered = api(app).sent[-1]
    assert offered["chat"]["id"] == ADMIN
    return offered


async def test_review_shows_the_question_with_its_candidates_as_buttons(
    app: BotApplication, updates: Updates
) -> None:
    offered = await review_message(app, updates)
    assert f"问题：“{UNSURE}”" in offered["text"] and "还有 1 个问题" in offered["text"]
    labels = buttons(offered)
    assert ADD_REWARD_MODEL in labels and SKIP in labels and NOT_OURS in labels
    assert all(len(data.encode()) <= MAX_BYTES for data in labels.values())
    assert decode_review(labels[SKIP]) is not None and decode(labels[SKIP]) is None


async def test_adding_reloads_answers_the_asker_and_the_phrasing_is_answered_from_then_on(
    app: BotApplication, updates: Updates, store: SqliteStore, live: LiveLibrary
) -> None:
    offered = await review_message(app, updates)
    before = len(api(app).sent)
    press = updates.press(buttons(offered)[ADD_REWARD_MODEL], offered, user_id=ADMIN)
    await app.process_update(press)
    to_admin = api(app).texts(ADMIN)[-2:]
    assert "已把" in to_admin[0] and "reward-model" in to_admin[0] and "已回答提问者" in to_admin[0]
    assert to_admin[1] == NOTHING_LEFT
    [told] = [m for m in api(app).sent[before:] if m["chat"]["id"] == ALICE]
    assert told["text"].startswith(f"你之前问过“{UNSURE}”") and "👍" in buttons(told)
    [(entry_id, carried)] = rows(
        store, f"SELECT entry_id, bot_message_id FROM answers WHERE chat_id = {ALICE} AND id > 1"
    )
    assert entry_id == "reward-model" and carried == told["message_id"]
    assert rows(store, "SELECT decision, entry_id, admin_id FROM review_decisions") == [
        ("add", "reward-model", ADMIN)
    ]
    await app.process_update(updates.message(UNSURE, user_id=ALICE))
    assert rows(store, "SELECT kind, entry_id FROM answers ORDER BY id DESC LIMIT 1") == [
        ("answer", "reward-model")
    ]
    # The same button again: decided already, nothing more written.
    await app.process_update(updates.press(press.callback_query.data, offered, user_id=ADMIN))  # type: ignore[union-attr]
    assert "已经处理过了" in api(app).texts(ADMIN)[-1]
    assert len(rows(store, "SELECT * FROM review_decisions")) == 1


async def test_review_refuses_non_admins_and_groups(
    app: BotApplication, updates: Updates, store: SqliteStore
) -> None:
    await app.process_update(updates.message(UNSURE, user_id=ALICE))
    await app.process_update(updates.message("/review", user_id=ALICE))
    assert api(app).texts(ALICE)[-1] == notices.ADMIN_ONLY
    await app.process_update(updates.message("/review", user_id=ADMIN, chat_id=GROUP))
    assert api(app).texts(GROUP)[-1] == notices.PRIVATE_ONLY
    await app.process_update(updates.message("/review", user_id=ALICE, chat_id=GROUP))
    assert api(app).texts(GROUP)[-1] == notices.ADMIN_ONLY
    assert rows(store, "SELECT * FROM review_decisions") == []


async def test_a_non_admin_pressing_a_review_button_is_refused_and_nothing_written(
    app: BotApplication, updates: Updates, store: SqliteStore, live: LiveLibrary
) -> None:
    offered = await review_message(app, updates)
    before, sent = files(live), len(api(app).sent)
    for label in (ADD_REWARD_MODEL, SKIP, NOT_OURS):
        await app.process_update(updates.press(buttons(offered)[label], offered, user_id=ALICE))
    assert api(app).callback_answers()[-3:] == [notices.ADMIN_ONLY] * 3
    assert len(api(app).sent) == sent and files(live) == before
    assert rows(store, "SELECT * FROM review_decisions") == []


@pytest.mark.parametrize(
    "forged",
    [
        "r:1:+:GPT 3",  # not an entry id
        "r:01:s",  # not canonical
        "r:1:y",  # no such decision
        "r:1:+:" + "a" * 60,  # too long
        "r:2:s",  # well formed, but no such question in the queue
    ],
)
async def test_a_forged_review_payload_is_refused_and_nothing_written(
    app: BotApplication, updates: Updates, store: SqliteStore, live: LiveLibrary, forged: str
) -> None:
    offered = await review_message(app, updates)
    before = files(live)
    # Not on the message: refused before anything is decoded.
    await app.process_update(updates.press(forged, offered, user_id=ADMIN))
    assert api(app).callback_answers()[-1] == notices.BUTTON_EXPIRED
    # On a message made to carry it (a forger's client): refused or not pending.
    await app.process_update(updates.press(forged, with_keyboard(offered, forged), user_id=ADMIN))
    assert files(live) == before
    assert rows(store, "SELECT * FROM review_decisions") == []


async def test_review_payloads_round_trip_within_64_bytes() -> None:
    for press in (
        ReviewPress(1, Decision.SKIP),
        ReviewPress(10**17, Decision.NOT_OURS),
        ReviewPress(42, Decision.ADD, "large-model-parameters"),
    ):
        data = encode_review(press)
        assert data is not None and len(data.encode()) <= MAX_BYTES
        assert decode_review(data) == press and decode(data) is None
    assert encode_review(ReviewPress(1, Decision.ADD, "x" * 60)) is None


@given(
    st.one_of(st.text(max_size=80), st.from_regex(r"r:[0-9]{1,20}:(\+:[a-z0-9-]{0,70}|[a-z+]?)"))
)
def test_any_payload_is_one_review_decision_in_canonical_form_or_none(data: str) -> None:
    press = decode_review(data)
    assert press is None or encode_review(press) == data
