"""Which kind of fact a question asks for, and which kinds an answer holds.

"GPT-1是哪一年发布的" asks for a date, "GPT-2有多少参数" for a number, "训练一次要花多少钱"
for a sum of money and "GPT是哪家公司开发的" for who made it; an entry whose answer holds none
of the kind (a list of GPT versions, a parameter count) may share every word with the question
and still not answer it. The search damps such an entry (see `Weights.fact_absent`).

Only question forms that always want the fact count: 多少 and 哪一年, not 几个 or 多大, which
are as often answered by a list or a comparison.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from enum import IntFlag
from typing import NamedTuple


class Fact(IntFlag):
    """Kinds of fact: a bit each, so that what is asked and what is held compare in one step."""

    NONE = 0
    NUMBER = 1
    DATE = 2
    MONEY = 4
    MAKER = 8
    """Who made it: an answer that names the company or says who developed it."""
    DURATION = 16
    """How long something takes or took: "用户破亿用了多久" is answered by "两个月"."""
    COUNTRY = 32
    """Which country: a person's nationality ("X是哪国人"), where servers are or where it may
    be used ("服务器在哪个国家"); answered only by an answer that names one."""
    DAY = 64
    """Which day ("11月几号上线的"): a month ("2022年11月") does not answer it."""
    PICKS = 128
    """Courses, books or links to recommend ("有啥提示工程的课程推荐吗"), or which product is
    best ("哪个大模型最好用"), or what the asker should do ("该不该禁用"): the articles explain,
    they recommend nothing, so no answer holds one."""
    PLACE = 256
    """Where something is trained or run ("在哪训练的", "用的谁家的服务器"): answered only by
    an answer that names the machines (PPO is a step of the training, trained nowhere)."""
    NAMER = 512
    """Who named it ("这名字是谁起的"): no article says, so no answer holds one (not OpenAI,
    who made it)."""
    LATIN_NAME = 1024
    """Its name in English or in full ("思维链英文叫什么", "GPT的全称是什么"): answered by an
    answer that gives one (思维链（Chain of Thought）), not by one that only uses the name."""


_COMPANIES = "openai|微软|谷歌|google|百度|meta"
"""Makers a question or an answer may name (no article names the last four; people do)."""
OTHER_MAKERS = frozenset(
    {"百度", "阿里", "阿里巴巴", "腾讯", "字节", "字节跳动", "华为", "谷歌", "google", "meta"}
    | {"商汤", "讯飞", "科大讯飞", "智谱", "百川", "anthropic", "苹果", "apple", "亚马逊", "amazon"}
)
"""Companies no article speaks of as makers of a model (they name OpenAI and Microsoft): a
question about one's own model is about a name the knowledge does not know
(`search.other_makers_models`)."""
_MADE = "开发|研发|做|搞|造|发明|推出|创造"
"""How a question says that someone made it."""

_BEST = "好用|好|强|厉害|牛|靠谱|值得"
"""How a question asks which product is best."""
_PICKED = "课程|教程|网课|书|资料|链接|网站|网址|公众号|博主"
"""What members ask to be recommended to learn from."""

_ASKING = (
    # Not how far apart two things are ("跟人写的还差多少"): a degree, not a number; nor an amount
    # named as a thing ("参数多少跟学习能力没关系吧": whether it matters).
    (Fact.NUMBER, re.compile(r"(?<!差)多少(?!跟|和|与|有关|无关|没关系)")),
    (Fact.DATE, re.compile(r"哪一?年|什么时候|啥时候|何时|几月|哪天|\d{4}年")),
    (Fact.MONEY, re.compile(r"多少钱|多贵|价格|价钱|美元|美金|人民币|付费|收费|免费")),
    # "还能火多久" asks about the future of a thing, not how long something took (还 is no token).
    (
        Fact.DURATION,
        re.compile(
            r"(?<!能)(?<!能.)(?:多久|多快|多长时间|几个?(?:天|小时|星期|周)|几个月|多少(?:天|小时|个月))"
        ),
    ),
    (Fact.COUNTRY, re.compile(r"哪国|哪个国家|什么国家|哪里人|哪儿人|国籍")),
    (
        Fact.PLACE,
        re.compile(
            r"哪里(?:训练|运行|部署|跑)|哪家(?:服务器|机房|云|算力|机器)|什么(?:服务器|机器)"
        ),
    ),
    (Fact.DAY, re.compile(r"几号|哪一?天|几[日号]|具体日期|哪一日")),
    (
        Fact.PICKS,
        re.compile(
            rf"(?:{_PICKED})推荐|推荐.{{0,6}}(?:{_PICKED})|(?:课程|教程|网课|书单)(?:吗|么)?$"
            # Which product is best ("那哪个AI画图最好用", "哪家的大模型最强"): the articles
            # rank no products. Not 最有名: GPT-3 is the best-known version, they say.
            rf"|哪(?:个|家|款).{{0,8}}最(?:{_BEST})|最(?:{_BEST})的是哪(?:个|家|款)"
            # Advice on what the asker should do ("那我们学校到底该不该禁用ChatGPT").
            r"|该不该|应不应该|应该不应该|值不值得"
        ),
    ),
    # Not "in English, what is it used for": a request for the language of the answer.
    (
        Fact.LATIN_NAME,
        re.compile(
            r"(?:英文(?:名字?|全称|全名)|全称|全名)(?:是|叫)?(?:什么|怎么说)?"
            r"|英文(?:叫什么|怎么说|是什么$)"
        ),
    ),
    (
        Fact.NAMER,
        re.compile(r"谁(?:起|取|命)的?名|名字?是?谁(?:起|取|命名)|谁给.{0,10}(?:起|取)的?名"),
    ),
    (
        Fact.MAKER,
        re.compile(
            rf"哪家|(?:哪个|(?<!为)什么)公司|公司是?(?:哪|谁)|谁(?:{_MADE}|发现)"
            r"|(?<!说法)(?<!说法是)(?<!观点)(?<!观点是)谁提出"
            # Whose finding: "这个是谁发现的？哪个研究者" (the articles name no researcher); who
            # came up with a method ("思维链是谁提出来的"). Not who put a claim forward: "这种
            # 说法是谁提出来的" is answered by 不少学者和研究人员. Not 为什么 either:
            # "为什么学者们担心" asks why of the scholars, and "为什么公司…" why of the companies.
            r"|(?:哪个|哪位|哪些|(?<!为)什么)(?:研究者|研究员|研究人员|科学家|学者)"
            # A maker named to be checked: "ChatGPT是谷歌做的吧".
            rf"|(?:{_COMPANIES})(?:{_MADE})"
        ),
    ),
)
"""What the question forms ask for, found in the joined tokens (jieba cuts 什么时候 in two;
English "how many", "when" are normalised onto these). A year the question states checks a date
("ChatGPT是2020年就出来了吧"): an answer without one cannot say yes or no."""

# A number of its own, not the digit of a name (GPT-3, GPT-3.5), or a Chinese count (数十亿).
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.\-])\d+(?:\.\d+)?|[一二两三四五六七八九十百千万几数上]+[十百千万亿]"
)
_FIGURE = re.compile(r"(?<![A-Za-z0-9.\-])\d+(?:\.\d+)?[十百千万亿]*(?![A-Za-z0-9.])")
"""A figure of its own: a year or a sum, not the digit of a name (GPT-3, GPT-3.5)."""
_DATE = re.compile(r"\d{4}年|\d{1,2}月|\d+年前|年初|年底|年末|去年|今年|明年|世纪|年代")
_MONEY = re.compile(r"美元|美金|人民币|\d元|免费|收费|价格|费用|资金")
_MAKER = re.compile(rf"开发|{_COMPANIES}|没有说是哪些公司", re.IGNORECASE)
"""Who made it, said: a company, that it was developed, or that the article does not say which
companies (the entry on Chinese rivals then declines "是哪家公司发布的" itself). Not 研发 alone:
that answer says 对标产品的研发 of teams it does not name ("who built ChatGPT" drew it)."""
_COUNTRY = re.compile(r"国籍|[美英法德日韩俄]国|意大利|印度|欧洲")
"""A country named (not 中国 or 国内, which answers about Chinese teams say)."""
_PLACE = re.compile(r"Azure|超级计算|基础设施|服务器|机房|数据中心", re.IGNORECASE)
"""The machines something runs on, named (Microsoft Azure's 超级计算基础设施)."""
_LATIN_NAME = re.compile(r"[（(][A-Za-z][A-Za-z\-/ ]*[)）]|全称是[A-Za-z]")
"""A name given in English or in full: 思维链（Chain of Thought）, 近端策略优化（PPO）, "全称是Chat
Generative Pre-trained Transformer"."""
_DAY = re.compile(r"\d{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号]")
_DURATION = re.compile(
    # A span of months says 个 (两个月; 11月 is a date), and of years has no four digits.
    r"(?:(?<!\d)\d{1,3}|[一二两三四五六七八九十几半数]+)(?:个月|个?(?:天|小时|星期|周)|年(?![初底末代]))"
)


def asked(tokens: Iterable[str]) -> Fact:
    """The kinds of fact a question (its tokens) asks for."""
    text = "".join(tokens)
    found = Fact.NONE
    for fact, form in _ASKING:
        if form.search(text):
            found |= fact
    return found


def only_asks(tokens: Iterable[str]) -> Fact:
    """The kinds of fact a question asks for when it says nothing but how it asks ("谁做的",
    "什么时候出的", "哪年出的": a single character may be left, the verb), else NONE:
    "北京房价多少" asks a number of something, "你觉得哪家公司会先做出来" an opinion. A figure
    put to be checked is part of the form ("哪年出的 2023吧", "290亿是人民币吧"): it says which
    fact, not what of."""
    text = _FIGURE.sub(" ", "".join(tokens))
    found = Fact.NONE
    for fact, form in _ASKING:
        text, asking = form.subn(" ", text)
        if asking:
            found |= fact
    return found if all(len(rest) <= 1 for rest in text.split()) else Fact.NONE


_NOW = re.compile(r"现在|如今|眼下|今年|最新|至今|\b(?:now|currently)\b")
"""How a question asks how things stand today ("ChatGPT现在有多少用户", "how many users does
it have now"). Not 目前 or 当前: the articles say them of their own time ("目前国内能够承担这个
资金规模的企业并不算多"), and a question that takes up their words asks what they say."""


_YEAR = re.compile(r"(?<!\d)20\d\d(?!\d)")


def asks_about_now(normalised: str) -> bool:
    """Whether a question (normalised) asks how things stand today."""
    return bool(_NOW.search(normalised))


def without_now(normalised: str) -> str:
    """A question (normalised) with the words that ask of today left out."""
    return _NOW.sub("", normalised)


def years_named(normalised: str) -> tuple[str, ...]:
    """The years a question (normalised) names ("那2025年估值是多少": 2025)."""
    return tuple(dict.fromkeys(_YEAR.findall(normalised)))


_COUNT = "[一二两三四五六七八九十\\d]+"
_MOMENT = re.compile(
    rf"第{_COUNT}(?:天|周|个?星期|个?月)|[头前首]{_COUNT}(?:天|周|个?星期)"
    rf"|{_COUNT}(?:天|周|个?星期)(?:后|内|之内|以后|以内)"
    # A stretch counted from the launch ("上线5天用户有多少", "发布一周"): the moment it ends.
    rf"|(?<=上线|发布|推出|问世){_COUNT}(?:天|周|个?星期)"
    # Years counted in words only: 2025年 is a year named (`years_named`), not a stretch.
    r"|第[一二两三四五六七八九十]+年|[一二两三四五六七八九十]+年(?:后|内|之内|以后|以内)"
)
"""A moment in a stretch of time ("上线第五天", "头一周", "三天之内", "一年后"): a figure asked at
one is not the figure an answer gives at another ("上线两个月后，用户数量达到1亿")."""


def moments_named(text: str) -> tuple[str, ...]:
    """The moments a question asks a figure at ("ChatGPT上线第五天用户数是多少": 第五天)."""
    return tuple(dict.fromkeys(_MOMENT.findall(text)))


_WRITTEN_WHEN = re.compile(r"（写于[^）]*）|写作时（[^）]*）")
"""When the source article was written (（写于2023年初）): where the answer comes from, not a
date it states about its subject."""


def as_of_writing(answer: str) -> bool:
    """Whether an answer gives things as they stood when its article was written: （写于2023年初）,
    写作时（2023年初） (`_WRITTEN_WHEN`). Not 该文写作时, which dates a remark ("GPT-3是该文写作时
    较为知名的版本") and not its figure."""
    return bool(_WRITTEN_WHEN.search(answer))


_ASKS_REASON = re.compile(r"为什么|为何|原因|缘故")
_ASKS_SPECIFICS = re.compile(
    r"具体.{0,6}(?:哪|谁)|哪几?家|哪几个|叫什么|点几?个?名"
    r"|哪些.{0,4}(?:大厂|公司|企业|团队|机构|厂商|高校|产品)"
)
"""Which ones or who by name ("具体是哪几家公司在做", "哪家公司发布的", "那个创业者叫啥", "点个名",
"是哪些大厂封的"): not 哪些 alone, which a list of kinds answers ("ChatGPT会影响哪些工作": 白领,
金融)."""
_ASKS_COMPANY = re.compile(r"哪几?家|(?:哪个|哪些|什么)公司")
_ASKS_WORKINGS = re.compile(r"原理|公式|怎么算|怎么计算|如何计算|结构")
"""How something works inside ("PPO的原理", "自注意力是怎么算的"): not 怎么 alone, which asks
how it is done, and an answer may tell that (奖励模型 is built from the trainers' ratings)."""
_ASKS_METHOD = re.compile(r"具体[^有是]{1,4}哪些|具体(?:做法|方法)")
"""What was done in detail ("具体过滤了哪些词"): what an answer that says its article gives no
具体做法 leaves out. Not "具体有哪些", which its list of examples answers, nor "具体怎么做到的":
its answer tells how in general (在微调过程中增加了…约束)."""
_NOT_GIVEN = "没有(?:进一步)?(?:说明|说|提到|点名|列出|介绍|给出|解释|交代)[^。；，]*"
_NOT_GIVEN_CLAUSE = re.compile(r"\s*(?:但|也|又|却|并|而)*" + _NOT_GIVEN)
"""A clause that says something is left out ("但没有说是哪些大厂", "也没有说明原因")."""
_NO_REASON = re.compile(_NOT_GIVEN + "原因")
_NO_SPECIFICS = re.compile(_NOT_GIVEN + "(?:哪些|哪家|哪几|是谁|名字)")
"""Not 具体 alone: "没有介绍这些约束的具体做法" leaves out how, not which ones."""
_NO_WORKINGS = re.compile(_NOT_GIVEN + "(?:原理|结构|公式)")
_NO_METHOD = re.compile(_NOT_GIVEN + "具体(?:做法|方法|措施)")
_SENTENCE = re.compile(r"[^。；\n]+[。；]?")
_CJK_WORD = re.compile(r"[\u3400-\u9fff]{2,}")


class Unsaid(NamedTuple):
    """What a question asks that an answer may say it does not give: the reason for something
    it names ("为什么大厂要封杀它"), which ones by name ("具体是哪几家公司在做"), or how it works
    inside ("自注意力机制是怎么算的，公式是啥")."""

    reason: bool
    specifics: bool
    named: tuple[str, ...]
    """The question's Chinese words: what is left out must be of what the question names."""
    workings: bool = False
    companies: bool = False
    """Which company ("哪家最先上线的"): a clause that leaves out which companies is of it, whatever
    else the question names."""
    method: bool = False
    """How it is done in detail ("具体过滤了哪些词")."""

    @classmethod
    def asked(cls, normalised: str, tokens: Sequence[str]) -> Unsaid | None:
        """What of the kind a question (normalised, and its tokens) asks, or None when it asks
        neither. The text, not the tokens: 具体 is padding to the search."""
        text = normalised.replace(" ", "")
        reason = bool(_ASKS_REASON.search(text))
        specifics = bool(_ASKS_SPECIFICS.search(text))
        workings = bool(_ASKS_WORKINGS.search(text))
        method = bool(_ASKS_METHOD.search(text))
        if not (reason or specifics or workings or method):
            return None
        asking = (_ASKS_REASON, _ASKS_WORKINGS)
        named = tuple(
            t for t in tokens if _CJK_WORD.fullmatch(t) and not any(a.search(t) for a in asking)
        )
        companies = bool(_ASKS_COMPANY.search(text))
        return cls(reason, specifics, named, workings, companies, method)

    def in_answer(self, answer: str, *, of_anything: bool = False) -> str:
        """The answer's sentence that says its article does not give it, of something the
        question names ("…很多互联网大厂封杀了ChatGPT，没有说是哪些大厂，也没有说明原因。"), or
        "": such an entry is the one for the question, and its answer is that the articles do
        not say. What it names is in the clause that says so or the one before: the sentence
        above is no word on why 学术界 worries, though 学术界之外 opens it, nor on who the
        Microsoft manager in its answer is. `of_anything`: whatever it is of, for a follow-up
        that names nothing ("具体是哪几家？" right after the answer that says no company is
        named)."""
        sentences: list[str] = _SENTENCE.findall(answer)
        for sentence in sentences:
            clauses = sentence.split("，")
            for at, clause in enumerate(clauses):
                if not self._leaves_out(clause):
                    continue
                # Back over the clauses that leave something else out, to the one they are
                # about: "封杀了ChatGPT，没有说是哪些大厂，也没有说明原因" gives no reason for 封杀.
                start = at
                while start > 0 and _NOT_GIVEN_CLAUSE.match(clauses[start - 1]):
                    start -= 1
                about = "".join(clauses[max(start - 1, 0) : at + 1])
                of_companies = self.companies and "公司" in clause
                if of_anything or of_companies or any(word in about for word in self.named):
                    return sentence.strip()
        return ""

    def _leaves_out(self, clause: str) -> bool:
        return bool(
            (self.specifics and _NO_SPECIFICS.search(clause))
            or (self.reason and _NO_REASON.search(clause))
            or (self.workings and _NO_WORKINGS.search(clause))
            or (self.method and _NO_METHOD.search(clause))
        )


def answered(wanted: Fact, held: Fact) -> bool:
    """Whether an answer holding `held` gives the kinds of fact asked: a day asked is answered
    in part by a date (the month it gives), and the reply says the day is not given
    (`date_without_day`)."""
    if wanted & Fact.DAY:
        wanted = (wanted & ~Fact.DAY) | Fact.DATE
    return wanted & held == wanted


def date_without_day(answer: str) -> str:
    """The sentence of an answer that dates something without its day ("OpenAI在2022年11月推出
    了ChatGPT。"), when the answer gives no day at all; else ""."""
    if _DAY.search(answer):
        return ""
    dated = (s for s in _SENTENCE.findall(_WRITTEN_WHEN.sub("", answer)) if _DATE.search(s))
    return next(dated, "").strip()


@functools.lru_cache(maxsize=1024)
def leaves_something_out(answer: str) -> bool:
    """Whether an answer says its article does not give something (`Unsaid.in_answer` may find
    its sentence)."""
    return re.search(_NOT_GIVEN, answer) is not None


def held(answer: str) -> Fact:
    """The kinds of fact an answer states."""
    answer = _WRITTEN_WHEN.sub("", answer)
    found = Fact.NONE
    if _NUMBER.search(answer):
        found |= Fact.NUMBER
    if _DATE.search(answer):
        found |= Fact.DATE
    if _MONEY.search(answer):
        found |= Fact.MONEY
    if _MAKER.search(answer):
        found |= Fact.MAKER
    if _DURATION.search(answer):
        found |= Fact.DURATION
    if _COUNTRY.search(answer):
        found |= Fact.COUNTRY
    if _DAY.search(answer):
        found |= Fact.DAY
    if _PLACE.search(answer):
        found |= Fact.PLACE
    if _LATIN_NAME.search(answer):
        found |= Fact.LATIN_NAME
    return found


_HOW = frozenset({"怎么", "如何", "怎样", "咋"})
_WHAT = frozenset({"什么", "啥"})
_WHAT_IT_MEANS = frozenset({"意思", "东西", "概念", "含义"})
"""What may follow 是什么 when it asks what a term is (是什么意思); any other word after it is
the aspect asked about (什么关系, 什么作用), and the term before it is not what is asked."""
IN_ENGLISH = frozenset({"英文", "英文名", "英文名字", "全称", "全名"})
"""The words of a question for the name in English or in full (`Fact.LATIN_NAME`): how it asks,
not what about ("思维链英文叫什么" asks 思维链's name, and its answer need not say 英文)."""
_NOT_A_HEAD = frozenset({*_HOW, *_WHAT, *_WHAT_IT_MEANS, *IN_ENGLISH, "时候", "为什么"})
_TAKES_A_VERB = frozenset({"学会", "学到", "做到"})
"""A verb that takes the verb asked about: "怎么学会聊天的" asks about 聊天; "怎么做到跟人对话这么
自然的" about none of its own (跟 is grammar), not about 做到, which no entry says."""


def heads(tokens: Sequence[str], *, is_everyday: Callable[[str], bool]) -> tuple[str, ...]:
    """The words a question form asks about: the verb after 怎么/如何 ("怎么降重" asks about
    降重) and the term of "X是什么(意思)" ("量化和蒸馏是什么意思" asks about 蒸馏).

    An entry that does not know such a word answers another question, however many of the
    other words it shares ("用ChatGPT写的论文怎么降重" is not about ChatGPT in education).
    Single characters (用, 指) are grammar and everyday verbs (进行, 使用, 实现) say little:
    neither is a head.
    """
    found = []
    for at, token in enumerate(tokens):
        if token in _HOW:
            skip = 2 if at + 1 < len(tokens) and tokens[at + 1] in _TAKES_A_VERB else 1
            candidates = tokens[at + skip : at + skip + 1]
        elif token in _WHAT and (at + 1 == len(tokens) or tokens[at + 1] in _WHAT_IT_MEANS):
            candidates = [t for t in tokens[max(0, at - 2) : at] if len(t) > 1][-1:]
        else:
            continue
        found += [
            word
            for word in candidates
            if len(word) > 1 and word not in _NOT_A_HEAD and not is_everyday(word)
        ]
    return tuple(found)


def tells_besides_what_it_lacks(answer: str, subject: str) -> bool:
    """Whether an answer that says its articles lack something also says something of its
    subject ("文章没有给出ChatGPT的参数数量。…只说ChatGPT基于GPT-3的底层架构，拥有大量的参数。");
    GPT-4's, which says only that its figure is not given, does not."""
    return any(
        subject in sentence and not re.search(_NOT_GIVEN, sentence)
        for sentence in _SENTENCE.findall(answer)
    )
