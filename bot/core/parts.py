"""One point of a list the chat was shown: "艺术那块具体说说", "第二步具体做啥", "数据那块呢";
or the list itself: "具体体现在哪几个方面".

Many answers list their points as lines headed by what each is about ("- 艺术创作：…", "1. 监督
学习：…"), some in a sentence ("好处有四点：提高…、增强…、推动…"). A member who read such a list
asks about one of them by its head or by its place, and means that point of that list, not
whatever else the words would find.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.knowledge import Entry

_BULLET = re.compile(
    r"^\s*(?:-|\d+[.、])\s*([^：:（\n]{2,12})(?:（[^）\n]*）)?[：:]\s*(.+)$", re.MULTILINE
)
"""A list line headed by what it is about: "- 艺术创作：创作独特的艺术作品…", "1. 监督学习：…",
"- 思维链（Chain of Thought）：…" (the head without its aside)."""
_COUNTED = re.compile(
    r"(?:[两二三四五六七八九十]+(?:点|个方面|方面|步)|(?:特点|特征)(?:是|有))：([^。\n]+)"
)
"""Points counted and listed in a sentence: "好处有四点：提高自然语言处理能力、增强…", "它的核心
特点是：自回归生成、大规模预训练、多用途"."""
_ASIDE = re.compile(r"（[^）]*）")
_LIST_ASKED = re.compile(r"哪几个?(?:方面|点|步|条)|哪些方面|体现在哪|分别是(?:什么|哪)")
"""Asking for the points themselves: "具体体现在哪几个方面", "分别是什么"."""
_ORDINAL = re.compile(
    r"第([一二三四五六七八九十\d])(?:个|条|点|步|项|部分|方面|(?=呢|吧|$))"
    r"|(首先|其次)|(最后)一?(?:个|条|点|步|项|部分|方面)"
    r"|(first|second|third|fourth|fifth)(?:步骤?|one|point|part|item)|(last)(?:步骤?|one|point|part)"
)
"""A place in a list: 第二步, 第四 (at the end), 首先 / 其次, 最后一步; in English with what it
places (the normaliser reads step as 步骤): "the first step", "the second one", "the last point"."""
_NEXT = re.compile(r"^(?:那|再)?(?:再?下一?(?:个|条|点|步|项|部分|方面)|下个)(?:呢|吧)?$")
"""The point after the one just shown: "下一个", "再下一个", "下一步呢"."""
_POINTING = re.compile(
    r"(?:那|这)一?(?:块|条|点|部分|项|步)|方面|(?:展开|详细|具体)(?:说说|讲讲|说|讲)|举个?例"
    r"|(?<=\w)(?:那|这)个$"
)
"""Words that point at a part of what was said: 那块, 这条, 那一点, 展开说说, 艺术方面, 举个例子,
and 那个 after what it points at, closing the message ("哦对 效率那个")."""
_DIGITS = {
    **{digit: place for place, digit in enumerate("一二三四五六七八九", start=1)},
    "首先": 1,
    "其次": 2,
    **{
        word: place for place, word in enumerate(("first", "second", "third", "fourth", "fifth"), 1)
    },
}
HEAD_CHARS = 2
"""How much of a head names it: 艺术 for 艺术创作, 数据 for 数据处理."""
RECENT_ANSWERS = 3
"""How many of the latest answers a point may be asked of."""


@dataclass(frozen=True, slots=True)
class Part:
    """One point of an answer's list: its head, what the line says, and whose it is."""

    entry: Entry
    head: str
    says: str


def points(entry: Entry) -> tuple[Part, ...]:
    """The points an answer lists as headed lines, in order (none without such a list)."""
    return tuple(Part(entry, head, says) for head, says in _headed_lines(entry.answer))


def counted(entry: Entry) -> tuple[Part, ...]:
    """The points an answer lists, as lines or counted in a sentence (whose items are named by
    a stretch or their place: "提高自然语言处理能力" has no head), or as lines without heads
    ("- 事实准确性参差不齐，这被认为是一个重大缺陷。", named by their first clause)."""
    listed = points(entry)
    if listed:
        return listed
    items = _counted_items(entry.answer) or _plain_lines(entry.answer)
    return tuple(Part(entry, head, says) for head, says in items)


# Parsed once per answer text: a chat asks of the same few answers turn after turn.
@functools.lru_cache(maxsize=1024)
def _headed_lines(answer: str) -> tuple[tuple[str, str], ...]:
    return tuple((m.group(1).strip(), m.group(2).strip()) for m in _BULLET.finditer(answer))


