"""Users' text made safe for a terminal and a spreadsheet, and the values the CLI accepts."""

from __future__ import annotations

import argparse

import pytest

from bot.arguments import accuracy, chinese, days
from bot.feedback import table
from bot.untrusted import for_spreadsheet, for_terminal


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31m红色\x1b[0m 不对", "红色 不对"),
        ("\x1b]0;pwned\x07标题", "标题"),
        ("\x1b]8;;http://evil\x1b\\链接\x1b]8;;\x1b\\", "链接"),
        ("清屏\x1b[2J\x1b[H", "清屏"),
        ("两行\n文字\r", "两行 文字 "),
        ("响铃\x07退格\x08", "响铃退格"),
        ("\u202egnp.exe", "gnp.exe"),
        ("👍 ChatGPT 是什么？", "👍 ChatGPT 是什么？"),
    ],
)
def test_terminal_text_has_no_control_characters(raw: str, shown: str) -> None:
    assert for_terminal(raw) == shown


def test_tables_strip_escapes_from_every_cell() -> None:
    printed = table(["评论"], [["\x1b[2J\x1b]0;x\x07太简单了"]])
    assert "\x1b" not in printed and "\x07" not in printed and "太简单了" in printed


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert for_spreadsheet(cell) == "'" + cell


@pytest.mark.parametrize("value", ["什么是大模型", "a=b", -100123, 0.5, None])
def test_other_cells_are_left_alone(value: object) -> None:
    assert for_spreadsheet(value) == value  # numbers such as negative chat ids stay numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.97", 0.97), ("97", 0.97), ("97%", 0.97), ("97 %", 0.97), ("1", 1.0), ("0", 0.0)],
)
def test_accuracy_accepts_fraction_or_percent(text: str, value: float) -> None:
    assert accuracy(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["x", "-5", "101", "nan"])
def test_accuracy_refuses_what_is_no_percentage(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        accuracy(text)


@pytest.mark.parametrize("text", ["-5", "-0.1", "nan", "inf", "x"])
def test_days_refuse_negative_and_non_numbers(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        days(text)


def test_argparse_messages_are_translated() -> None:
    assert chinese("the following arguments are required: --html") == "缺少参数：--html"
    assert chinese("unrecognized arguments: --json") == "这里不接受这些参数：--json"
