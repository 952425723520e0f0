"""Find the question in a long message.

People put context before a question ("我下周要给部门做个分享，自己还没搞懂，RLHF到底是怎么回事？").
The context is about the asker, not about the knowledge: judged with it, every word the
knowledge does not know counts against the question; judged without it, the question stands on
its own. So a long message is cut into clauses, and the last clause that asks something is the
question, with what it refers back to when it says 它 or names no subject ("同事一直在聊ChatGPT
和GPT，我听得一头雾水。它俩的区别到底在哪？"): the words the knowledge knows of the nearest clause
before it that names a subject.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import NamedTuple

LONG_MESSAGE_CHARS = 24
"""Shorter messages are judged whole: they are the question. A message with no Chinese in it is
measured with a latin word counting two."""

MAX_LOOK_BACK = 6
"""Clauses searched back for what a question refers to: an antecedent is close, and a message of
a thousand clauses must not cost a thousand tokenisations."""

_CLAUSE_END = re.compile(
    r"(?<=[。！？!?；;，,：\n—…])|(?<=[.:](?=\s))"
    # An emoji before a space ends a clause as a full stop would ("…看得头大😵 你能…").
    r"|(?<=[\u2600-\u27bf\U0001f300-\U0001faff](?=\s))"
)
_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
"""A space between Chinese words: typed on a phone, it does what a comma would."""
PAUSED_MESSAGE_CHARS = 32
"""A message shorter than this, spaces or not, is one clause or a claim and its tail ("ChatGPT
不就是给GPT套了个聊天壳子吗 啥也没改"): only a longer one is read as clauses at its spaces."""
_ANY_CLAUSE_END = re.compile(r"[。！？!?；;，,：\n…]")
_STARTS_ASKING = re.compile(
    r"(?:我|就|还|所以)*(?:想问|请问|想知道|想了解|想请教|请教|麻烦问|问一下|问下)"
)
"""Where a long message typed without a stop, as a voice keyboard types it ("我是个退休老师平时
不太懂这些最近孙子老说chatgpt我想问问它到底是个啥东西"), starts asking: it is cut there as at a
comma, so that what it tells of the asker is left out as in a punctuated one."""
MAX_RUN_ON_CHARS = 200
"""A message without a stop longer than this is judged whole: said aloud, a question with its
story runs to a few dozen characters, and reading a 4,000-character paste for where it starts
asking cost one more tokenisation of it (bench/long_message.py: 23 → 38 ms)."""
MIN_TOLD_BEFORE_ASKING = 6
"""What must come before such words for them to start the question: "那请问它…" starts with it."""
_CLAIM_END = r"吧[?？。！!，,\s]*$"
_CLAIM = re.compile(_CLAIM_END)
_QUESTION_MARK = re.compile(
    r"[?？]|什么|啥|谁|咋|怎么|怎样|如何|为什么|为啥|吗|呢|哪|多少|是否|是不是|有没有|能不能|会不会"
    r"|可不可以|区别|不同|干嘛|干什么|靠谱|\b(?:what|how|why|who|when|where|which|can|does|is)\b"
    # A clause that ends in 吧 asks to confirm a claim ("…训练时没用到人类反馈吧").
    r"|(?:" + _CLAIM_END + ")"
    # 几 asks (有几个版本), but not in a count (就几张卡, 好几轮, 这几天) nor in the years the
    # asker has done something (做了几年CV).
    r"|(?<![就好这那没十])几(?!年)|(?<![就好这那没十了])几(?=年)"
    # A verb or adjective put both ways asks which (冲击大不大, 好用不好用); a clause that ends
    # in 不 or 嘛 asks yes or no (还能干点别的不, 它是真懂编程嘛).
    r"|(?!不)([\u4e00-\u9fff]{1,2})不\1|[\u4e00-\u9fff]{2}[不嘛](?=[\s，,。.!！~～]*$)",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"^(?:如果|假如|要是|若是|万一|没有|没了|不用|不想|相比|比起|相较|对比)|的话[，,]?$"
    r"|(?:相比|比起来|比的话)[，,]?$"
)
"""A clause that sets a condition for the question after it, or what it is measured against
("相比 GPT-3，ChatGPT improve 了哪些地方")."""

_FIRST_ON_THE_AGENDA = re.compile(
    r"(?:^|(?<=[\s，,：:；;。]))(?:那就|那)?(?:先|首先)(?:来)?"
    r"(?:[说說]{2}|[讲講]{2}|聊聊|[问問]{2}|[说說讲講问問]下?)"
)
"""Where a message that lists what it will ask ("零样本和思维链，先说说零样本…") starts asking:
what comes after is the question, the list before it is no part of it. Read as written, in
either script: the message may be junk that no converter takes."""

_NARROWING = re.compile(r"^(?:尤其|特别是|特别在|比如|例如|譬如|像是|主要是|具体是|重点是|包括)")
"""A clause after the question that narrows it ("…强在哪，尤其是多轮对话这块"): part of it."""

MAX_NARROWING = 2
"""Clauses after the question that may narrow it: "比如数据和算力方面，还有人才" goes on."""

_PRONOUN = re.compile(
    r"它|他们|她们|这俩|它俩|两者|二者|前者|后者|其中|里面|这里|此|这方面|这一?块|这一?点|这些"
    r"|^这?个?[跟和与]"
    r"|这(?=[到该对给也还又就都能会])"
)
"""What refers back: a pronoun, 这些 ("…写了几句意见，这些反馈会拿去干嘛"), a 这 before a verb or
an adverb ("…，这对GPT有什么意义", "这到底带来了什么"; not 这个, 这么, 这玩意), or a clause that
starts with (这/这个)跟/和 ("…，跟大模型有关系吗", "…，这跟ChatGPT有啥关系"), whose other side is
what came before."""

_REPORTED = re.compile(
    r"问我|问了我|听说|听人说|说(?![法明])|讲讲|讲一下|想知道|想搞明白|想搞懂|想了解|好奇|查查|查一下|打听"
    r"|调研一下|调研"
)
"""What introduces a question told about (亲戚问我…, 视频说…, 领导让我调研一下…): what follows
is the question.
Not the 说 of 说法 or 说明 ("网上说法一堆…"), which tell nothing."""

_ABOUT_THE_ARTICLES = re.compile(
    r"^(?:那|那么)?(?:资料|文章|原文|文中|材料)(?:里|中|上)?(?:面)?(?:有没有|有|没|也|是)?"
    r"(?:讲|说|提|写|解释|怎么说)"
)
"""A last question that asks only whether the articles speak of it ("…它为啥那么火。我说不上来，
资料里有讲原因吗"): the question is the one asked before it."""

_DOUBTS_WHAT_WAS_TOLD = re.compile(
    r"^\s*(?:我?想问问?|请问|想知道|问一下|问下)?\s*(?:那|但)?(?:这个|这种|那个|这|那)?说法"
    r"(?:到底|真的|是不是|是否|有没有)?(?:靠谱|可靠|有?根据|有?依据|对|准|准确|成立|属实|站得住)"
)
"""A last question that only doubts what was told before it ("他十几年前就见过有人想做…，这个说法
靠谱吗"): the claim is the question, put to be checked (as "是真的吗"); 靠谱 is no word of it
(it drew the entry on how reliable ChatGPT's answers are)."""
_ONLY_ASKS_IF_TRUE = re.compile(
    r"^\s*(?:那|这|那么)?(?:是)?(?:对吗|对吧|对不对|对不|是真的吗|真的吗|是吗|是不是真的|真的假的"
    r"|是这样吗|属实吗|is\s+(?:that|this|it)\s+(?:really\s+)?(?:accurate|true|right|correct|so"
    r"|how\s+it\s+works))[?？!！。.\s]*$",
    re.IGNORECASE,
)
"""A last question that only asks whether what was told is true ("有人说ChatGPT Plus每个月20美元，
对吗？", "… Is that accurate?"): a doubt as above (its 对 drew the entry on who objects to
ChatGPT, and accurate the one on how accurate it is)."""
_PUT_TO_CHECK = "是真的吗"
"""How such a doubt is read: the claim before it put to be checked (`text.checks_a_claim`)."""

_LATIN_WORD = re.compile(r"[A-Za-z0-9]+")
_LATIN_START = re.compile(r"[a-z0-9]")
"""A (normalised) latin word: a name (Siri, GPT-3) that a question's 它俩 may mean."""
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_WORDS = re.compile(r"\w")
_FIGURE_OR_LATIN = re.compile(r"[0-9A-Za-z]")
_STATED_FIGURE = re.compile(r"(?<![A-Za-z0-9.\-])\d+(?:\.\d+)?(?:年|月|号|日|万|亿|个|美元)*")
"""A year, a date or a sum stated, not the digit of a name (GPT-3)."""
_HEARD_OF_IT = re.compile(r"说|看到|听到|刷到|讨论|在聊|提到|提(?:了|过|起)|在提|都在")
"""Where the asker heard of what they ask ("看到好多人说", "群里都在讨论", "听好几个人提了")."""

_HALF_WIDTH = {
    code: code - 0xFEE0
    for start, end in (("０", "９"), ("Ａ", "Ｚ"), ("ａ", "ｚ"), ("．", "．"), ("＇", "＇"))
    for code in range(ord(start), ord(end) + 1)
} | {ord("\u3000"): ord(" ")}
"""Full-width letters, digits, full stop and apostrophe, and the ideographic space, as a
half-width keyboard types them; not the full-width Chinese signs (："，？), which cut clauses
where their half-width forms would not."""

MAX_EARLIER_QUESTIONS = 2
"""Earlier questions of a message tried when its last one is not answered."""

MAX_ASKED_AGAIN_CHARS = 500
"""A message longer than this is not asked again from its earlier questions: real questions are
shorter, and each try is a search of the message."""

KnownWords = Callable[[str], list[str]]


class _Clause(NamedTuple):
    text: str
    """As written: what the search reads (its normaliser knows traditional phrases, 資料)."""
    seen: str
    """In simplified characters, position for position: what the patterns above read (they are
    written in simplified: 什么, not 什麼)."""

    def after(self, end: int) -> _Clause:
        return _Clause(self.text[end:], self.seen[end:])


def _is_short(text: str) -> bool:
    """A message short enough to be the question whole. An English sentence of eight words is
    short: it is measured in words, not letters."""
    size = len(text) if _CJK_CHAR.search(text) else _length(text)
    return size <= LONG_MESSAGE_CHARS


def _pieces(text: str, simplified: Callable[[str], str]) -> list[_Clause]:
    """The message cut at every clause end, unstripped: the pieces join up to the text."""
    seen = simplified(text)
    if len(seen) != len(text):  # a phrase conversion moved the positions: read as written
        seen = text
    cuts = [0, *(m.start() for m in _CLAUSE_END.finditer(seen)), len(text)]
    return [_Clause(text[a:b], seen[a:b]) for a, b in itertools.pairwise(cuts)]


def _clauses(text: str, simplified: Callable[[str], str]) -> list[_Clause]:
    """The clauses of a message, as written and in simplified characters; not the stops alone
    ("真的丢人。。" ends one clause, and its second 。 would take the place of a clause looked
    back at)."""
    return [_strip(piece) for piece in _pieces(text, simplified) if _WORDS.search(piece.text)]


def _cut_where_it_starts_asking(clause: _Clause) -> list[_Clause]:
    """A clause cut before each of its words that start asking (`_STARTS_ASKING`)."""
    starts = [
        m.start()
        for m in _STARTS_ASKING.finditer(clause.seen)
        if _length(clause.seen[: m.start()]) >= MIN_TOLD_BEFORE_ASKING
    ]
    cuts = [0, *starts, len(clause.text)]
    return [_Clause(clause.text[a:b], clause.seen[a:b]) for a, b in itertools.pairwise(cuts)]


def _strip(clause: _Clause) -> _Clause:
    start = len(clause.text) - len(clause.text.lstrip())
    end = len(clause.text.rstrip())
    return _Clause(clause.text[start:end], clause.seen[start:end])


def _length(clause: str) -> int:
    """How much a clause says: its Chinese characters, and two for each latin word."""
    return len(_CJK_CHAR.findall(clause)) + 2 * len(_LATIN_WORD.findall(clause))


def question_focus(
    text: str,
    *,
    known_words: KnownWords,
    is_subject: Callable[[str], bool],
    is_term: Callable[[str], bool],
    is_everyday: Callable[[str], bool],
    unknown_names: KnownWords,
    simplified: Callable[[str], str] = lambda text: text,
) -> str:
    """The part of `text` that asks the question; the whole text when it is short or unclear.

    `known_words(clause)`: the words of a clause that the knowledge knows, in order;
    `is_subject(word)`: the word names a subject of the knowledge (ChatGPT, 大模型...);
    `is_term(word)`: the word is a subject or a keyword of some entry (训练, 参数...);
    `is_everyday(word)`: a word of everyday Chinese (过程, 项目), which says little;
    `unknown_names(clause)`: the names in a clause that the knowledge has never seen (Gemini);
    `simplified(text)`: the text in simplified characters, for the patterns to read.
    """
    # A full-width English message (Ｗｈａｔ　ｉｓ…．) has no latin letter to measure and no
    # ". " to cut at: its clauses are found as a half-width keyboard would type it.
    text = text.translate(_HALF_WIDTH)
    agenda = _on_the_agenda(text)
    if agenda is not None:
        return agenda
    if _is_short(text):
        return _after_chatter(text, known_words, simplified)
    clauses = _clauses(text, simplified)
    run_on = len(clauses) == 1 and len(text) <= MAX_RUN_ON_CHARS
    if run_on:
        clauses = _cut_where_it_starts_asking(clauses[0])
    asking = [i for i, clause in enumerate(clauses) if _QUESTION_MARK.search(clause.seen)]
    if not asking:
        return text
    if len(clauses) < 2:
        return _reported_after_the_asker(clauses[0], known_words, is_subject) if run_on else text
    last = asking[-1]
    # A last question that names nothing the knowledge knows and refers to nothing ("有没有现成的
    # 说法？" after "为什么国内这么少企业敢做ChatGPT") asks for help: the question is the earlier
    # one that names the most (the last of equals). But one that goes on from a clause naming
    # a subject without asking ("GPT预训练的时候，具体是在学一个什么目标？") asks about that.
    # Nor one that doubts what was told before it ("…，有同事说它根本不懂编程，想问问这个说法有没有
    # 依据？"): that claim is the question, not an earlier one ("要不要用ChatGPT写代码").
    seen = clauses[last].seen
    if not _PRONOUN.search(seen) and not _DOUBTS_WHAT_WAS_TOLD.search(seen):

        def substance(i: int) -> int:
            return sum(1 for w in known_words(clauses[i].text) if is_term(w) or is_subject(w))

        goes_on = (
            last > 0
            and last - 1 not in asking
            and any(map(is_subject, known_words(clauses[last - 1].text)))
        )
        if substance(last) == 0 and not goes_on:
            earlier = asking[:-1] if _ABOUT_THE_ARTICLES.search(clauses[last].seen) else []
            last = max(reversed(earlier or asking), key=substance)
    focus = _question(clauses, last, known_words, is_subject, is_term, is_everyday)
    # A condition just before the question ("如果没有RLHF这一步，ChatGPT的回答会差在哪？") is part
    # of it: its words of substance go with it.
    if last > 0 and _CONDITION.search(clauses[last - 1].seen):
        condition = _new_words(clauses[last - 1], focus, known_words, is_term, is_everyday)
        focus = " ".join([*condition, focus])
    # So is a clause just after it that narrows it down ("…强在哪里，特别是多轮对话这方面").
    for clause in clauses[last + 1 : last + 1 + MAX_NARROWING]:
        if _NARROWING.search(clause.seen):
            narrower = _new_words(clause, focus, known_words, is_term, is_everyday)
            focus = " ".join([focus, *narrower])
    # A name the knowledge has never seen, asked about anywhere in the message ("Gemini到底是
    # 什么时候发布的，几个版本？"), is what the message is about, whichever clause asks most.
    strange = [
        name
        for i in asking[-MAX_LOOK_BACK:]
        for name in unknown_names(clauses[i].text)
        if name not in focus
    ]
    return " ".join([*dict.fromkeys(strange), focus])


def _after_chatter(
    text: str,
    known_words: KnownWords,
    simplified: Callable[[str], str],
) -> str:
    """A short message without the clauses around its question that ask nothing and say no
    word the knowledge knows ("刚才断线了… 用了 RLHF 之后有啥好处？": 断线 counted against
    RLHF's benefits; "RLHF是啥？看到好多人说" was declined); what they say of the asker
    neither helps nor hurts. Most messages are one clause: those are left as they are."""
    if not _CLAUSE_END.search(text):
        return text

    def chatter(piece: _Clause) -> bool:  # 人 and 说 of "看到好多人说" say nothing alone
        known = (word for word in known_words(piece.text) if len(word) > 1)
        return not (_QUESTION_MARK.search(piece.seen) or any(known))

    pieces = _pieces(text, simplified)
    first = next((i for i, piece in enumerate(pieces[:-1]) if not chatter(piece)), len(pieces) - 1)
    last = len(pieces)
    # After a question closed by its mark or a comma, only where the asker heard of it ("看到
    # 好多人说", "老看到这词"), not a figure or a name ("现在估值呢？我是说2024年的");
    # "AI专业考研选哪个学校好，求推荐" asks on.
    while (
        last - 1 > first
        and chatter(pieces[last - 1])
        and _HEARD_OF_IT.search(pieces[last - 1].seen)
        and not _FIGURE_OR_LATIN.search(pieces[last - 1].text)
        and _closes_a_question(pieces[last - 2])
    ):
        last -= 1
    return "".join(piece.text for piece in pieces[first:last]).strip() or text


def _closes_a_question(piece: _Clause) -> bool:
    end = piece.text.rstrip()[-1:]
    return end in "?？" or (end in ",，" and bool(_QUESTION_MARK.search(piece.seen)))


def _on_the_agenda(text: str) -> str | None:
    """The question after "先说说" when what comes before it, if anything, only lists what is
    to be asked ("零样本和思维链 先说说零样本能力是怎么来的"; "先说说大模型是啥" was the entry
    whose answer says 先理解), else None."""
    first = _FIRST_ON_THE_AGENDA.search(text)
    if first is None or _QUESTION_MARK.search(text[: first.start()]):
        return None
    return text[first.end() :].strip() or None


def with_pauses_marked(text: str) -> str:
    """A long message typed with spaces for its stops and no other ("我在公司做客服系统最近老板让
    我调研一下 想问下chatgpt跟普通gpt比在对话这块到底强在哪里") with a comma at each space
    between Chinese words, so that its clauses are found as in a message typed with commas.
    Only a message as the asker typed it: the chat's own readings join a topic and a question
    with a space, and they are one question."""
    if _length(text) <= PAUSED_MESSAGE_CHARS or _ANY_CLAUSE_END.search(text):
        return text
    return _PAUSE.sub("，", text)


def earlier_questions(text: str, simplified: Callable[[str], str] = lambda text: text) -> list[str]:
    """The message cut after each of its earlier questions, the nearest first: a long message
    may ask what it is about first and a follow-up last ("我在做调研。GPT一共出过几个版本？最早那版
    是哪家机构搞出来的？"). [] for a short message, a very long one, or one question."""
    text = text.translate(_HALF_WIDTH)
    if _is_short(text) or len(text) > MAX_ASKED_AGAIN_CHARS:
        return []
    earlier = _question_ends(text, simplified)[:-1]  # the last question was judged already
    return [text[:cut] for cut in reversed(earlier)][:MAX_EARLIER_QUESTIONS]


def question_before_its_tail(
    text: str, simplified: Callable[[str], str] = lambda text: text
) -> tuple[str, str] | None:
    """A short message cut after its last question, and what follows that asks nothing
    ("思维链到底是个啥，" and "作业要写一段"): the tail may tell about the asker; None when
    nothing follows the last question, or the message is long (its focus leaves the tail
    out already)."""
    return _cut_after_a_question(text, simplified, last=True)


def first_question(text: str, simplified: Callable[[str], str] = lambda text: text) -> str | None:
    """A short message up to the end of its first question ("那注释呢？" of "那注释呢？注释也算
    进去？"), when more follows it; else None."""
    cut = _cut_after_a_question(text, simplified, last=False)
    return cut[0] if cut else None


def _cut_after_a_question(
    text: str, simplified: Callable[[str], str], *, last: bool
) -> tuple[str, str] | None:
    """A short message cut after its last (or first) question, with what follows it; None
    when nothing of words follows, no clause asks, or the message is long."""
    text = text.translate(_HALF_WIDTH)
    if not _is_short(text):
        return None
    ends = _question_ends(text, simplified)
    cut = (ends[-1] if last else ends[0]) if ends else 0
    tail = text[cut:]
    return (text[:cut], tail) if cut and _WORDS.search(tail) else None


def _question_ends(text: str, simplified: Callable[[str], str]) -> list[int]:
    """Where each clause of a message that asks something ends, first to last."""
    ends = []
    end = 0
    for piece in _pieces(text, simplified):
        end += len(piece.text)
        if _QUESTION_MARK.search(piece.seen):
            ends.append(end)
    return ends


_BOTH = re.compile(r"两者|二者|它俩|这俩|两个|他们俩|她们俩")
"""What means two things told before ("两者在应用领域上分别有哪些")."""

POINTING_BACK = re.compile(r"这些|这个|那些|那个|这种|这样")
"""Words that point at something just said ("这些数据", "这些约束"), in a question or not."""


def _question(
    clauses: list[_Clause],
    last: int,
    known_words: KnownWords,
    is_subject: Callable[[str], bool],
    is_term: Callable[[str], bool],
    is_everyday: Callable[[str], bool],
) -> str:
    """The clause `last` as a question, with what it refers back to."""
    question, words = _reported(clauses[last], known_words, is_subject)
    only_if_true = bool(_ONLY_ASKS_IF_TRUE.search(question.seen))
    doubted = only_if_true or bool(_DOUBTS_WHAT_WAS_TOLD.search(question.seen))
    if doubted:
        question, words = _Clause(_PUT_TO_CHECK, _PUT_TO_CHECK), []
    # A question that names no subject is about the one the message was about ("ChatGPT比起
    # GPT-3，在对话友好性上有什么提升？"), whether it says 它 or not.
    if not _PRONOUN.search(question.seen) and any(map(is_subject, words)):
        # One that names a subject and nothing else asks what the clause before it asked
        # ("训练数据一般从哪来，ChatGPT具体用了哪些"): that clause's terms go with it.
        # A subject named in latin letters there, a model or a method, goes with them too
        # ("Transformer架构到底是个什么东西，在ChatGPT里起什么作用", "为什么不直接拿GPT-3来聊天，
        # 非得搞个ChatGPT"); a concept (大模型, which LLM reads as, 微调) does not: the question
        # may ask it of its own subject ("LLM的训练数据一般从哪来，ChatGPT具体用了哪些", "我说
        # 可能得先微调，他说GPT什么都会").
        if last > 0 and not any(is_term(w) and not is_subject(w) for w in words):
            asked = _reported(clauses[last - 1], known_words, is_subject)[1]
            topic = [
                w for w in asked if is_term(w) and (_LATIN_START.match(w) or not is_subject(w))
            ]
            return " ".join([*dict.fromkeys(w for w in topic if w not in words), question.text])
        return question.text
    # The question needs what it refers to: the nearest clause before it that names a subject,
    # with the nearer one naming a term that says what of it is meant ("迷上ChatGPT，总说它跟
    # 手机里的Siri是一回事，…解释下区别": Siri), else the nearest that names a term ("模型微调太
    # 慢了，有办法吗？…它叫啥来着"). Of that clause
    # its terms, names and other words of substance are kept, not its everyday words ("要介绍
    # ChatGPT的训练过程" gives ChatGPT 训练; "ChatGPT能写剧本和歌曲" keeps 剧本 歌曲;
    # "ChatGPT和Siri有啥不一样" keeps Siri), and the clauses between are left out: they are
    # about the asker. A claim put to be confirmed ("ChatGPT没有安全方面的设计吧，想让它生成什么
    # 都可以？") keeps its everyday words (设计) but not its question words: it is half the
    # question. Unless the question names nothing at all ("是真的吗", "具体是怎么说的"):
    # then it asks about what was told since the subject, a claim that may run over several
    # clauses ("朋友说点赞点踩会被拿去训练模型，还能写文字反馈，是真的吗"); not the other
    # questions asked between.
    before = clauses[max(0, last - MAX_LOOK_BACK) : last]
    vague = not any(is_term(w) or is_subject(w) for w in words)
    points_back = bool(POINTING_BACK.search(question.seen))
    antecedent: list[str] = []
    told: list[str] = []
    claimed = False
    claim = ""
    for at in range(len(before) - 1, -1, -1):
        clause = before[at]
        words = _reported(clause, known_words, is_subject)[1]
        if any(map(is_subject, words)):
            antecedent = words + (told if vague else antecedent)
            claimed = doubted or bool(_CLAIM.search(clause.seen))
            claim = clause.text
            if _BOTH.search(question.seen):
                antecedent = [
                    *_other_subject(before[:at], antecedent, known_words, is_subject),
                    *antecedent,
                ]
            break
        # Nor a question of its own, unless this one points back at what it asked about
        # ("OpenAI是怎么从用户那里收集反馈的？这些数据后面拿去干嘛？").
        # The question just before a vague one is what it goes on with ("为啥连学校都做不出来，
        # 到底卡在哪").
        just_before = at == len(before) - 1
        if vague and (points_back or just_before or not _QUESTION_MARK.search(clause.seen)):
            told = words + told
        if not antecedent and any(map(is_term, words)):
            antecedent = words
    kept = [w for w in antecedent if _of_substance(w, is_term, is_everyday, everyday_too=claimed)]
    if claimed or _CLAIM.search(question.seen):
        # The figure a claim states is what it puts to be checked ("记得ChatGPT的训练数据截止到
        # 2021年9月，对吧？": no article dates its data, and the list of data is no yes).
        kept += [figure for figure in _STATED_FIGURE.findall(claim) if figure not in kept]
    # A claim's own words are the question, not only those the knowledge knows: when they
    # are its subject alone ("他十几年前就见过有人想做跟ChatGPT差不多的东西，这个说法靠谱吗"),
    # and when the claim is told just before a bare "对吗" ("有人说ChatGPT在意大利被禁用过，是真的
    # 吗": what no entry says is what it asks; 意大利 is no word the knowledge knows).
    claim_just_before = bool(before) and claim == before[-1].text
    whole_claim = (only_if_true and claim_just_before) or all(map(is_subject, kept))
    if doubted and claim and whole_claim:
        said = claim.lower()
        return " ".join([claim.strip(), *(w for w in kept if w not in said), question.text])
    return " ".join([*kept, question.text])


def _other_subject(
    clauses: list[_Clause],
    named: list[str],
    known_words: KnownWords,
    is_subject: Callable[[str], bool],
) -> list[str]:
    """The subject of the nearest of `clauses` that names one other than those `named`: what
    两者 means with the subject found ("博客说GPT的目标是生成文本，而ChatGPT是专门做对话的。两者在
    应用领域上分别有哪些": GPT and ChatGPT); none when `named` holds two already."""
    subjects = {word for word in named if is_subject(word)}
    if len(subjects) > 1:
        return []
    for clause in reversed(clauses):
        others = [w for w in known_words(clause.text) if is_subject(w) and w not in subjects]
        if others:
            return others[:1]
    return []


def _new_words(
    clause: _Clause,
    focus: str,
    known_words: KnownWords,
    is_term: Callable[[str], bool],
    is_everyday: Callable[[str], bool],
) -> list[str]:
    """The words of substance of a clause that joins the question, other than those it has."""
    said = set(focus.split())
    return [
        word
        for word in known_words(clause.text)
        if word not in said and _of_substance(word, is_term, is_everyday)
    ]


def _of_substance(
    word: str,
    is_term: Callable[[str], bool],
    is_everyday: Callable[[str], bool],
    *,
    everyday_too: bool = False,
) -> bool:
    """A word of a clause that goes with the question: a term, a name, or a word of two or more
    characters that is no everyday word; an everyday word too when `everyday_too` (a claim's own
    words), but never a question word, which asked that clause's question."""
    if is_term(word) or _LATIN_START.match(word):
        return True
    if len(word) < 2:
        return False
    return not is_everyday(word) or (everyday_too and not _QUESTION_MARK.search(word))


def _reported_after_the_asker(
    clause: _Clause, known_words: KnownWords, is_subject: Callable[[str], bool]
) -> str:
    """A message of one clause from the question it reports on, when all before that tells
    of the asker and names no subject ("哎呀我这个人年纪大了记性不好上次听你们说的那个RLHF到底是
    啥来着"); else the whole clause ("GPT跟ChatGPT在应用领域上差在哪先说GPT那边" asks of both)."""
    question = _reported(clause, known_words, is_subject)[0]
    told = clause.text[: len(clause.text) - len(question.text)]
    return clause.text if any(map(is_subject, known_words(told))) else question.text


def _reported(
    clause: _Clause, known_words: KnownWords, is_subject: Callable[[str], bool]
) -> tuple[_Clause, list[str]]:
    """What follows the last verb that reports a question ("亲戚围着问我ChatGPT是哪家公司搞的"
    → "ChatGPT是哪家公司搞的") when it names a subject, else the clause; with its known words,
    so that no caller tokenises it again."""
    ends = [m.end() for m in _REPORTED.finditer(clause.seen)]
    if ends and ends[-1] < len(clause.text):
        told = clause.after(ends[-1])
        words = known_words(told.text)
        if any(map(is_subject, words)):
            return told, words
    return clause, known_words(clause.text)
