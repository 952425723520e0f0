"""The Telegram adapter's pure parts: button payloads, message cutting, mentions."""

from __future__ import annotations

import asyncio
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import MessageEntity, User
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

from bot.adapters.telegram import callback_data
from bot.adapters.telegram.addressing import mentions_removed
from bot.adapters.telegram.callback_data import AskPress, ContinuePress, VotePress, decode, encode
from bot.adapters.telegram.outage import Outage, WatchedPolls
from bot.adapters.telegram.render import keyboard, split_message
from bot.core.dialogue import Action, Button, Reply, ReplyKind

BOT = User(666, "Bot", is_bot=True, username="TestNameBot")


# --- callback data -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("press", "data"),
    [
        (ContinuePress(12), "c:12"),
        (AskPress(7, "gpt-vs-chatgpt"), "a:7:gpt-vs-chatgpt"),
        (VotePress(3, 1), "v:3:+"),
        (VotePress(3, -1), "v:3:-"),
    ],
)
def test_payloads_are_compact_and_read_back(press: callback_data.Press, data: str) -> None:
    assert encode(press) == data
    assert decode(data) == press


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "c:",
        "c:0",
        "c:012",
        "c:-1",
        "c:1:extra",
        "x:1",
        "v:1:0",
        "v:1:++",
        "a:1:",
        "a:1:Bad_Id",
        "a:1:-x",
        "a:1:gpt;drop table votes",
        "c:１２",  # full-width digits
        "c:" + "9" * 19,
        "a:1:" + "x" * 61,
    ],
)
def test_malformed_payloads_mean_nothing(data: str | None) -> None:
    assert decode(data) is None


def test_an_entry_id_too_long_for_64_bytes_is_not_encoded() -> None:
    assert encode(AskPress(123, "x" * 60)) is None
    assert encode(AskPress(123, "Not-A-Slug")) is None  # would not decode back


@given(
    answer_id=st.integers(min_value=1, max_value=10**17),
    entry_id=st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}", fullmatch=True),
)
def test_every_encodable_press_fits_and_decodes_to_itself(answer_id: int, entry_id: str) -> None:
    for press in (ContinuePress(answer_id), AskPress(answer_id, entry_id), VotePress(answer_id, 1)):
        data = encode(press)
        assert data is not None and len(data.encode()) <= 64
        assert decode(data) == press


def test_keyboard_puts_votes_side_by_side_and_drops_unencodable_buttons() -> None:
    reply = Reply(
        "text",
        ReplyKind.ANSWER,
        buttons=(
            Button("继续", Action.CONTINUE, "a"),
            Button("问题", Action.ASK, "x" * 80),
            Button("👍", Action.VOTE_UP, "a"),
            Button("👎", Action.VOTE_DOWN, "a"),
        ),
    )
    markup = keyboard(reply, 42)
    assert markup is not None
    rows = [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard]
    assert rows == [[("继续", "c:42")], [("👍", "v:42:+"), ("👎", "v:42:-")]]
    assert keyboard(Reply("text", ReplyKind.DECLINE), 1) is None


# --- cutting long messages -----------------------------------------------------------------


def test_short_text_is_one_piece() -> None:
    assert split_message("你好") == ["你好"]
    assert split_message("  ") == ["…"]  # Telegram refuses empty messages


def test_long_text_is_cut_at_line_breaks_within_the_limit() -> None:
    paragraph = "大模型" * 30
    text = "\n".join([paragraph] * 100)  # 9,099 characters
    pieces = split_message(text, limit=4096)
    assert len(pieces) == 3
    assert all(len(p) <= 4096 for p in pieces)
    assert all(p.startswith("大模型") and p.endswith("大模型") for p in pieces)
    assert "\n".join(pieces) == text


def test_the_limit_counts_utf16_units_so_emoji_count_twice() -> None:
    text = "😀" * 3000  # 6,000 UTF-16 units, no line breaks
    pieces = split_message(text, limit=4096)
    assert [len(p) for p in pieces] == [2048, 952]
    assert "".join(pieces) == text