@functools.lru_cache(maxsize=1024)
def _counted_items(answer: str) -> tuple[tuple[str, str], ...]:
    found = _COUNTED.search(answer)
    if found is None:
        return ()
    # Split where no aside is open: "增强体验（用在客服、教育等领域）" is one item.
    items = re.split(r"、(?![^（]*）)", found.group(1))
    return tuple((_ASIDE.sub("", item).strip(), item.strip()) for item in items if item)


_PLAIN_LINE = re.compile(r"^\s*(?:-|\d+[.、])\s*([^《\s].*)$", re.MULTILINE)
"""Not a line that gives what an article says ("- 《ChatGPT与GPT的区别与联系》：GPT模型使用…"): what
each says of one thing is no list of points."""
_FIRST_CLAUSE = re.compile(r"[^，,。；;：:（]+")


@functools.lru_cache(maxsize=1024)
def _plain_lines(answer: str) -> tuple[tuple[str, str], ...]:
    lines = [found.group(1).strip() for found in _PLAIN_LINE.finditer(answer)]
    return tuple((head.group(0), line) for line in lines if (head := _FIRST_CLAUSE.match(line)))


SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
"""A sentence of an answer, with its full stop (a line of a list is one too)."""


@functools.lru_cache(maxsize=1024)
def _gist_of(answer: str) -> str:
    first = SENTENCE.search(answer)
    lead = first.group(0).strip() if first else ""
    if not lead.endswith(("：", ":")):
        return lead
    paragraph = answer.strip().split("\n\n", 1)[0]
    listed = paragraph.splitlines()[1:]
    heads = [head for head, _ in _headed_lines(paragraph)]
    if listed and len(heads) == len(listed):
        return f"{lead}{'、'.join(heads)}。"
    return paragraph


def gist(entry: Entry, asked: str = "") -> str:
    """The short of an answer: its first sentence; when that sentence opens a list, the list's
    heads ("…应用前景：艺术创作、内容生成、智能客服、自然语言处理。"), or the whole first
    paragraph when its lines have none (the summary before a comparison's details). Asked
    (`asked`, normalised) what the answer says further on, the sentence that says it: "为啥用代码
    训练就会推理" is answered by the scale entry's sentence on code, not its first, on scale."""
    return _sentence_on(entry, asked) or _gist_of(entry.answer)


MIN_SHARED_WITH_ASKED = 4
"""Pairs of characters a later sentence must share with the question, beyond the entry's own
question's, to be what the question asked of the answer."""


def _sentence_on(entry: Entry, asked: str) -> str:
    """The sentence past the first that shares the most with what was asked beyond the entry's
    own question, if it shares enough; else ""."""
    own = _pairs(entry.question)
    wanted = _pairs(_ASKING_WORDS.sub(" ", asked)) - own
    if not wanted:
        return ""
    sentences = [found.group(0).strip() for found in SENTENCE.finditer(entry.answer)]
    shared, best = max(
        ((len(wanted & _pairs(sentence)), sentence) for sentence in sentences[1:]),
        default=(0, ""),
    )
    first = len(wanted & _pairs(sentences[0])) if sentences else 0
    return best if shared >= MIN_SHARED_WITH_ASKED and shared > first else ""


def _pairs(text: str) -> set[str]:
    return {pair for at in range(len(text) - 1) if " " not in (pair := text[at : at + 2])}


_ASKING_WORDS = re.compile(r"为什么|什么|怎么|如何|哪些|哪个|是不是|能不能")
"""How the question is put, which says nothing of which sentence answers it."""


def list_asked(message: str, recent: Iterable[Entry]) -> tuple[Part, ...]:
    """The points of the latest answer that has any, when a message (normalised, no spaces)
    asks for them ("具体体现在哪几个方面" after the relation of 大模型 and ChatGPT)."""
    if not _LIST_ASKED.search(message):
        return ()
    return next((listed for listed in map(counted, recent) if listed), ())


