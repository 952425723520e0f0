"""Remembering a pure function's results for short texts only."""

from __future__ import annotations

from bot.core.memo import SHORT_TEXT_CHARS, ShortTextMemo


def test_a_short_text_is_worked_out_once_and_a_long_one_every_time() -> None:
    calls: list[str] = []

    def shout(text: str, times: int) -> str:
        calls.append(text)
        return text.upper() * times

    remembered = ShortTextMemo(shout, size=8)
    long_text = "x" * (SHORT_TEXT_CHARS + 1)
    for _ in range(3):
        assert remembered("gpt", 2) == "GPTGPT"
        assert remembered(long_text, 1) == long_text.upper()
    assert remembered("gpt", 1) == "GPT"  # other arguments are part of what is remembered
    assert calls == ["gpt", long_text, long_text, long_text, "gpt"]
