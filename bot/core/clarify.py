"""Asking back instead of guessing, and finding the entry that explains the current one.

When a message leans on a topic the chat does not have ("它有多少参数" as the first message),
the bot asks what is meant and offers topics; each offered topic is a button that answers the
question about that topic, so only topics the knowledge can answer it for are offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core import follow_up, intent
from bot.core.knowledge import Entry
from bot.core.library import Library

TOPIC_CHOICES = 3
"""Topics offered when asking back."""
NAMES_TRIED = 8
"""How many of the most discussed names are tried as the meaning of a pronoun."""
MAX_COMPLETED_CHARS = 200
"""A longer pending question is not completed with each name, which searches the whole message
once per name (48 ms for 4,000 characters): the most discussed topics are offered instead."""
# How well a question promises a reason: 原理 explains best, then 为什么, then 怎么/如何.
_REASON_MARKERS = (
    re.compile(r"原理|机制"),
    re.compile(r"为什么|为何"),
    # How it comes about, not how to use it ("怎样用好ChatGPT" explains no answer).
    re.compile(r"(?:怎么|如何|怎样)(?!用|使用)"),
)


_STATED_CAUSE = re.compile(r"为了|因为|由于|为的是|以便|目的是|解释是")
"""How an answer states the purpose or cause of what it tells, or what explains it (ChatGPT's
coding: "对这种能力的解释是：深度学习模型并不懂编程…")."""
_GIVES_A_REASON = re.compile(
    _STATED_CAUSE.pattern + r"|原因|所以|因此|因而|从而|之所以|使得|得益于|归功于"
)
"""A purpose or cause stated, or a consequence drawn from one (所以, 使得)."""
_ASKS_GROUNDS = re.compile(r"(?:这么|这样)说|何以见得")
"""How a message asks on what grounds the answer says so: "为什么这么说", "凭什么这样说"."""
_STATED_GROUNDS = re.compile(r"证明|表明|显示出?|可见")
"""How an answer gives what shows it is so ("ChatGPT的表现证明了…")."""
_STATED_MEANS = re.compile(r"通过|经过|借助|依靠|利用|使用|(?:加入|增加)了")
"""How an answer states the means by which something is done ("通过有针对性的微调")."""
_LEFT_OUT = re.compile(r"文章没有(?:介绍|说|解释|讲)")
"""How an answer says what its article does not go into."""
_ASKS_HOW = re.compile(r"怎么|如何|怎样|靠什么")
"""How a message asks how it is done: "怎么做到的", "这个是靠啥做到的"."""
_SENTENCE_END = re.compile(r"(?<=[。！？；])|\n")
_ASKS_PURPOSE = re.compile(r"为什么(?:要|需要)?(?:搞|做|加|弄|有|需要)这个")
"""How a message asks what the thing just told of is done for: "为啥要搞这个" (the lexicon
reads 为啥 as 为什么)."""
_ASKS_WHAT_IT_IS = re.compile(r"什么是|是什么(?!时候)|什么叫")
"""A (normalised) question asking what a thing is: "RLHF是啥", "what is RLHF". Not when it
happened (是什么时候), which `_DEFINITION`, read on entries' own questions, lets through: folded
into one, `reason_for` found another explaining entry for some answers (a visible scenario lost
a turn)."""
_STATED_PURPOSE = re.compile(_STATED_CAUSE.pattern + r"|使(?!用)|从而")
"""How an answer states what something is done for: a purpose, or what it brings about
(RLHF: "…融入ChatGPT中，使模型的输出更加友好和安全")."""


def stated_reason(entry: Entry) -> tuple[str, ...]:
    """The sentences of an answer that state why (为了减少模型产生的不当或具有偏见的回复…): what
    为什么 after it asks, when no entry explains it further."""
    return tuple(s for s in _sentences(entry) if _STATED_CAUSE.search(s))


def stated_grounds(entry: Entry, asked: str) -> tuple[str, ...]:
    """The sentences of an answer that give what it says is shown by (ChatGPT的表现证明了…),
    when a message asks on what grounds it is said ("为什么这么说"); else none."""
    if not _ASKS_GROUNDS.search(asked):
        return ()
    return tuple(s for s in _sentences(entry) if _STATED_GROUNDS.search(s))


def stated_purpose(entry: Entry, asked: str, *, after: str = "") -> tuple[str, ...]:
    """The sentences of an answer that state what it is done for, when a message asks that
    ("为啥要搞这个" after RLHF: to make the output 友好和安全); else none. A bare 为什么 asks it
    too `after` the question what the thing is ("RLHF是啥", then "why?"): after how it is done
    it asks why that is so, which a linked entry explains."""
    bare_why_of_what_it_is = asked == "为什么" and _ASKS_WHAT_IT_IS.search(after) is not None
    if not (_ASKS_PURPOSE.search(asked) or bare_why_of_what_it_is):
        return ()
    return tuple(s for s in _sentences(entry) if _STATED_PURPOSE.search(s))


def gives_a_reason(entry: Entry) -> bool:
    """Whether an answer says why something is so ("这可能是因为代码…逻辑性", "为了减少…不当的
    回复"); one that only states a figure ("GPT-3…具有1750亿参数") gives none."""
    return _GIVES_A_REASON.search(entry.answer) is not None


def stated_means(entry: Entry, asked: str) -> tuple[str, ...]:
    """The sentences of an answer that state how it is done ("通过有针对性的微调…"), when a
    message asks how ("怎么做到的"); else none."""
    if not _ASKS_HOW.search(asked):
        return ()
    sentences = _sentences(entry)
    means = tuple(s for s in sentences if _STATED_MEANS.search(s))
    # And what the answer says the article leaves out of it ("文章没有介绍这些约束的具体做法").
    return means + tuple(s for s in sentences if means and _LEFT_OUT.search(s))


_ASKS_WHAT_A_WORD_MEANS = re.compile(
    r"(?:这个|那个)?"
    r"(?P<word>[^\s]{2,12}?)(?:这个|那个)?(?:具体|到底|又|究竟)?是什么(?:意思|东西|玩意儿?)?"
    r"|什么(?:叫|是)(?P<other>[^\s]{2,12}?)"
)
"""A message asking what a word means ("你说的零样本是啥", which the normaliser reads as 这个零样本
是什么 (`text._SAID_IN_THE_ANSWER`), "BBS是啥", "啥叫统计相关性"; the lexicon reads 啥 as 什么),
and the word. Not what it refers to ("上面说的那个风险具体指啥",
"交互性具体指什么"): the answer's own sentences may say that."""


_DIGIT = re.compile(r"\d")
_QUOTED = re.compile(r"“([^”]+)”")


def word_left_unexplained(entry: Entry, asked: str, library: Library) -> tuple[str, list[str]]:
    """The word a (normalised, squeezed) message asks the meaning of, as the answer shown
    writes it, with the sentences of that answer that speak of it, when that answer only
    speaks of it and no entry explains it ("你说的零样本是啥" after prompt learning, whose
    answer says 指令学习 raised the 零样本 ability and no more); else ("", [])."""
    found = _ASKS_WHAT_A_WORD_MEANS.fullmatch(asked)
    word = (found["word"] or found["other"]) if found else None
    if not word or _DIGIT.search(word):
        return "", []  # "600亿是啥意思": how much that is, a figure's sense, not a word's

    def squeezed(text: str) -> str:
        return library.analyzer.normalise(text).replace(" ", "")

    phrasings = (entry.subject, entry.question, *entry.alternatives)
    if any(word in squeezed(phrasing) for phrasing in phrasings):
        return "", []  # the entry answers what it is ("自注意力机制是什么" is Transformer's)
    said = [s for s in _sentences(entry) if word in squeezed(s)]
    if not said or any(word in squeezed(q) for q in _QUOTED.findall(entry.answer)):
        return "", []  # a word the answer quotes it tells of (这种“人类偏好”, after 排序、标注)
    explained = library.match(f"什么是{word}").answered
    if explained is not None and squeezed(explained.entry.subject) == word:
        return "", []
    written = re.search(re.escape(word), said[0], re.IGNORECASE)
    return (written.group(0) if written else word), said


_DRAWBACKS = re.compile(r"缺点|缺陷|不足|局限|短板|弊端|坏处")
"""How a message asks what is wrong with something."""
_SAYS_WHAT_IS_HARD = re.compile(_DRAWBACKS.pattern + r"|挑战|难题|问题|风险|困难|难点|限制")
"""How an entry speaks of what is wrong with or hard about something."""


def drawbacks_unsaid(entry: Entry, asked: str) -> bool:
    """Whether a message asks the drawbacks of what an entry tells of ("那它的缺点呢" after
    RLHF) and the entry speaks of nothing wrong or hard at all."""
    if not _DRAWBACKS.search(asked):
        return False
    said = " ".join([entry.question, *entry.alternatives, *entry.keywords, entry.answer])
    return not _SAYS_WHAT_IS_HARD.search(said)


def _sentences(entry: Entry) -> list[str]:
    return [s.strip().removeprefix("- ") for s in _SENTENCE_END.split(entry.answer)]


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic offered when asking back: its name and the entry that answers the question."""

    name: str
    entry: Entry


def complete(pending: str, name: str, library: Library) -> str:
    """The question asked back about, with the name the user gave for its missing part."""
    readings = follow_up.restatements(pending, follow_up.Context(name, pending), library.vocabulary)
    explicit = [r for r in readings if r.reference.explicit]
    if explicit:
        return explicit[0].text
    focus = intent.ellipsis_focus(pending)
    return f"{name}的{focus}" if focus else f"{name}{pending}"


def topics_for(pending: str, library: Library) -> list[Topic]:
    """Topics for which the pending question has an answer, most discussed first."""
    if len(pending) > MAX_COMPLETED_CHARS:
        pending = ""
    vocabulary = library.vocabulary
    offered: list[Topic] = []
    seen: set[str] = set()
    for name in vocabulary.names[:NAMES_TRIED]:
        question = complete(pending, name, library) if pending else f"什么是{name}"
        match = library.match(question)
        if match.answered is not None:
            entry = match.answered.entry
            if entry.id not in seen:
                seen.add(entry.id)
                offered.append(Topic(vocabulary.shown_as(name), entry))
        if len(offered) == TOPIC_CHOICES:
            break
    return offered


_ANSWERING = re.compile(r"^(?:当然|应该|就|指的?)?是")
"""How a reply to "你说的“它”是指什么？" may begin before the name (是, 就是, 指的是)."""
_OWNED_SLIP = re.compile(r"(?:打错了|打错字了|写错了|拼错了|手滑了?)$")
"""How it may end, owning a slip ("不是，我是说chatgtp，打错了"): the name is what comes before."""


def named_answer(text: str, library: Library) -> str | None:
    """The name a message gives as its whole content ("GPT-3", "我说的是GPT-3", "大模型吧",
    "就是ChatGPT呀"), or None."""
    text = intent.squeeze(text)
    focus = _OWNED_SLIP.sub("", intent.correction_focus(text) or _ANSWERING.sub("", text))
    return focus if library.vocabulary.is_name(focus) else None


_DEFINITION = re.compile(r"什么是|是什么|是啥|what is", re.IGNORECASE)


def reason_for(current: Entry, library: Library) -> Entry | None:
    """The entry that explains the current one (its mechanism or reason), or None: a linked
    one, or, after what a subject is, the subject's own (ChatGPT是什么 → its principle). Not
    after any other answer on it: the principle of ChatGPT is no reason for its safety
    measures."""
    linked = [*current.related, *library.linked_from.get(current.id, ())]
    candidates = [e for e in (library.get(i) for i in linked) if e is not None]
    if _DEFINITION.search(current.question):
        candidates += [e for e in library.entries if e.subject == current.subject]
    best: tuple[int, Entry] | None = None
    for entry in candidates:
        if entry.id == current.id:
            continue
        rank = next(
            (r for r, marker in enumerate(_REASON_MARKERS) if marker.search(entry.question)), None
        )
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, entry)
    return best[1] if best else None
