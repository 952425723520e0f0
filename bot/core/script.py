"""Replying in the asker's script: detect traditional characters, convert a reply to them.

A message is traditional when more of its characters change under traditional -> simplified
conversion than under simplified -> traditional. Characters written the same in both scripts
(大, 模, 型, latin, digits) count for neither, and an ambiguous one (著, both 著名 and 顯著)
is outweighed by the rest of the message.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from functools import cache

import opencc

from bot.core import memo
from bot.core.reply import Reply


class Script(Enum):
    """How a reply is written."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


@cache
def _converter(config: str) -> opencc.OpenCC:
    # Building a converter reads OpenCC's dictionaries: once per process and direction.
    return opencc.OpenCC(config)


def prepare() -> None:
    """Build both converters now (OpenCC reads its dictionaries on first use)."""
    _converter("t2s")
    _converter("s2t")


def to_simplified(text: str) -> str:
    """The text in simplified characters (OpenCC's t2s); a lone surrogate, which OpenCC cannot
    take, as "?", so that the text keeps its length."""
    try:
        simplified: str = _converter("t2s").convert(text)
    except UnicodeEncodeError:
        simplified = _converter("t2s").convert(text.encode("utf-8", "replace").decode("utf-8"))
    return simplified


def detect(text: str) -> Script | None:
    """The script a message is written in; None when nothing in it tells (GPT, 1, 大模型)."""
    return _detected(text)


def _detect(text: str) -> Script | None:
    traditional = _changed(text, to_simplified(text))
    simplified = _changed(text, _converter("s2t").convert(text))
    if traditional == simplified:
        return None
    return Script.TRADITIONAL if traditional > simplified else Script.SIMPLIFIED


# Two conversions cost ~20 µs, a twentieth of a repeated question's turn (see `bot.core.memo`).
_detected = memo.ShortTextMemo(_detect, size=1024)


def to_script(text: str, script: Script) -> str:
    """The text in `script` (the knowledge and the phrases are written in simplified)."""
    return _converter("s2t").convert(text) if script is Script.TRADITIONAL else text


def reply_in(reply: Reply, script: Script) -> Reply:
    """The reply's text and button labels in `script`."""
    if script is Script.SIMPLIFIED:
        return reply
    buttons = tuple(replace(b, label=to_script(b.label, script)) for b in reply.buttons)
    return replace(reply, text=to_script(reply.text, script), buttons=buttons)


def _changed(before: str, after: str) -> int:
    if len(before) != len(after):  # a phrase conversion changed the length: count the excess
        return abs(len(before) - len(after)) + sum(
            a != b for a, b in zip(before, after, strict=False)
        )
    return sum(a != b for a, b in zip(before, after, strict=True))
