"""A question reads the same in traditional characters and in full-width letters.

Group members write in either script and type on either keyboard. Every question of some of our
case sets, converted mechanically, must get the verdict and the entry of the question as
written: no stage of the reading (the question part, the lexicon, the search) may depend on
the script or the width.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from bot.core.evaluation import load_cases
from bot.core.library import Library
from bot.core.script import to_simplified
from bot.core.search import Verdict

CASES = Path(__file__).resolve().parents[1] / "cases"
SETS = [
    *("kb", "blind", "fresh", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"),
]
"""Every set whose questions all read the same both ways now. Left out: colloquial and fifteenth,
one question each, whose 寫程式 OpenCC turns into 写程序 (a program, not 编程)."""


def full_width(text: str) -> str:
    return "".join(
        chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text
    )


def outcome(library: Library, text: str) -> tuple[str, str | None]:
    """The verdict, and the entry it answers or offers first (a decline offers none)."""
    match = library.match(text)
    offered = match.best is not None and match.verdict is not Verdict.DECLINE
    return match.verdict.value, match.best.entry.id if offered and match.best else None


@pytest.mark.parametrize("name", SETS)
def test_traditional_and_full_width_questions_read_as_written_ones(
    library: Library, name: str
) -> None:
    to_traditional = opencc.OpenCC("s2twp")
    differ = []
    for case in load_cases(CASES / f"{name}_cases.yaml"):
        expected = outcome(library, case.question)
        for variant in (to_traditional.convert(case.question), full_width(case.question)):
            if outcome(library, variant) != expected:
                differ.append((case.question, variant, expected, outcome(library, variant)))
    assert not differ, differ[:5]


def test_a_lone_surrogate_is_converted_as_a_mark_of_its_own() -> None:
    # OpenCC cannot encode one: a long junk message failed the whole search.
    assert to_simplified("\ud800這個\udfff") == "?这个?"


def test_a_long_message_with_lone_surrogates_is_judged(library: Library) -> None:
    text = "\ud800" * 3 + "RLHF，" * 20 + "是什么东西啊你能不能告诉我呢"
    assert library.match(text).verdict in Verdict