@given(st.text(max_size=300).filter(str.strip))
def test_cutting_loses_nothing_but_whitespace(text: str) -> None:
    pieces = split_message(text, limit=40)
    assert all(0 < len(p.encode("utf-16-le")) // 2 <= 40 for p in pieces)
    assert "".join("".join(p.split()) for p in pieces) == "".join(text.split())


# --- mentions ------------------------------------------------------------------------------


def entity(text: str, part: str, kind: str = MessageEntity.MENTION) -> MessageEntity:
    """An entity over `part` in `text`, with offsets in UTF-16 units as Telegram sends them."""
    start = len(text[: text.index(part)].encode("utf-16-le")) // 2
    return MessageEntity(kind, start, len(part.encode("utf-16-le")) // 2)


def test_a_mention_after_an_emoji_is_cut_in_the_right_place() -> None:
    text = "😀😀 @TestNameBot 什么是大模型"
    assert mentions_removed(text, [entity(text, "@TestNameBot")], BOT) == (
        True,
        "😀😀 什么是大模型",
    )


@given(
    text=st.text(st.characters(exclude_categories=()), max_size=40),
    marks=st.lists(
        st.tuples(
            st.sampled_from([MessageEntity.MENTION, MessageEntity.TEXT_MENTION, "bold"]),
            st.integers(0, 50),
            st.integers(0, 50),
        ),
        max_size=4,
    ),
)
def test_any_text_and_any_entity_offsets_leave_valid_text(
    text: str, marks: list[tuple[str, int, int]]
) -> None:
    # Offsets come from the client side of Telegram; they may point anywhere, even mid-pair.
    entities = [MessageEntity(kind, offset, length, user=BOT) for kind, offset, length in marks]
    _, remaining = mentions_removed(text + "@TestNameBot", entities, BOT)
    remaining.encode()  # valid Unicode: no lone surrogate left to break the database or the reply


def test_mentions_of_others_stay_and_do_not_count() -> None:
    text = "@someone 什么是大模型"
    assert mentions_removed(text, [entity(text, "@someone")], BOT) == (False, text)


def test_mention_case_does_not_matter_and_text_mentions_count() -> None:
    text = "@testnamebot 你好"
    assert mentions_removed(text, [entity(text, "@testnamebot")], BOT) == (True, "你好")
    named = MessageEntity(MessageEntity.TEXT_MENTION, 0, 3, user=BOT)
    assert mentions_removed("机器人 GPT是什么", [named], BOT) == (True, "GPT是什么")


# --- outage --------------------------------------------------------------------------------


def test_an_outage_is_logged_when_it_starts_once_a_minute_and_when_it_ends(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [1000.0]
    outage = Outage(lambda: now[0])

    def fail_for(seconds: float) -> None:  # 8 polls a second (a step exact in binary)
        for _ in range(round(seconds * 8)):
            outage.report(NetworkError("connection refused"))
            now[0] += 0.125

    fail_for(90)
    outage.answered()
    outage.answered()
    for _ in range(100):  # then flapping: every other poll fails, for 25 s
        fail_for(0.125)
        now[0] += 0.125
        outage.answered()
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "the Bot API is not answering (connection refused); retrying (1 failed call so far)",
        "the Bot API is not answering (connection refused); retrying (481 failed calls so far)",
        "the Bot API answers again after 720 failed calls",
    ]


async def test_a_poll_that_times_out_is_reported_and_still_raised(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A real server on loopback that accepts the connection and never answers.
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        await reader.read()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    outage = Outage(time.monotonic)
    request = WatchedPolls(HTTPXRequest(read_timeout=0.2), outage)
    async with server, request:
        with pytest.raises(TimedOut):
            await request.post(f"http://127.0.0.1:{port}/botTOKEN/getUpdates")
        for writer in held:
            writer.close()
            await writer.wait_closed()
    assert request.read_timeout == 0.2
    assert [r.getMessage() for r in caplog.records] == [
        "the Bot API is not answering (Timed out); retrying (1 failed call so far)"
    ]
