"""Find the question in a long message.

People put context before a question ("我下周要给部门做个分享，自己还没搞懂，RLHF到底是怎么回事？").
The context is about the asker, not about the knowledge: judged with it, every word the
knowledge does not know counts against the question; judged without it, the question stands on
its own. So a long message is cut into clauses, and the last clause that asks something is the
question, joined to the nearest clause that names a subject when it refers back
("……ChatGPT和Siri有啥不一样，我答不上来。它俩的区别到底在哪？").
"""

from __future__ import annotations

import re
from collections.abc import Callable

LONG_MESSAGE_CHARS = 24
"""Shorter messages are judged whole: they are the question."""

SELF_CONTAINED_CHARS = 10
"""A clause this long or longer can stand on its own even without naming a subject."""

_CLAUSE_END = re.compile(r"(?<=[。！？!?；;，,\n])|(?<=[.](?=\s))")
_QUESTION_MARK = re.compile(
    r"[?？]|什么|啥|咋|怎么|怎样|如何|为什么|为啥|吗|呢|哪|多少|几|是否|是不是|有没有|能不能|会不会"
    r"|可不可以|区别|不同|干嘛|干什么|靠谱|\b(?:what|how|why|who|when|where|which|can|does|is)\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(r"它|他们|她们|这个|那个|这些|那些|这俩|它俩|两者|二者|前者|后者")


def question_focus(text: str, *, names_subject: Callable[[str], bool]) -> str:
    """The part of `text` that asks the question; the whole text when it is short or unclear.

    `names_subject(clause)` tells whether a clause names a subject of the knowledge (ChatGPT,
    大模型...).
    """
    if len(text) <= LONG_MESSAGE_CHARS:
        return text
    clauses: list[str] = [c.strip() for c in _CLAUSE_END.split(text) if c and c.strip()]
    asking = [i for i, clause in enumerate(clauses) if _QUESTION_MARK.search(clause)]
    if len(clauses) < 2 or not asking:
        return text
    question = clauses[asking[-1]]
    if not _refers_back(question, names_subject):
        return question
    # The question needs what it refers to: the nearest clause before it that names a subject.
    # The clauses between are about the asker, and left out.
    for clause in reversed(clauses[: asking[-1]]):
        if names_subject(clause):
            return clause + question
    return text


def _refers_back(question: str, names_subject: Callable[[str], bool]) -> bool:
    """A pronoun, or a short clause that names no subject ("是哪家公司做的")."""
    if _REFERS_BACK.search(question):
        return True
    return len(question) < SELF_CONTAINED_CHARS and not names_subject(question)
