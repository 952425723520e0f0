"""A concept described instead of named ("用人给答案排序打分、再拿去训练模型的那个技术叫什么",
"模型遇到没见过的数据也能处理好，这种能力叫什么"): the asker does not know the name, so no
phrasing of any entry says what they say. The entries that define a concept are read for the
description in their answers instead, where the articles say what the concept does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.core.knowledge import Entry

_THAT = r"(?:那个|那种|这个|这种|那类|这类|那套|这套)"
_CALLED = r"[^\s，,。的]{0,4}?(?:叫做|叫|是)什么(?:名字|名儿|名)?(?:来着)?[吗呢啊呀]*$"
_NAME_ASKED = (
    re.compile(rf"(?P<described>.+?)[的\s，,]*{_THAT}{_CALLED}"),
    re.compile(rf"^{_THAT}(?P<described>.+?)的{_CALLED}"),
)
"""Asking the name of what is described: the description, then 那个 / 这种 (and perhaps what
kind of thing: 技术, 能力, 玩意儿), then 叫什么 / 是什么; or 那个, the description, 的 and the
kind ("那个让AI想一步走一步的玩意儿叫什么"). The normaliser has made 啥 什么."""

MIN_DESCRIBED_WORDS = 2
"""Words a description needs that weigh something (of two characters or more, said by some
definition, no name or question word) to say anything an answer could be found by."""
NAMED_COVERAGE = 0.5
"""The share of the description's weight that a definition's answer must say to be its name."""
NAMED_MARGIN = 0.1
"""How far ahead of the next definition it must be: else it is one of several guesses."""
MAX_DESCRIBED_CHARS = 80
"""How much of the end of a message is read for a description: a 4,000-character message is no
question about a name, and the patterns would try every start in it."""
_ASKS_A_NAME = re.compile(_CALLED)


def described(normalised: str) -> str | None:
    """The description of a question that asks what the thing described is called, or None."""
    tail = normalised[-MAX_DESCRIBED_CHARS:]
    if not _ASKS_A_NAME.search(tail):
        return None
    for shape in reversed(_NAME_ASKED):
        found = shape.search(tail)
        if found:
            return found.group("described")
    return None


def may_ask_a_name(text: str) -> bool:
    """Whether a message as sent may end by asking a name (叫…, 是…): the cheap look before
    normalising it, which a long message costs."""
    return not {"叫", "是"}.isdisjoint(text[-MAX_DESCRIBED_CHARS:])


@dataclass(frozen=True, slots=True)
class Named:
    """A definition entry and the share of the description its answer says."""

    entry: Entry
    coverage: float


def defines(entry: Entry) -> bool:
    """Whether an entry is the definition of its subject ("什么是RLHF？", "GPT是什么？")."""
    return entry.question.startswith("什么是") or entry.question == f"{entry.subject}是什么？"


def named(
    words: Sequence[str],
    entries: Iterable[Entry],
    *,
    answer_words: Callable[[str], frozenset[str]],
    says_nothing: Callable[[str], bool],
    written: Callable[[str], bool],
) -> list[Named]:
    """The definitions whose answers say the described `words`, best first: each by the share
    of the words' weight its answer says. A word weighs by how few of the definitions say it;
    one that none says, or that `says_nothing` (a question word, a name), weighs nothing. A
    definition of what the description names as `written` in the message is left out ("用人类
    打分来训练chatgpt那个方法" is not ChatGPT); one of what only the lexicon read in it is the
    answer (一步一步推理 is 思维链). [] when the description says too little."""
    definitions = [entry for entry in entries if defines(entry)]
    described = set(words)
    # The names of each definition's subject that the description says.
    named_in = {entry.id: answer_words(entry.subject) & described for entry in definitions}
    read_in = [
        entry for entry in definitions if any(not written(name) for name in named_in[entry.id])
    ]
    if len(read_in) == 1:
        return [Named(read_in[0], 1.0)]
    said = {
        entry.id: answer_words(entry.answer) | answer_words(entry.question) for entry in definitions
    }
    asked = [word for word in dict.fromkeys(words) if len(word) > 1 and not says_nothing(word)]
    weighed = {
        word: math.log((len(definitions) + 1) / count)
        for word in asked
        if (count := sum(word in words_said for words_said in said.values()))
    }
    total = sum(weighed.values())
    if len(weighed) < MIN_DESCRIBED_WORDS or total <= 0:
        return []
    found = [
        Named(entry, sum(w for word, w in weighed.items() if word in said[entry.id]) / total)
        for entry in definitions
        if not any(map(written, named_in[entry.id]))
    ]
    return sorted(found, key=lambda named: named.coverage, reverse=True)


def sure(found: Sequence[Named]) -> bool:
    """Whether the best of `found` names the description surely enough to answer."""
    if not found or found[0].coverage < NAMED_COVERAGE:
        return False
    runner_up = found[1].coverage if len(found) > 1 else 0.0
    return found[0].coverage - runner_up >= NAMED_MARGIN
