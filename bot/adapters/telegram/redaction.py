"""Keeping the bot's token out of every log record and error message.

The token is in every Bot API URL, so it turns up in httpx's request lines, in PTB's "The token
`…` was rejected" and in the text of network errors. Redacting where each is written would miss
the next one; instead every log record is redacted as it is made, at every level, whichever
logger or handler it goes to.
"""

from __future__ import annotations

import logging
from typing import Any

REDACTED = "<token>"
_MIN_SECRET = 8
"""A secret half shorter than this is no real token (and too short to replace safely)."""

_tokens: set[str] = set()
_make_record = logging.getLogRecordFactory()


def redact(text: str) -> str:
    """The text with every registered token's secret replaced."""
    for secret in _tokens:
        text = text.replace(secret, REDACTED)
    return text


def redact_logs(token: str) -> None:
    """From now on, no log record carries this token (idempotent)."""
    # The part after the colon is the credential; redacting it alone also covers the token's
    # URL-encoded form (123%3A…), where the colon is written differently.
    secret = token.strip().partition(":")[2] or token.strip()
    if len(secret) >= _MIN_SECRET:
        _tokens.add(secret)
    logging.setLogRecordFactory(_redacted_record)


def _redacted_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _make_record(*args, **kwargs)
    try:
        message = record.getMessage()
    except (TypeError, ValueError):  # arguments that do not fit: logging reports it on emit
        return record
    record.msg, record.args = redact(message), ()
    if record.exc_info and record.exc_info[1] is not None:
        # Formatters keep an exc_text that is already there, so the traceback is written once,
        # redacted, instead of formatted again from the exception.
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    return record
