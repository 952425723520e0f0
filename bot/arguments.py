"""The command line's parser in Chinese, and the values its options accept.

argparse writes its own words ("usage:", "the following arguments are required") in English;
everything else an admin reads is Chinese, so this parser says those in Chinese too. Flags stay
English.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

EXIT_USAGE = 2
NO_END = 1e18
"""The default --until: later than any time the log can hold."""

_MESSAGES: Sequence[tuple[re.Pattern[str], str]] = tuple(
    (re.compile(pattern), chinese)
    for pattern, chinese in (
        (r"^the following arguments are required: (.*)$", r"缺少参数：\1"),
        (r"^unrecognized arguments: (.*)$", r"这里不接受这些参数：\1"),
        (
            r"^argument (\S+): invalid choice: (.*) \(choose from (.*)\)$",
            r"\1 不接受 \2（可选：\3）",
        ),
        (r"^argument (\S+): expected one argument$", r"\1 后面需要一个值"),
        (r"^argument (\S+): expected at least one argument$", r"\1 后面至少需要一个值"),
        (r"^argument (\S+): invalid (\S+) value: (.*)$", r"\1 的值无效：\3"),
        (r"^argument (\S+): not allowed with argument (.*)$", r"\1 不能与 \2 同时使用"),
        (r"^argument (\S+): ignored explicit argument (.*)$", r"\1 不接受值 \2"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"选项 \1 不明确，可能是：\2"),
        (r"^argument (\S+): (.*)$", r"\1：\2"),
    )
)


def chinese(message: str) -> str:
    """argparse's English error message in Chinese (unknown ones pass through unchanged)."""
    for pattern, replacement in _MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help with a Chinese "usage" line; descriptions keep their line breaks."""

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Chinese; its subcommands are Parsers too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示这段帮助并退出")

    def error(self, message: str) -> NoReturn:
        """One line in Chinese and the usage, exit code 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"错误：{chinese(message)}\n")


def moment(text: str) -> float:
    """YYYY-MM-DD or an ISO 8601 time (UTC when it names no zone) as a Unix time."""
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"不是日期：{text!r}（格式 YYYY-MM-DD）") from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.timestamp()


def accuracy(text: str) -> float:
    """A minimum accuracy as a fraction: 0.97, 97 and 97% all mean 97 %."""
    number = text.strip().removesuffix("%").strip()
    try:
        value = float(number)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"不是百分比：{text!r}（例如 0.97、97 或 97%）") from exc
    if text.strip().endswith("%") or value > 1:
        value /= 100  # a percentage: "97%" or a number above 1
    if not 0 <= value <= 1 or math.isnan(value):
        raise argparse.ArgumentTypeError(f"必须在 0 到 100% 之间：{text!r}")
    return value


def days(text: str) -> float:
    """A number of days, zero or more (a negative age would delete everything)."""
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"不是天数：{text!r}") from exc
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"天数必须是 0 或正数（收到 {text}）")
    return value
