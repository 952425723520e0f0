"""Errors of the bot, in one tree.

    BotError
    ├── KnowledgeError   a knowledge directory that cannot be loaded (every problem listed)
    ├── StoreError       the database cannot be opened, migrated or written
    └── ConfigError      settings that cannot work (a malformed token, a bad admin id list)

Adapters catch these at their edge; the CLI maps them to a message and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass


class BotError(Exception):
    """Base of every error this package raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the knowledge: where it is and why."""

    file: str
    line: int
    entry_id: str | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = " ".join(
            part
            for part in (
                f"entry {self.entry_id!r}" if self.entry_id else "",
                f"field {self.field!r}" if self.field else "",
            )
            if part
        )
        return f"{where}: {what + ': ' if what else ''}{self.reason}"


class KnowledgeError(BotError):
    """The knowledge cannot be used as it is; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the knowledge"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


class StoreError(BotError):
    """The database could not do what was asked."""


class ConfigError(BotError):
    """A setting has a value the bot cannot work with."""
