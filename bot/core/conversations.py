"""Conversation cases: multi-turn scenarios and what each reply must be.

The format of ../shared/eval/dev_conversations.yaml, which `kb test` reads beside the question
cases::

    scenarios:
      - name: pronoun after a definition
        turns:
          - {chat: "101", say: 什么是大模型, matched: true, any: [参数]}
          - {chat: "101", say: 它有多少参数, matched: true, any: [数十亿, 数百亿]}
          - {chat: "101", say: 继续, new_text: true}
          - {chat: "101", say: 那GPT呢, restart: true}

A turn may name its `user` (a negative chat id is a group, where each member has a context of
their own); `matched` says whether the reply must answer from the knowledge (false: decline, ask
back or offer choices); `any` / `none` are strings one of which must / none of which may be in
the reply (compared in simplified characters, whatever the reply's script); `new_text` asks for
a reply unlike every earlier one; `restart` restarts the bot on the same database before the
turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.script import to_simplified
from bot.errors import KnowledgeError, Problem


@dataclass(frozen=True, slots=True)
class ExpectedTurn:
    """One message of a scenario and what its reply must be."""

    chat: str
    user: str
    say: str
    matched: bool | None = None
    any: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    new_text: bool = False
    restart: bool = False

    @property
    def in_group(self) -> bool:
        return self.chat.startswith("-")

    def failures(self, reply: str, matched: bool, earlier: Sequence[str]) -> list[str]:
        """What the reply gets wrong (empty when it passes), in the words `kb test` prints."""
        wrong = []
        if self.matched is not None and matched != self.matched:
            wrong.append("应当回答" if self.matched else "不应回答（应拒答、反问或给出选项）")
        folded = _folded(reply)
        if self.any and not any(_folded(text) in folded for text in self.any):
            wrong.append(f"回复里没有 {list(self.any)} 中的任何一个")
        said = [text for text in self.none if _folded(text) in folded]
        if said:
            wrong.append(f"回复里不该有 {said}")
        if self.new_text and (not reply.strip() or reply in earlier):
            wrong.append("回复和之前的一样（或是空的）")
        return wrong


def _folded(text: str) -> str:
    # A traditional question gets a traditional reply (参数 is 參數 there): the expected strings
    # are about what it says, so both sides are compared in simplified characters.
    return to_simplified(text).casefold()


@dataclass(frozen=True, slots=True)
class Scenario:
    """A conversation: its name and its turns, in order."""

    name: str
    turns: tuple[ExpectedTurn, ...]


def is_conversations(data: object) -> bool:
    """Whether a loaded cases file holds scenarios (not question cases)."""
    return isinstance(data, dict) and "scenarios" in data


def scenarios_from(path: Path, data: object) -> list[Scenario]:
    """The scenarios of a loaded conversations file; a KnowledgeError names the first bad one."""
    raw = data.get("scenarios") if isinstance(data, dict) else None
    if not isinstance(raw, list) or not raw:
        raise KnowledgeError([Problem(str(path), 1, None, "scenarios", "expected a list")])
    scenarios = []
    for number, item in enumerate(raw, start=1):
        turns = item.get("turns") if isinstance(item, dict) else None
        if not isinstance(turns, list) or not turns:
            raise KnowledgeError(
                [Problem(str(path), 0, None, f"scenarios[{number}]", "needs a 'turns' list")]
            )
        name = str(item.get("name") or f"#{number}")
        scenarios.append(
            Scenario(name, tuple(_turn(path, f"{name}[{i}]", t) for i, t in enumerate(turns, 1)))
        )
    return scenarios


def _turn(path: Path, where: str, item: Any) -> ExpectedTurn:
    def strings(key: str) -> tuple[str, ...]:
        value = item.get(key, [])
        if not isinstance(value, list):
            raise KnowledgeError([Problem(str(path), 0, None, where, f"'{key}' must be a list")])
        return tuple(str(text) for text in value)

    if not isinstance(item, dict) or not isinstance(item.get("say"), str):
        raise KnowledgeError([Problem(str(path), 0, None, where, "needs 'chat' and 'say'")])
    matched = item.get("matched")
    if matched is not None and not isinstance(matched, bool):
        raise KnowledgeError([Problem(str(path), 0, None, where, "'matched' must be true/false")])
    chat = str(item.get("chat", "1"))
    return ExpectedTurn(
        chat=chat,
        user=str(item.get("user", f"u-{chat}")),
        say=item["say"],
        matched=matched,
        any=strings("any"),
        none=strings("none"),
        new_text=bool(item.get("new_text", False)),
        restart=bool(item.get("restart", False)),
    )