def asked(message: str, recent: Sequence[Entry], *, focus: str | None = None) -> Part | None:
    """The point of one of the latest answers (latest first) that a message (normalised, no
    spaces) asks about: by its place ("第二步"), by its head with a word that points at a part
    of what was said ("艺术那块具体说说"), or by the whole head as the X of "那X呢" (`focus`:
    "应用领域呢" after the comparison of GPT and ChatGPT); None when it asks about none."""
    ordinal = _ORDINAL.search(message)
    pointer = _POINTING.search(message)
    pointing = ordinal is not None or pointer is not None
    if focus:
        focus = focus.removesuffix("上")
        headed = (part for entry in recent for part in points(entry) if part.head == focus)
        found = next(headed, None)
        if found is not None:
            return found
    if not pointing:
        return None
    for entry in recent:
        if ordinal is not None:
            listed = counted(entry)
            said = ordinal.group(1) or ordinal.group(2) or ordinal.group(4)
            place = _place(said) if said else len(listed)
            if listed and 1 <= place <= len(listed):
                return listed[place - 1]
            continue
        named = [part for part in points(entry) if part.head[:HEAD_CHARS] in message]
        named = named or [
            part for part in counted(entry) if _repeats(part.head, message, STRETCH_CHARS)
        ]
        if len(named) > 1:  # two heads alike (自动文本生成, 自动问答): the one named whole
            named = [part for part in named if part.head in message]
        if len(named) == 1:  # else which one (训练数据, 训练和优化) is unclear
            return named[0]
    if ordinal is None and pointer is not None:
        # Named by what it says, not by any head: "上下文管理那点展开说说" after the
        # comparison of GPT and ChatGPT, whose 对话能力 line says 记住对话上下文.
        said = message[: pointer.start()]
        for entry in recent:
            # Not by the words of the entry's own question, which name the whole answer:
            # "那大模型有啥难处，我们这点服务器…" names no point of the uses of 生成式AI和大模型.
            named = [
                part
                for part in points(entry)
                if _repeats(said, part.says, SAID_CHARS, unless=entry.question)
            ]
            if len(named) == 1:
                return named[0]
    return None


STRETCH_CHARS = 4
"""How much of an item counted in a sentence names it: 人机交互 for 增强人机交互体验."""
SAID_CHARS = 3
"""How much of a point's line the message must repeat to name it by what it says: 上下文."""


def _repeats(text: str, other: str, size: int, *, unless: str = "") -> bool:
    """Whether `other` holds some stretch of `size` characters of `text` that `unless` does
    not."""
    stretches = (text[at : at + size] for at in range(len(text) - size + 1))
    return any(stretch in other and stretch not in unless for stretch in stretches)


def _place(said: str) -> int:
    return int(said) if said.isdigit() else _DIGITS.get(said, 0)


def place_of(part: Part) -> int:
    """Where a point stands in its answer's list, from 1."""
    return counted(part.entry).index(part) + 1


def asks_next(message: str) -> bool:
    """Whether a message (normalised, no spaces) asks for the point after the one just shown."""
    return _NEXT.match(message) is not None


def after(entry: Entry, place: int) -> Part | None:
    """The point after the one at `place` in an answer's list, or None past its end."""
    listed = counted(entry)
    return listed[place] if 0 < place < len(listed) else None


_NAME_ASKED = re.compile(
    r"(?:那|这)(?:个|种|一?套)(?:技术|方法|方式|东西|概念|机制|算法|现象|做法)?"
    r"(?:叫|称为|被称为)(?:什么|啥)(?:名字)?(?:来着)?(?:呢|啊|呀)?"
)
"""Asking what the thing just told of is called: "这个技术叫啥来着" (normalised: 啥 is 什么)."""
_QUOTED = re.compile(r"“([^”]{2,12})”")
_CLAUSE = re.compile(r"[^。；！？\n]+")
MIN_SHARED_BIGRAMS = 2
"""How much of the question asked a clause must repeat to be the one that answers it."""


def name_given(message: str, entry: Entry, asked: str) -> str | None:
    """The name an answer gives to what was asked, when a message (normalised, no spaces) asks
    what it is called: "这个技术叫啥来着" after why training on code brings reasoning, whose
    clause "用代码训练的语言模型可以获得推理能力（文章把这一点放在“思维链”下…）" names it.
    The clause that repeats most of the question decides; None when no clause names a thing."""
    if not _NAME_ASKED.fullmatch(message):
        return None
    wanted = _pairs(asked)
    shared, name = max(
        (
            (sum(pair in clause for pair in wanted), quoted.group(1))
            for clause in _CLAUSE.findall(entry.answer)
            if (quoted := _QUOTED.search(clause))
        ),
        default=(0, ""),
    )
    return name if shared >= MIN_SHARED_BIGRAMS else None
