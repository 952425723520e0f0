"""Reading a knowledge or lexicon file as text, and the ways a YAML parser fails on one.

Anyone who can save a file in the knowledge folder can hand the loader anything: a huge file,
another encoding, YAML nested thousands deep. Every such file must end in a KnowledgeError that
names it, never in an exception that stops the watcher or a traceback from `kb check`.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.error import YAMLError

from bot.errors import KnowledgeError, Problem

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The bundled knowledge files are 1-25 KB; anything this big is a mistake or an attack."""

MAX_FLOW_DEPTH = 64
"""Brackets open at once; the knowledge nests two deep. ruamel.yaml takes seconds to reach its
RecursionError on thousands, so such a file is refused before it is parsed."""

YAML_FAILURES: tuple[type[Exception], ...] = (
    YAMLError,
    # ruamel.yaml's constructors raise these on hostile input instead of a YAMLError:
    RecursionError,  # nesting thousands deep
    ValueError,  # a date such as 2026-02-30
    TypeError,  # an unhashable complex key
    AssertionError,  # a malformed !!omap
    IndexError,
    KeyError,
    AttributeError,
)


def read_source(path: Path) -> str:
    """The file's text; KnowledgeError if it is too big, unreadable or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise KnowledgeError(
                [problem(path, f"too big: {size:,} bytes (at most {MAX_FILE_BYTES:,})")]
            )
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError(
            [problem(path, f"cannot read: not UTF-8 (byte {exc.start}), save it as UTF-8")]
        ) from exc
    except OSError as exc:
        raise KnowledgeError([problem(path, f"cannot read: {exc.strerror or exc}")]) from exc


def read_yaml_source(path: Path) -> str:
    """:func:`read_source` for a YAML file, refusing brackets nested absurdly deep."""
    text = read_source(path)
    line = _line_nested_too_deep(text)
    if line is not None:
        reason = f"malformed YAML: nested too deeply (more than {MAX_FLOW_DEPTH} brackets open)"
        raise KnowledgeError([Problem(str(path), line, None, None, reason)])
    return text


def _line_nested_too_deep(text: str) -> int | None:
    """The line where more than MAX_FLOW_DEPTH brackets are open at once, if any."""
    depth = 0
    for line_number, line in enumerate(text.splitlines(), 1):
        for character in line:
            if character in "[{":
                depth += 1
                if depth > MAX_FLOW_DEPTH:
                    return line_number
            elif character in "]}" and depth:
                depth -= 1
    return None


def parse_failure(path: Path, exc: Exception) -> Problem:
    """A YAML_FAILURES exception as a problem naming the file and, when known, the line."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 0
    if isinstance(exc, RecursionError):
        return Problem(str(path), line, None, None, "malformed YAML: nested too deeply")
    return Problem(str(path), line, None, None, f"malformed YAML: {_reason(exc)}")


def _reason(exc: Exception) -> str:
    """The parser's own reason ("found character '\\t' that cannot start any token")."""
    problem, context = getattr(exc, "problem", None), getattr(exc, "context", None)
    if problem:
        return f"{problem} ({context})" if context else str(problem)
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def problem(path: Path, reason: str) -> Problem:
    """A problem with a whole file."""
    return Problem(str(path), 0, None, None, reason)
