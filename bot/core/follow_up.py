"""What a follow-up refers to: the ways a message can be restated with the chat's context.

A follow-up leans on the last question: "它有多少参数" (a pronoun), "那GPT-3呢" (the last question
about another name), "那参数呢" (the current subject's other aspect), "那怎么解决" (the last
question, carried on), "不是，我是说GPT" (a correction). :func:`restatements` lists the readings;
the dialogue searches each and keeps the one the knowledge answers best. Only a focus that the
knowledge knows makes an ellipsis: "文心一言怎么样" has no reading and is judged on its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bot.core import facts, intent
from bot.core.text import COMPARING
from bot.core.vocabulary import Vocabulary

SHORT = 12
"""Up to this many characters, a question naming no subject may lean on the current one."""


class Reference(Enum):
    """How a restatement leans on the context."""

    PRONOUN = "pronoun"  # 它/这个/it: the current subject (or another name just asked about)
    NAME = "name"  # 那GPT呢: the last question about another name
    ASPECT = "aspect"  # 那参数呢: the current subject's other aspect
    IMPLICIT = "implicit"  # 那怎么解决: a question without a name, about the current subject
    CORRECTION = "correction"  # 不是，我是说GPT: the last question about what was meant

    @property
    def explicit(self) -> bool:
        """Whether the message itself says it refers back (so the plain reading is a guess)."""
        return self is not Reference.IMPLICIT


@dataclass(frozen=True)
class Context:
    """The chat's topic: the subject answered about and the question asked, normalised on first
    use (most messages are no follow-up, and normalising costs as much as a tenth of a search)."""

    given_subject: str
    given_question: str
    normalise: Callable[[str], str] = str.strip
    given_earlier: Callable[[], str] = str
    """The subject answered about before this one ("" if none), asked for only when needed: 两者
    after "GPT有啥核心特点" and "那ChatGPT呢" are GPT and ChatGPT."""

    given_pair: Callable[[], str] = str
    """The question of the latest answer shown that named two things ("GPT和ChatGPT有什么区别"),
    asked for only when needed: "那另一个呢" after it and "GPT的核心特点呢" is ChatGPT."""

    @functools.cached_property
    def pair(self) -> str:
        return self._read(self.given_pair())

    @functools.cached_property
    def subject(self) -> str:
        return self._read(self.given_subject)

    @functools.cached_property
    def earlier(self) -> str:
        return self._read(self.given_earlier())

    @functools.cached_property
    def last_question(self) -> str:
        return self._read(self.given_question)

    def _read(self, text: str) -> str:
        """A text of the context as messages are read: normalised and compact."""
        return intent.compact(self.normalise(text)) if text else ""


@dataclass(frozen=True, slots=True)
class Restatement:
    """One reading of a follow-up as a question that stands on its own."""

    text: str
    reference: Reference
    about: str = ""
    """The one name the reading asks about (normalised), when it has one: the answer should be
    about it ("那GPT-3呢" asks about GPT-3, not about ChatGPT's comparison with it)."""


def restatements(
    text: str, context: Context, vocabulary: Vocabulary, *, marked: bool = False
) -> list[Restatement]:
    """The readings of a compact normalised message in this context; [] when it stands alone.
    `marked`: the message as sent ends in a question mark, which normalising leaves out."""
    if not context.given_subject:
        return []
    focus = intent.correction_focus(text)
    if focus is not None:
        # A question of its own that names what it is about ("不是，我是说ChatGPT名字里那个T
        # 是啥") is read as it stands: its 那个 points inside it, not back.
        stands = bool(vocabulary.names_in(focus)) and intent.asks_something(focus)
        readings = (not stands and _about(focus, context, vocabulary)) or [
            Restatement(focus, Reference.NAME)
        ]
        return [Restatement(r.text, Reference.CORRECTION, r.about) for r in readings]
    focus = "效果" if _WORKS_WELL.fullmatch(text) else intent.ellipsis_focus(text)
    if focus in THE_OTHER_ONE:
        # "零样本和思维链，先说说零样本…" then "那另一个呢": the name the last question gave beside
        # what was answered; none or several, and there is nothing sure to read it as.
        told = _told_first(context.last_question, vocabulary) or context.subject
        others = {n for n in vocabulary.names_in(context.last_question) if n != told}
        if not others:
            # The last question asked of one of two things compared before it ("GPT和ChatGPT有
            # 什么区别", "GPT的核心特点呢"): the same question of the other, not what it is.
            others = {n for n in vocabulary.names_in(context.pair) if n != context.subject}
            return _about(others.pop(), context, vocabulary) if len(others) == 1 else []
        if len(others) != 1:
            return []
        other = others.pop()
        # The last question asked of it, or simply what it is: whichever answers better.
        return [*_about(other, context, vocabulary), Restatement(other, Reference.NAME, other)]
    if focus is not None:
        return _about(focus, context, vocabulary)
    if vocabulary.is_term(text) and not vocabulary.names_in(text):
        # A term alone ("特点？", "缺点？") asks it of the topic, as "那特点呢" does.
        return [Restatement(f"{context.subject}的{text}", Reference.ASPECT)]
    cleaned = _without_determiners(text, vocabulary)
    determined = intent.PRONOUN.search(cleaned)
    if determined is not None and _before_a_noun(determined, cleaned, vocabulary):
        return []  # "那个创业者叫啥名字" is about the 创业者: read on its own words
    pronoun_readings = _pronoun_readings(text, context, vocabulary)
    if pronoun_readings:
        return pronoun_readings
    like = _LIKE_WHAT_WAS_SAID.match(text)
    if like and vocabulary.is_name(like.group("name")):
        # "那GPT-3没有这些吗" after ChatGPT's safety measures: the last question, of GPT-3.
        name = vocabulary.names_in(like.group("name"))[0]
        return [Restatement(_swap_name(context, vocabulary, name), Reference.NAME, name)]
    needed = _NEEDED_WITHOUT_SAYING_BY_WHAT.match(text)
    if needed and vocabulary.is_name(needed.group("name")) and context.subject not in text:
        # "为什么需要大模型" after 生成式AI: why 生成式AI needs it, the subject left unsaid.
        return [Restatement(joined(context.subject, text), Reference.PRONOUN)]
    if vocabulary.names_in(text):
        return []
    named = list(dict.fromkeys(vocabulary.names_in(context.last_question)))
    if (intent.asks_which(text) or _asks_the_difference(text)) and len(named) >= 2:
        # "哪个更适合做客服" after GPT against ChatGPT: which of the two; "区别具体点？" after
        # "GPT和ChatGPT不是一个东西吗": how the two differ.
        return [Restatement("和".join(named[:2]) + text, Reference.PRONOUN)]
    rest = intent.leaning_rest(text)
    if rest is not None:
        return _implicit(rest, context)
    # "有多少参数", "有啥用": short and asking, but naming no subject; or asking by its mark
    # alone about a term ("上线大半年才到一亿用户？" after ChatGPT's launch; not "bot挂了？？").
    asking = intent.asks_something(text) or (marked and vocabulary.mentions_term(text))
    if len(text) <= SHORT and asking:
        return _implicit(text, context)
    return []


_NEEDED_WITHOUT_SAYING_BY_WHAT = re.compile(
    r"^(?:那|所以)?(?:为什么|为何|怎么|凭什么)(?:还|就|非得|一定|非要)?(?:要|得)?"
    r"(?:需要|用到|用|依赖|靠|离不开|少不了)(?P<name>[^，,。？?]+?)(?:呢|吗|啊|呀)?$"
)
"""Why something needs or uses a thing, without saying what does: "为什么需要大模型"."""


THE_OTHER_ONE = frozenset(
    [
        "另一个",
        "另外一个",
        "另外那个",
        "另一个的",
        "另一个话题",
        "the other one",
        "the other",
        "other one",
    ]
)
"""The X of "那另一个呢": the other of two things the last question named."""

_TOLD_FIRST = re.compile(r"先(?:说|讲|聊|看|介绍)(?P<rest>.+)")
"""Which of two things compared is to be told first: "GPT和ChatGPT交互设计上有啥不一样？先讲
ChatGPT" (the answer's subject is then the other only by the entry's tags)."""


def _told_first(question: str, vocabulary: Vocabulary) -> str:
    """The name a question asks to be told about first, or ""."""
    match = _TOLD_FIRST.search(question)
    named = vocabulary.names_in(match.group("rest")) if match else []
    return named[0] if named else ""


_LIKE_WHAT_WAS_SAID = re.compile(
    r"^(?:那么?)?(?P<name>.+?)(?:也|就|难道)?(?:没有|不|有|是|会|能)?(?:这些|这样|这种|同样)的?了?"
    r"(?:吗|呢|吧|么)?$"
)
"""Another name asked of what the last answer said, and nothing else: "那GPT-3没有这些吗",
"GPT也这样吗", "GPT-3就有这些了吧"."""


def _asks_the_difference(text: str) -> bool:
    """Whether a message naming nothing asks how things differ (区别, 不同…)."""
    return any(word in text for word in COMPARING)


def has_pronoun(text: str, vocabulary: Vocabulary) -> bool:
    """Whether the message points back at something ("这个奖励模型" does not: it names it)."""
    return intent.PRONOUN.search(_without_determiners(text, vocabulary)) is not None


def _about(focus: str, context: Context, vocabulary: Vocabulary) -> list[Restatement]:
    """Readings of the X in "那X呢" / "我是说X"."""
    focus = _IT_DOES.sub("", focus)  # "它效果咋样" asks what the topic does, as "效果咋样" does
    if has_pronoun(focus, vocabulary):
        return _pronoun_readings(focus, context, vocabulary)
    if vocabulary.is_name(focus) or _qualified_name(focus, vocabulary):
        name = vocabulary.names_in(focus)[0]
        swapped = _swap_name(context, vocabulary, focus)
        # A question relating two names asks the same of the new pair ("GPT和ChatGPT有啥区别" →
        # 跟GPT-3呢: GPT-3 against ChatGPT), not about the new name alone.
        pair = len(set(vocabulary.names_in(swapped))) > 1
        readings = [Restatement(swapped, Reference.NAME, "" if pair else name)]
        if not vocabulary.names_in(context.last_question):
            # Nothing to swap ("那RLHF呢" after "为什么模型越大能力越强"): maybe the last
            # question about X, maybe just X; whichever the knowledge answers better.
            readings.append(Restatement(focus, Reference.NAME, name))
        return readings
    if focus in WHAT_IT_DOES:
        # Said in any of these words, and answered by whichever the knowledge says best.
        asked = [f"{context.subject}的{focus}", *(f"{context.subject}有什么{w}" for w in _DOES)]
        return [Restatement(text, Reference.ASPECT) for text in dict.fromkeys(asked)]
    if vocabulary.is_term(focus) or vocabulary.heads_a_term(focus):
        return [Restatement(f"{context.subject}的{focus}", Reference.ASPECT)]
    if not vocabulary.names_in(focus) and intent.asks_something(focus):
        return _implicit(focus, context)
    return []  # "文心一言怎么样", "今天天气怎么样": not about anything the knowledge knows


_WORKS_WELL = re.compile(
    r"(?:那|那么)?(?:它|这个|这)?"
    r"(?:(?:好用|管用|好使)(?:吗|不|么|嘛|不好用)?"
    r"|的?(?:有什么效果|效果(?:如何|好吗|好不好|怎么样|大吗)|有效果吗)(?:呢|啊|呀)?)"
)
"""Whether the topic works well, or what its effect is, asked with no name ("好用吗", "那它管用吗",
"有什么效果" after RLHF): what it does, as "效果咋样" asks. Not 靠谱 (read as 可靠), which asks how
far it can be trusted: ChatGPT's weaknesses."""
_IT_DOES = re.compile(r"^(?:它的?|its?)\s*(?=(?:效果|作用|好处|用处|意义)$)")
"""它 before what a thing does: the topic's, as without it."""
_DOES = ("作用", "好处")
WHAT_IT_DOES = frozenset({*_DOES, "效果", "用处", "意义"})
"""What a thing does for those who use it, which every subject has though no entry keeps it as
a keyword: "效果咋样" after RLHF asks RLHF's, as "那缺点呢" asks its weaknesses."""


QUALIFIER_CHARS = 3
"""Characters before a name that may say which of it is meant ("普通GPT", "原版GPT")."""


def _qualified_name(focus: str, vocabulary: Vocabulary) -> bool:
    """A name with a short word before it that says which is meant ("那普通GPT呢" after what
    ChatGPT remembers: plain GPT), asking nothing itself."""
    names = vocabulary.names_in(focus)
    return (
        len(names) == 1
        and focus.endswith(names[0])
        and 0 < len(focus) - len(names[0]) <= QUALIFIER_CHARS
        and not intent.asks_something(focus)
    )


def _swap_name(context: Context, vocabulary: Vocabulary, name: str) -> str:
    """The last question with its subject (or first name) replaced by another name."""
    last = context.last_question
    asked = vocabulary.names_in(last)
    old = context.subject if context.subject in asked else (asked[0] if asked else "")
    # A model's name takes the place of a model's name, not of a concept's: "那ChatGPT呢" after
    # "GPT用什么数据预训练" (about 预训练) asks ChatGPT's data, not "GPT用什么数据ChatGPT".
    alike = [asked_name for asked_name in asked if _latin(asked_name) == _latin(name)]
    if old and _latin(old) != _latin(name) and alike:
        old = alike[0]
    if not old:
        return f"{name} {last}"
    at = last.find(old)
    return joined(last[:at], name, last[at + len(old) :])


def _latin(name: str) -> bool:
    return name[:1].isascii()


def _pronoun_readings(text: str, context: Context, vocabulary: Vocabulary) -> list[Restatement]:
    cleaned = _without_determiners(text, vocabulary)
    found = intent.PRONOUN.search(cleaned)
    if found is None:
        return []
    pronoun = found.group(0)
    named = vocabulary.names_in(context.last_question)
    referents = [context.subject, *(n for n in named if n != context.subject)]
    # Only 它 and it: "泛化这块" is an aspect of 泛化, "这" no pronoun for it.
    it = pronoun.startswith("它") or pronoun.isascii()
    just_named = _named_just_before(cleaned[: found.start()], vocabulary) if it else ""
    if just_named:
        # "回到RLHF，它让ChatGPT哪方面变好了": 它 is the name the message has just said.
        referents = [just_named]
    if pronoun in intent.BOTH:
        # The two the last question named; else, asked how they differ, the subject before
        # this one and this one ("两者最大区别？" after GPT's features, then ChatGPT's).
        pair = named[:2]
        if len(pair) < 2 and _asks_the_difference(text):
            pair = [name for name in (context.earlier, context.subject) if name]
        if len(pair) == 2 and all(map(vocabulary.is_name, pair)):
            referents.insert(0, "和".join(pair))
    readings = []
    for referent in referents:
        text = _replace(cleaned, found.start(), found.end(), referent)
        # About the referent, unless the question relates it to another name: "它和ChatGPT有
        # 什么区别" after GPT-3 is no question on GPT-3 alone.
        alone = vocabulary.is_name(referent) and len(set(vocabulary.names_in(text))) == 1
        readings.append(Restatement(text, Reference.PRONOUN, referent if alone else ""))
    if pronoun in intent.PEOPLE:  # 他们 may be the people in the answer: try without it too
        dropped = _replace(cleaned, found.start(), found.end(), "")
        readings.append(Restatement(dropped, Reference.PRONOUN))
    return readings


_NAME_THEN_PAUSE = re.compile(r"[\s，,、：:。]*$")


def _named_just_before(before: str, vocabulary: Vocabulary) -> str:
    """The name that ends the text before a pronoun, nothing but a pause between ("回到RLHF，它"),
    else ""."""
    names = vocabulary.names_in(before)
    if not names:
        return ""
    shown = _NAME_THEN_PAUSE.sub("", before).replace(" ", "")
    if not shown.endswith(names[-1]) or shown[: -len(names[-1])].endswith(_COMPARED_WITH):
        # "相比GPT-3 it improves what": GPT-3 is what it is set against, not what it is.
        return ""
    return names[-1]


_COMPARED_WITH = ("相比", "比起", "对比", "相较", "相较于", "比", "和", "跟", "与", "同")
"""What sets the name after it against another: that name is not the one a pronoun after it
points at."""


_NOT_A_NOUN = re.compile(r"[是有能会可怎什为吗呢吧啥咋多在叫到也都就还又的么样种些里边]")
"""What may follow 这个 / 那个 when they stand for the topic ("那个是什么", "这个有啥用")."""


_STANDS_FOR_THE_TOPIC = (
    *("模型", "技术", "东西", "玩意", "算法", "产品", "工具", "机器人"),
    *("方案", "办法", "方法", "说法", "概念", "功能", "步", "环节"),
)
"""Nouns that, after 这个 / 那个, name the topic or what was said of it by its kind ("那个模型有
多少参数", "云计算那个方案是解决啥问题的")."""


def _before_a_noun(found: re.Match[str], text: str, vocabulary: Vocabulary) -> bool:
    """Whether 这个 / 那个 determines a noun that follows ("那个创业者叫啥名字": the person the
    answer told of, not ChatGPT) rather than standing for the topic: a word follows that is no
    name or term of the knowledge (those the determiner is dropped before)."""
    if found.group(0) not in ("这个", "那个"):
        return False
    rest = text[found.end() :]
    if rest.startswith(_STANDS_FOR_THE_TOPIC):
        return False
    return (
        bool(rest)
        and "\u4e00" <= rest[0] <= "\u9fff"
        and not _NOT_A_NOUN.match(rest)
        and not vocabulary.mentions_term(rest[:4])
    )


def _implicit(rest: str, context: Context) -> list[Restatement]:
    # A question keeps to its own time: "OpenAI估值多少" after "那现在有多少用户" does not ask
    # today's valuation, which no article gives.
    last = (
        context.last_question
        if facts.asks_about_now(rest)
        else facts.without_now(context.last_question)
    )
    return [
        Restatement(f"{last} {rest}", Reference.IMPLICIT),
        Restatement(joined(context.subject, rest), Reference.IMPLICIT),
    ]


def _replace(text: str, start: int, end: int, referent: str) -> str:
    kept = "的" if text[start:end].endswith("的") and referent else ""  # 它的 -> ChatGPT的
    return joined(text[:start], referent + kept, text[end:])


_LATIN_LETTER = re.compile(r"[a-z]")


def joined(*parts: str) -> str:
    """Parts of a message put together, with a space where two latin words would meet: "btw它是
    在哪训练的" is "btw chatgpt是在哪训练的", not the unknown name "btwchatgpt"."""
    text = ""
    for part in parts:
        if _LATIN_LETTER.match(text[-1:]) and _LATIN_LETTER.match(part[:1]):
            text += " "
        text += part
    return text


def _without_determiners(text: str, vocabulary: Vocabulary) -> str:
    for name in vocabulary.names_in(text):
        for determiner in intent.DETERMINERS:
            text = text.replace(determiner + name, name)
    return text
