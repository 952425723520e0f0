"""Telling traditional from simplified, and writing a reply in the asker's script."""

from __future__ import annotations

import pytest

from bot.core import script
from bot.core.reply import Action, Button, Reply, ReplyKind
from bot.core.script import Script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("什麼是大模型？", Script.TRADITIONAL),
        ("ChatGPT是怎麼訓練的", Script.TRADITIONAL),
        ("參數", Script.TRADITIONAL),
        ("什么是大模型？", Script.SIMPLIFIED),
        ("继续", Script.SIMPLIFIED),
        # Mostly simplified with one traditional character (a typo, a copied word): simplified.
        ("请问一下，什麼是大模型呀？", Script.SIMPLIFIED),
        # 著 is written the same in both (著名): it decides nothing on its own ...
        ("著名的模型", None),
        # ... and is outweighed by a character that only traditional has.
        ("顯著的著作", Script.TRADITIONAL),
        # Nothing that differs between the scripts: no opinion, the chat's last one holds.
        ("大模型", None),
        ("GPT-3", None),
        ("2", None),
        ("", None),
    ],
)
def test_detect(text: str, expected: Script | None) -> None:
    assert script.detect(text) is expected


def test_a_reply_is_converted_text_and_labels_and_simplified_is_left_alone() -> None:
    reply = Reply(
        "【什么是大模型？】\n\n大模型通常指参数很多的模型。",
        ReplyKind.ANSWER,
        "large-model",
        buttons=(Button("继续", Action.CONTINUE, "large-model"), Button("👍", Action.VOTE_UP)),
    )
    converted = script.reply_in(reply, Script.TRADITIONAL)
    assert converted.text == "【什麼是大模型？】\n\n大模型通常指參數很多的模型。"
    assert [b.label for b in converted.buttons] == ["繼續", "👍"]
    assert converted.buttons[0].entry_id == "large-model" and converted.entry_id == "large-model"
    assert script.reply_in(reply, Script.SIMPLIFIED) is reply


def test_a_short_message_has_its_script_remembered_and_a_long_one_not() -> None:
    remembered = script._detected.cache_info
    short, long = "這個模型怎麼訓練", "這個模型怎麼訓練" * 100
    script.detect(short)
    hits, size = remembered().hits, remembered().currsize
    assert script.detect(short) is Script.TRADITIONAL and remembered().hits == hits + 1
    assert script.detect(long) is Script.TRADITIONAL and remembered().currsize == size
