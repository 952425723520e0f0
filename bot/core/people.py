"""Someone an answer told of: "他说了啥", "他是啥职位" after the answer quoting 埃里克·博伊德.

The articles name few people, and say of each only the sentence that names them. 他 or 她 right
after such an answer means that person, not the answer's subject (ChatGPT is no 他), and what
the articles say of them is that sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.core.knowledge import Entry
from bot.core.parts import SENTENCE

_HE_OR_SHE = re.compile(
    r"(?<![其吉])[他她](?![们人])|说(?:这|那)?(?:句)?话的(?:那个)?人|(?:这|那)(?:个|位)?(?:人(?![工类机们力性员体])|哥们|老哥|大佬)"
    r"|(?<![a-z])(?:he|his|him|she|her)(?![a-z])"
)
"""He or she for one person: 他, 她 (not 他们, 其他, 他人: others), "说这话的人", "这个人",
"那位大佬", "his title?"."""
_PERSON = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6}")
"""A person's name as Chinese writes a foreign one: 埃里克·博伊德."""
_TOLD = re.compile(
    r"说|讲|表示|认为|觉得|评价|看法|观点|怎么看|提到|预测|谁|叫什么|名字|职位|职务|工作|身份|头衔"
    r"|公司|哪家|单位|干什么|干嘛|做什么|什么人"
    r"|(?<![a-z])(?:title|position|job|role|who|said|say|says|think|thinks)(?![a-z])"
)
"""What such a sentence tells of a person: who they are (their title) and what they said."""


_ELSE = re.compile(r"别的|其他|其它|另外|还说过|还讲过|还有什么|还有啥|(?<![a-z])else(?![a-z])")
"""What asks beyond the one sentence: "他还说过啥别的没", "what else did he say"."""


def told(message: str) -> bool:
    """Whether a question about a person (normalised) asks what the sentence naming them tells:
    who they are, what they said; not their age or when they joined, nor what else they said."""
    return bool(_TOLD.search(message)) and not _ELSE.search(message)


def spoken_of(message: str, recent: Iterable[Entry]) -> tuple[Entry, str] | None:
    """The latest answer (of `recent`, latest first) that names a person, and its sentence that
    does, when a message (normalised) asks about 他 or 她; else None."""
    if not _HE_OR_SHE.search(message):
        return None
    for entry in recent:
        named = (s.strip() for s in SENTENCE.findall(entry.answer) if _PERSON.search(s))
        sentence = next(named, None)
        if sentence:
            return entry, sentence
    return None
