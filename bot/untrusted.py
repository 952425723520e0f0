"""Text that users wrote, made safe for where an admin reads it: a terminal or a spreadsheet.

Questions and comments come from anyone on Telegram. Printed raw, an escape sequence could
recolour, retitle or clear an admin's terminal; written raw into a CSV, ``=HYPERLINK(...)`` or
``+cmd|...`` is run by the spreadsheet that opens it.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # two-character escapes
)
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""OWASP's list: a cell starting with one of these is a formula to a spreadsheet."""


def for_terminal(text: str) -> str:
    """The text without escape sequences, control characters or bidi overrides; one line."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    return "".join(_visible(char) for char in text)


def _visible(char: str) -> str:
    if char in "\n\r\t":
        return " "  # keeps a table row on one line
    if char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc":
        return ""
    return char


def for_spreadsheet(value: object) -> object:
    """A CSV cell that no spreadsheet runs: text starting like a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
