"""Callback data of every shape: decoded to a press only when it is exactly what we encode."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from bot.adapters.telegram.callback_data import (
    AskPress,
    BrowsePress,
    ContinuePress,
    ExamplePress,
    ReadPress,
    VotePress,
    browser_press_for,
    decode,
    decode_browser,
    encode,
    encode_browser,
)
from bot.core import browse
from bot.core.library import Library

# Telegram's JSON may carry "\udXXX" escapes, which Python decodes to lone surrogates.
ANY_CHARACTER = st.characters(exclude_categories=())

shapes = st.one_of(
    st.none(),
    st.text(max_size=100),
    st.text(alphabet=ANY_CHARACTER, max_size=80),
    st.builds(
        lambda k, n, r: f"{k}:{n}:{r}",
        st.sampled_from("cavx:"),
        st.integers(-(10**20), 10**20),
        st.text(ANY_CHARACTER, max_size=70),
    ),
    st.from_regex(r"[cav]:[0-9]{1,25}(:[+\-a-z0-9-]{0,80})?", fullmatch=True),
)


@given(data=shapes)
@example(data="v:1:\udbab")  # once crashed the byte-length check
def test_any_payload_decodes_to_a_press_or_nothing(data: str | None) -> None:
    press = decode(data)
    if press is not None:
        # Only canonical payloads are accepted: decoding then encoding gives the same bytes.
        assert data is not None and encode(press) == data
        assert len(data.encode()) <= 64


@given(
    answer_id=st.integers(1, 10**12),
    value=st.sampled_from([1, -1]),
    entry=st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,4}", fullmatch=True),
)
def test_what_we_encode_decodes_back(answer_id: int, value: int, entry: str) -> None:
    for press in (
        ContinuePress(answer_id),
        VotePress(answer_id, value),
        AskPress(answer_id, entry),
    ):
        data = encode(press)
        if data is not None:  # too long for Telegram's 64 bytes: no button is made
            assert decode(data) == press


# --- the topic browser's and /help's payloads ----------------------------------------------

browser_shapes = st.one_of(
    shapes,
    st.from_regex(r"b[trx]:?[a-z0-9_:\-]{0,70}", fullmatch=True),
    st.builds(
        lambda k, t, n: f"{k}:{t}:{n}",
        st.sampled_from(["bt", "br", "bx", "b"]),
        st.text(ANY_CHARACTER, max_size=70),
        st.integers(-(10**6), 10**6),
    ),
)


@given(data=browser_shapes)
@example(data="bt:chatgpt:01")  # a page number that is not canonical
@example(data="bx:\udbab")
def test_any_payload_decodes_to_a_browser_press_or_nothing(data: str | None) -> None:
    press = decode_browser(data)
    if press is not None:
        assert data is not None and encode_browser(press) == data
        assert len(data.encode()) <= 64
        # One meaning only: no payload is both a browser press and an answer's press.
        assert decode(data) is None


@given(
    topic=st.from_regex(r"[a-z0-9]+(_[a-z0-9]+){0,4}", fullmatch=True),
    page=st.integers(-5, 20_000),
    entry=st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,4}", fullmatch=True),
    index=st.integers(-3, 12),
)
def test_what_we_encode_for_the_browser_decodes_back(
    topic: str, page: int, entry: str, index: int
) -> None:
    for press in (
        BrowsePress(None),
        BrowsePress(topic, page),
        ReadPress(entry),
        ExamplePress(index),
    ):
        data = encode_browser(press)
        if data is not None:  # too long, a page out of range or no such example: no button
            assert decode_browser(data) == press and len(data.encode()) <= 64
    assert encode_browser(BrowsePress(None)) == "bt"


def test_every_bundled_button_of_the_browser_fits(library: Library) -> None:
    views = [browse.topics_view(library)]
    for topic in browse.browsable(library):
        key = browse.topic_key(topic)
        views += [
            browse.view(library, key, n)
            for n in range(1, browse.page_count(len(topic.entry_ids)) + 1)
        ]
    pressed = [browser_press_for(b) for v in views if v is not None for b in v.buttons]
    assert pressed and all(p is not None and encode_browser(p) is not None for p in pressed)
