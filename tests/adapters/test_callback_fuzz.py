"""Callback data of every shape: decoded to a press only when it is exactly what we encode."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from bot.adapters.telegram.callback_data import (
    AskPress,
    ContinuePress,
    VotePress,
    decode,
    encode,
)

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
