"""The text pipeline shared by knowledge entries and user messages.

normalise: NFKC (full-width to half-width), case folding, traditional to simplified (OpenCC),
emoji/punctuation/control characters to spaces, synonyms to one canonical term.
tokenise: normalise, then jieba with the domain dictionary, minus filler words and particles.

The same :class:`Analyzer` must process entries and queries, so that both meet in one vocabulary.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import marshal
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

import opencc
from ruamel.yaml import YAML

from bot.core import memo
from bot.core.source_file import YAML_FAILURES, parse_failure, read_source, read_yaml_source
from bot.errors import KnowledgeError, Problem


@contextlib.contextmanager
def _unimportable(name: str) -> Iterator[None]:
    """Within the block, `import name` fails (unless the module is loaded already)."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # how importlib spells "not there"
    try:
        yield
    finally:
        del sys.modules[name]


# jieba 0.42 reads its model files through pkg_resources when it can import it
# (jieba/_compat.py): setuptools' whole resource API, 140 ms of every start, and a deprecation
# warning on setuptools 67 and later (fxsjy/jieba#1026). Without it jieba opens the same files
# by path.
with _unimportable("pkg_resources"):
    import jieba

LEXICON_DIR = "lexicon"
DICTIONARY_FILE = "dictionary.txt"
SYNONYMS_FILE = "synonyms.yaml"
MAX_ANALYSED_CHARS = 500
"""Longer messages are cut before analysis: no question about AI concepts needs more."""
REMEMBERED_NORMALISED = 4096
"""Recent short texts whose normal form the analyzer keeps (see `bot.core.memo`)."""

COMMON_WORD_FREQUENCY = 100
"""jieba counts from here make a word common (一下 13924, 吉他 108; typos: 学系 72, 型态 23)."""
EVERYDAY_WORD_FREQUENCY = 5000
"""jieba's count above which a word is everyday Chinese (进行 54355, 使用, 实现) rather than a
word that says what a question is about (访问 3086, 收费 2553, 蒸馏 263)."""
BOUND_CHARACTERS = frozenset(
    "能会要得很都也还就没不"  # modal verbs and adverbs
    "上下起来去里着过到出性"  # complements and suffixes
    "点些个的了在是有"  # measure words and particles
    "给让把被比跟和对从"  # prepositions
)
"""Characters that lean on a neighbour: jieba, meeting a sequence it does not know, glues one of
them to it (能起, 性上, 帮上, 写个, 比小). On their own they are grammar, and weigh little in the
search (`search.BOUND_CHARACTER_WEIGHT`)."""

# Polite padding that carries no meaning for matching ("请问一下，什么是大模型呀").
FILLERS = (
    "请问一下",
    "请问",
    "想问一下",
    "我想问问",  # not 我想问 + 问 ("…chatgpt我想问问它到底是个啥": 问 drew the usage tips)
    "想问问",
    "想问下",
    "问下",
    "我想问",
    "问一下",
    "问问",
    "我想请教一下",
    "我想请教下",
    "想请教一下",
    "想请教下",
    "请教一下",
    "请教下",
    "我想知道",
    "想知道",
    "能不能告诉我",
    "能简单告诉我",  # "你能简单告诉我ChatGPT是什么吗": how to tell it, not what
    "简单告诉我",
    "能告诉我",
    "可以告诉我",
    "告诉我",
    "给我讲讲",
    "给我说说",
    "再讲讲",  # "零样本那块再说说": more of what was said, asked again of its words
    "再说说",
    "再聊聊",
    "讲讲",
    "说说",
    "唠唠",
    # How to explain it, not what: "能不能用通俗的话讲讲GPT预训练的原理".
    "用通俗的话",
    # How short to tell it ("一句话总结大模型是什么", "大模型是什麼 一句話講完"): not what; the
    # dialogue reads the same words alone as asking for the short of the last answer.
    "用一句话总结",
    "一句话总结",
    "一句话概括",
    "一句话讲完",
    "一句话说完",
    "一句话讲清楚",
    "一句话说清楚",
    "一句话讲下",
    "一句话说下",
    "用一句话",
    "一句话讲",
    "一句话说",
    "简单点说",
    "简单点讲",
    "简单说说",
    "简单讲讲",
    "用大白话",
    # In which language to explain, after an English term ("GPT是啥意思…能用中文给我解释一下吗"):
    # how to answer, not whether ChatGPT speaks Chinese.
    "用中文给我解释一下",
    "用中文给我讲讲",
    "用中文解释一下",
    "用中文解释",
    "用中文讲讲",
    "用中文说说",
    "通俗易懂地",
    "通俗地",
    "通俗点",
    # Asking to be told plainly ("Transformer这词听了八百遍还是不懂，能讲人话吗"), not whether
    # a model speaks like a person.
    "能讲人话吗",
    "能说人话吗",
    "讲点人话",
    "说点人话",
    "讲人话",
    "说人话",
    # A newcomer saying hello before the question ("hi 新人报到~ 生成式AI到底是啥").
    "新人报到",
    "新人报道",
    "刚进群",
    "谁能帮我",  # asks for help, not who: "谁能帮我捋一下它的核心"
    "谁能告诉我",
    "有谁知道",
    "谁知道",
    # "有人懂ChatGPT是怎么训练的吗": asks for anyone who knows, not about 懂 (understanding code).
    "有没有人懂",
    "有没有人知道",
    "有人懂",
    "有人知道",
    "谁懂",
    # Never having heard of what is asked ("分片是啥我没听过"): why it is asked, not what.
    "我没听过",
    "没听过",
    "我没听说过",
    "没听说过",
    "帮我解释一下",
    "解释一下",
    "介绍一下",
    "给我介绍一下",
    "给我介绍下",
    "给我介绍介绍",
    # Going back to an earlier subject ("还是说回GPT-3，它是谁做的"): how, not what about.
    "话说回来",
    "言归正传",
    "回到刚才的话题",
    "回到刚才的问题",
    "回到刚才的",
    "回到刚才",
    "回到正题",
    "回到一开始的问题",  # the topic is still the chat's: "回到第一个问题，那每生成一个词依赖的是啥"
    "回到最开始的问题",
    "回到刚开始的问题",
    "回到开头的问题",
    "回到最初的问题",
    "回到第一个问题",
    "回到",  # "回到RLHF，它让ChatGPT哪方面变好了": RLHF is what it is about
    "还是说回",
    "再说回",
    "说回",
    # Whose view is asked, when the articles' is the only one there is: "作者觉得做ChatGPT最难的
    # 是啥" asks what is hardest, as the article says.
    "作者觉得",
    "作者认为",
    "文章觉得",
    "文章认为",
    "介绍下",  # "介绍下ChatGPT" is what ChatGPT is, not an entry that has the word 介绍
    "介绍介绍",
    "简单介绍",
    "给我科普一下",
    "给我科普下",
    "帮我科普一下",
    "帮我科普下",
    "科普一下",
    "科普下",
    # Asking for a list or a summary of what is asked ("GPT能干的列一下"): how to answer.
    "给我列一下",
    "帮我列一下",
    "列一下",
    "列举一下",
    "帮我总结一下",
    "帮我总结下",
    "帮我理一理",
    "理一理",
    "用白话",
    "讲一下",
    "说一下",
    "一下子",  # all at once: dropped whole, since dropping 一下 from it would leave 子
    "一下",
    # "Still don't get it" and "sort it out for me": why the member asks, not what about.
    "帮我捋一下",
    "捋一下",
    "帮我梳理一下",
    "梳理一下",
    "帮我整理一下",
    "整理一下",
    "想搞明白",
    "搞明白",
    "整不明白",
    "搞不明白",
    "没整明白",
    "给整明白点",  # "make it clear for me"
    "整明白点",
    "来着",  # "有多大来着": recalling, not asking anew (before jieba, which glues 多大来 + 着)
    "没搞明白",
    "搞不懂",
    "没搞懂",
    "看不懂",
    "没太看懂",
    "没看懂",
    "没理解",  # what the lexicon makes of 没看懂 before the fillers go
    "不太懂",
    "大佬们",
    "大佬",
    "各位",
    "麻烦",
    # "训练的时候喂了啥": a time in the story, not a question about a date (什么时候 has no 的).
    "的时候",
    "那会儿",  # "刚出那会儿": when it had just come out, as 的时候
    "那阵子",
    # How a term sounds to the asker ("思维链听着挺玄乎，到底指啥"): not what is asked about.
    "听起来",
    "听着",
    # What the asker thinks of it ("微调这玩意儿听着就是噱头，到底干嘛的", "真就一次只出一个词？
    # 不信"): a sceptic's tone, not what is asked.
    "噱头",
    "不信",
    "玄乎",
    "高大上",
    # The term itself, as in "GPT这个词是什么意思": what is asked is what GPT means.
    "这个词",
    "这个名词",
    # The sentence itself, as in "文章里说“…对数级的增长”，这句话啥意思": what it says is asked.
    "这句话",
    "这段话",
    # The figure itself, as in "那600亿这个数是哪来的": what is asked is where 600亿 comes from.
    # Not 这个数 alone, the start of 这个数据.
    "这个数字",
    "这个数是",
    # Group chat's own padding: asking for an explanation, greeting, thanking, despairing.
    "求科普",
    # A newcomer saying who asks ("小白求问 生成式AI到底是干嘛的"): why, not what about.
    "纯小白",
    "小白求问",
    "萌新求问",
    "新手求问",
    "求问",
    "求大佬指路",
    "求指路",
    "在线等",
    "说人话",
    "唠明白",
    "一句两句",
    # How to tell it, in English ("explain 奖励模型 in detail"): not what is asked.
    "give me an example of",
    "give me some examples of",
    "give me examples of",
    "explain like i'm five",
    "explain like im five",
    "eli5",
    "in more detail",
    "in detail",
    "in details",
    "in simple terms",
    "in plain words",
    "in plain english",
    "briefly",
    # Who keeps asking, in English ("my students keep asking"): why the member asks.
    "keep asking",
    # Who keeps saying something, to be checked ("My boss keeps saying ChatGPT is just GPT…").
    "keeps saying",
    "keep saying",
    "kept saying",
    "keeps asking",
    "kept asking",
    "asked me",
    "有没有懂哥",  # "anyone who gets it?": asks the group, not the knowledge
    "求懂哥",
    "懂哥",
    "老铁们",
    "老铁",
    "看得我头大",
    "看得我懵圈",
    "懵圈",
    "一脸懵逼",
    "一脸懵",
    "懵逼",
    # Having heard it and still not got it ("微调到底是干啥的，听了好几次还是一脸懵"): why the
    # member asks. Not 不懂 alone, which asks whether ChatGPT 懂 code.
    "听了好几次",
    "听了好多次",
    "听了好几遍",
    "还是不懂",
    "还是没懂",
    "还是不太懂",
    "救命",
    "有一说一",
    # When, not what: "ChatGPT火了之后学术圈啥反应" asks of its impact, not of how popular it
    # is (a phrasing of that entry says 火了之后).
    "火了之后",
    "火了以后",
    "火起来之后",
    "火起来以后",
    "爆火之后",
    "爆火以后",
    "大火之后",
    # What kind of way out is asked for ("有没有什么比较常见的解决思路"): any the articles
    # give; 常见 is a word no entry says (通用 is: GPT is 通用).
    "比较常见的",
    "常见的",
    "yyds",
    "绝绝子",
    # Asking whether a claim is true ("朋友说它是谷歌做的，真的假的"): the claim is the question.
    "真的假的",
    "是真是假",
    "谢谢大家",
    "谢谢",
    "多谢",
)
SHORT_WHERE = frozenset(["哪", "哪儿"])
"""Where, said short after 在 ("在哪训练的"): 哪里, as the knowledge writes it ("在哪里训练的").
Not 哪 alone, which also asks which (哪年, 哪版)."""
LONE_VERBS = {
    "训": "训练",
    "去训": "训练",
    "来训": "训练",
    "聊": "聊天",
    "禁": "封杀",
    "卖": "出售",
    "改": "纠正",
    "练": "训练",
}
"""A verb said short that jieba leaves on its own (训大模型, 在谁家机房训的, 能聊好几轮, 都在禁它,
从头练, 帮我改作文: 改 corrects, as the abilities entry says 纠正) or glues to the 去/来 before
it (拿我们的数据去训):
the word it stands for (会被拿去卖吗: sold). Only as a whole token: as a synonym it would also
rewrite 培训, 无聊, 禁止, 卖点, 改进 and 熟练."""
# Single-token particles and function words dropped after jieba has segmented the text.
STOPWORDS = frozenset(
    [
        "的话",  # jieba cuts "说的话" into 说/的话; alone it is the conditional "if"
        "那步",  # "监督学习那步咋弄的": the step named before it is what is asked about
        "这步",
        "那边",  # "学校那边呢": where the asking points, not what it is about
        "里面",  # "里面哪个最有名" after GPT's versions: among them
        "里头",  # the same, said colloquially ("微软在ChatGPT这事里头掺和了啥")
        "所以",  # "所以思维链到底是啥": a member drawing the talk together, not what is asked
        "刚才",
        "刚刚",
        "最初",  # and what the lexicon reads as it (一开始, 刚出来那会): when, not what is asked
        "那人",  # "…微软的大佬说…，那人叫啥": the person just told of, no word to look for
        "这人",
        "这边",
        "完全",
        "根本",
        "只是",  # "不只是为了…吗": how far a claim goes, not what it is about
        "压根",
        "那么",
        "这么",
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "哈",
        "嘛",
        "呗",
        "啦",
        "哦",
        "喔",
        "哇",
        "额",
        "嗯",
        "么",
        "是",
        "和",
        "与",
        "及",
        "或",
        "在",
        "我",
        "你",
        "您",
        "我们",
        "大家",
        "就",
        "都",
        "也",
        "还",
        "又",
        "很",
        "这",
        "那",
        "个",
        "一个",
        "请",
        "下",
        "哈哈",
        "嘿",
        "诶",
        "欸",
        "喂",
        "到底",
        "东西",
        "东东",  # 东西 said playfully ("思维链是个啥东东")
        "上去",  # where something goes: "规模上去" is scaling up, not a thing asked about
        "变得",  # "咋变得这么会说话": how it became so, asked of what it became
        "跟着",  # "能力也会跟着涨吗": along with, asked of what grows
        # Question grammar and hedges: they say how something is asked, not what about, and
        # when the knowledge happens not to use one, it must not count as unknown content.
        "是不是",
        "有没有",
        "能不能",
        "会不会",
        "可不可以",
        "是否",
        "具体",
        "其实",
        "真的",
        "听说",
        "有人",
        "天天",
        "群里",
        "据说",
        "现在",
        "目前",
        "一般",
        "通常",
        "主要",
        "分别",
        "各自",
        "别的",
        "这种",
        "这块",  # "在内容生产这块": the aspect is the rest
        "这一块",
        "那块",  # "零样本那块再说说": the part of the answer named before it
        "那一块",
        "这方面",
        "这类",
        "这个",
        "那个",
        "这些",
        "那些",
        "那种",
        "只能",
        "不能",
        "才能",
        "必须",
        "需要",
        "怎么样",
        "就是",
        "贼",  # colloquial "very": 贼多
        "它会",
        "难道",
        "玩意儿",
        "玩意",
        "说人话",
        "说白了",
        # Hedges and intensifiers of chat: how sure or how strongly, not what about.
        "肯定",
        "而已",
        "罢了",
        "纯属",
        "简直",
        "反正",
        "估计",
        "好像",
        "似乎",
        "大概",
        "应该",
        "老是",
        "总是",
        "究竟",
        "竟然",
        "居然",
        "无非",
        "对吧",
        "是吧",
        "要死",  # 慢得要死: very, not death
        "一本正经",  # with a straight face: how it says it, not what
        "咯",
        "挺",
        "蛮",
        # Negated modals of a challenge ("压根不用人参与吧", "GPT-3用不上吧"): the question is
        # whether, and the answer says; what it is about is the rest.
        "不用",
        "不怎么",
        "算不上",
        "用不上",
        "干不了",
        "做不了",
        "不了",
        "没什么",
        "也就是",
        "只不过",
    ]
)
PERSONAL_WORDS = frozenset(
    [
        # gender, age and birthday
        "男",
        "女",
        "男的",
        "女的",
        "男生",
        "女生",
        "男孩",
        "女孩",
        "性别",
        "岁",
        "几岁",
        "多少岁",
        "生日",
        "星座",
        "属相",
        "生肖",
        # home, love and family
        "家住",
        "老家",
        "住址",
        "结婚",
        "女朋友",
        "男朋友",
        "老婆",
        "老公",
        "恋爱",
        "单身",
        # looks and mood
        "颜值",
        "长相",
        "好看",
        "身高",
        "体重",
        "心情",
        "开心",
        "难过",
        "伤心",
        "生气",
        # meals, sleep and pastimes
        "吃饭",
        "好吃",
        "好喝",
        "睡觉",
        "唱歌",
        "跳舞",
        "boy",
        "girl",
        "male",
        "female",
        "gender",
        "birthday",
        "married",
        "girlfriend",
        "boyfriend",
        "wife",
        "husband",
        "handsome",
        "pretty",
        "hungry",
        "sleepy",
        "mood",
    ]
)
"""Words of small talk about a person: asked of ChatGPT or of 它 after a topic ("它是男的女的",
"RLHF住在哪", "is it a boy or a girl"), they are banter, not a question the articles answer,
however well the subject's name matches. The search ignores those the knowledge uses itself."""
PERSONAL_CHARACTERS = frozenset("帅饿")
"""Characters of such small talk that jieba glues to their neighbours (帅不帅, 饿不饿). Not 胖:
"大模型到底多胖" asks how big it is."""
LIVING_AT = ("住", frozenset(["哪", "哪里", "哪儿"]))
"""住 then where: "RLHF住在哪". Not 住 alone, which jieba leaves from 记得住 and 管得住."""
# The words that make a sentence a question. They say how something is asked, not what about:
# the search weighs them little in coverage (and leaves their part to the fuzzy similarity).
QUESTION_WORDS = frozenset(
    [
        "什么",
        "怎么",
        "为什么",
        "哪",
        "哪些",
        "哪个",
        "哪几个",
        "哪几种",
        "哪种",
        "哪一种",
        "什么样",
        "哪些方面",
        "哪方面",
        "哪类",
        "几个",
        "几种",
        "哪位",
        "多大",
        "多久",
        "多快",
        "多长",
        "哪里",
        "哪儿",
        "哪来",
        "哪家",
        "哪年",
        "哪一年",
        "哪天",
        "哪一天",
        "几号",
        "多少",
        "几",
        "谁",
        "如何",
        "怎样",
        "怎么样",
        "吗",
        "呢",
        "什么时候",
        "啥时候",
        "干嘛",
        "干什么",
        "是否",
        # The 用 of "有什么用": what a thing is for is asked of every subject, so it must not
        # decide which entry answers ("ChatGPT有什么用" is not about RLHF's "有什么用").
        "用",
    ]
)
COMPARING = frozenset({"区别", "不同", "差别", "差异", "对比", "比较", "区分"})
"""Words that ask how two things differ (after normalising: 有啥不同 → 有什么不同)."""
NEGATED_COPULAS = frozenset({"不是", "是不是"})
"""The 不是 of a claim put to be checked ("RLHF不是不需要人参与吗", "大模型是不是只靠参数"):
grammar, weighed as a question word, not a word the answering entry must say."""
POINTING_PRONOUNS = frozenset({"它"})
"""A pronoun points at a subject named or talked of, and says nothing of its own: "chatgpt，它到底
是个啥东西" met the 它 of "为什么有人警告、封杀它" and drew the entry on ChatGPT's critics. It
weighs nothing in the search, which still reads it as asking of the chat's subject."""
FORM_WORDS = QUESTION_WORDS | NEGATED_COPULAS
"""How a question is put, not what it asks: the search weighs these as question words."""
MODALS = frozenset({"能", "会", "可以", "能不能", "会不会", "可不可以", "能否"})
"""The words that ask whether something can do a thing (大模型能炒股吗)."""
NEGATED_MODALS = frozenset({"不会", "不能", "不可以"})
"""The second half of 会不会 / 能不能 as jieba cuts them (会 / 不会): the form of a yes-or-no
question, not what it asks about (see `Index._asks_an_unknown_ability`)."""
_AUXILIARIES = ("did", "was", "is", "were", "will", "does", "do", "can", "could", "has", "had")
# English question words, mapped onto the Chinese ones the knowledge's phrasings use, so that
# "what is RLHF" meets "什么是RLHF". English domain terms are in the lexicon's synonyms.
ENGLISH_QUESTION_WORDS = {
    "what is": "什么是",
    "what are": "什么是",
    "what": "什么",
    # "What can ChatGPT do": the do comes at the end, an auxiliary elsewhere.
    "what can": "能做什么",
    "what else can": "还能做什么",
    # "what tasks can ChatGPT do": what it can do, not the tasks prompt learning unifies
    "what tasks can": "能做什么",
    "what kind of tasks can": "能做什么",
    "what kinds of tasks can": "能做什么",
    "how many": "多少",
    "how fast": "多快",
    "how quickly": "多快",
    "how much": "多少",
    "how": "怎么",
    "why": "为什么",
    # "how so?" after an answer asks on what grounds it says so, as "为什么这么说" does. Not
    # "why so": "why so many?" asks why there are so many.
    "how so": "为什么这么说",
    "who": "谁",
    "whom": "谁",
    # "When" asks only before an auxiliary ("when was ChatGPT released"); elsewhere it joins
    # clauses ("does it understand code when it writes it") and is dropped as a stopword.
    **{f"when {auxiliary}": "什么时候" for auxiliary in _AUXILIARIES},
    "what year": "哪一年",
    "where": "哪里",
    # "Where does its reasoning come from": whence, as the phrasings ask it (推理能力从哪来).
    "come from": "从哪来",
    "comes from": "从哪来",
    "came from": "从哪来",
    "which": "哪个",
    "can": "能",
    "could": "能",
    "able to": "能",
}
# English words that carry no meaning for matching; dropped like the Chinese particles.
ENGLISH_STOPWORDS = frozenset(
    [
        "when",
        "within",  # "within its first months": the span is in the words after it
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "doing",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "about",
        "as",
        "into",
        "onto",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "i",
        "me",
        "my",
        "you",
        "your",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "they",
        "them",
        "their",
        "and",
        "or",
        "but",
        "so",
        "if",
        "then",
        "than",
        "also",
        "just",
        "really",
        "actually",
        "exactly",
        "basically",
        "please",
        # Interjections that open or close a message ("ok 那它是自回归的吗"): no name to look for.
        "ok",
        "okay",
        "oh",
        "ah",
        "hmm",
        "btw",
        "back",  # "back to chain of thought - …": where the asker goes, not what they ask
        "lol",
        "haha",
        "yeah",
        "pls",
        "plz",
        # Greetings that open a message ("hi 新人报到~ 生成式AI到底是啥"): no name either.
        "hi",
        "hello",
        "hey",
        # The asker's office, said in English inside Chinese ("技术leader问我…", "PPT第二页"):
        # who asks or what for, no name of a model.
        "leader",
        "boss",
        "hr",
        "ppt",
        "deadline",
        "kpi",
        "manager",
        "mentor",
        "intern",
        "colleague",
        "colleagues",
        "coworker",
        "coworkers",
        # Whom the message calls on ("RLHF到底是啥 someone explain pls"): no content.
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "guys",
        "tell",
        "explain",
        # How to explain it, not what: "what is ChatGPT? explain in simple words pls".
        "simple",
        "simply",
        "plain",
        "words",
        "together",
        "between",
        "main",
        "s",
        "t",
        "d",
        "ll",
        "re",
        "ve",
        "m",
        "kind",
        "kinds",
        "sort",
        "sorts",
        "type",
        "types",
        "thing",
        "things",
        "some",
        "any",
        "much",
        "very",
        "more",
        "most",
        "such",
        "one",
        "ones",
        "way",
        "ways",
        "get",
        "got",
        "gets",
        "let",
        "us",
        "have",
        "has",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "always",
        "ever",
        "still",
        "only",
        "even",
        "all",
        "whether",
        "after",
        "before",
        "during",
        "while",
        "again",
        "now",
        "today",
        "exactly",
        "anyway",
        "something",
        "anything",
        "everything",
        "like",
        "besides",
        "other",
        "another",
        "too",
        "often",
        "play",
        "plays",
        "played",
        "say",
        "says",
        "said",
        "make",
        "makes",
        "made",
        "it's",
        "isn",
        "don",
        "doesn",
    ]
)
# Inside a word these join its parts (gpt-3.5, c++, c#); elsewhere they are punctuation.
WORD_JOINERS = "-.+#_"

_WORD_CHAR = re.compile(r"[0-9a-z]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LATIN = re.compile(r"[0-9a-z.+#_-]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_LETTERS_ONLY = re.compile(r"[a-z]+")
_LATIN_EDGE = re.compile(r"[0-9a-z]")
_ENGLISH_WORD = re.compile(r"[0-9a-z][0-9a-z.+#_-]{2}")
"""A latin variant longer than an abbreviation (media, thumbs up; not AI or QA)."""
# Anything but a letter or a digit (`[^\W_]` is exactly Unicode's categories L and N), unless it
# is a joiner between two of them.
_SYMBOL = re.compile(rf"(?![{re.escape(WORD_JOINERS)}](?<=[^\W_].)(?=[^\W_]))[\W_]")


@dataclass(frozen=True)
class Lexicon:
    """The domain words jieba must keep whole, and variants mapped to one term."""

    words: tuple[str, ...] = ()
    synonyms: Mapping[str, str] = field(default_factory=dict)


def load_lexicon(knowledge_dir: str | Path) -> Lexicon:
    """Read ``lexicon/dictionary.txt`` and ``lexicon/synonyms.yaml``; both are optional."""
    folder = Path(knowledge_dir) / LEXICON_DIR
    words: list[str] = []
    dictionary = folder / DICTIONARY_FILE
    if dictionary.is_file():
        for line in read_source(dictionary).splitlines():
            word = line.split("#", 1)[0].strip().split(" ")[0]
            if word:
                words.append(word)
    synonyms: dict[str, str] = {}
    table = folder / SYNONYMS_FILE
    if table.is_file():
        synonyms = _read_synonyms(table)
    return Lexicon(tuple(words), synonyms)


def _read_synonyms(path: Path) -> dict[str, str]:
    try:
        data = YAML(typ="safe").load(read_yaml_source(path))
    except YAML_FAILURES as exc:
        raise KnowledgeError([parse_failure(path, exc)]) from exc
    if not isinstance(data, Mapping):
        raise KnowledgeError(
            [Problem(str(path), 1, None, None, "expected 'canonical term: [variants]' pairs")]
        )
    synonyms: dict[str, str] = {}
    for canonical, variants in data.items():
        if not isinstance(canonical, str) or not isinstance(variants, list):
            raise KnowledgeError(
                [Problem(str(path), 0, None, str(canonical), "variants must be a list")]
            )
        # Only text is ever turned into text: str() of an aliased list (a "billion laughs")
        # would expand it to gigabytes.
        if not canonical.strip() or not all(isinstance(v, str) and v.strip() for v in variants):
            raise KnowledgeError(
                [Problem(str(path), 0, None, canonical, "variants must be non-empty text")]
            )
        for variant in variants:
            synonyms[variant] = canonical
    problems = _conflicts(data, path)
    if problems:
        raise KnowledgeError(problems)
    return synonyms


def _conflicts(table: Mapping[str, list[str]], path: Path) -> list[Problem]:
    """Variants that would silently lose a meaning: one listed under two terms (the last would
    win), or a term that is also another term's variant (it could not stand for itself).
    Compared as messages are read: width and case folded."""
    owner: dict[str, str] = {}
    problems = []
    for canonical, variants in table.items():
        for variant in variants:
            held = owner.setdefault(_fold(variant), canonical)
            if held != canonical:
                reason = f"“{variant}”同时列在 {held} 和 {canonical} 之下，只能算一个词的说法"
                problems.append(Problem(str(path), 0, None, canonical, reason))
    for canonical in table:
        held = owner.get(_fold(canonical), canonical)
        if held != canonical:
            reason = f"{canonical} 已是 {held} 的说法，不能再单列为一个词"
            problems.append(Problem(str(path), 0, None, canonical, reason))
    return problems


def _prefix_dictionary_loaded(tokenizer: jieba.Tokenizer) -> jieba.Tokenizer:
    """A default jieba tokenizer, initialised from jieba's own cache file in one read.

    jieba.initialize() unmarshals its 9 MB cache straight from the open file, which reads it
    object by object: about 1 s on a small machine, against 0.2 s for unmarshalling the same
    bytes in memory. Without a usable cache, jieba builds the dictionary and writes the cache.
    """
    cache = Path(tempfile.gettempdir()) / "jieba.cache"  # where jieba.initialize() keeps it
    try:
        tokenizer.FREQ, tokenizer.total = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        tokenizer.initialize()
    else:
        tokenizer.initialized = True
    return tokenizer


LEXICON_WORD_FREQUENCY = 1000
"""The least count jieba gives a word of the lexicon. jieba's own count for a domain word is
small or none (客服: 3), and the count `add_word` suggests only keeps it whole on its own: in a
sentence jieba joined it to a neighbour it counts higher ("加大模型" → 加大 / 模型; 有创造力,
不连贯). At 1000 it wins those; jieba's common words (一个: 142,747) still win theirs."""


GLUED_TO_HAVE = ("多有", "大有")
"""Words of jieba's dictionary that take the 有 of the question after them: "参数多有什么用" is
参数 / 多 / 有 / 什么 / 用, not 参数 / 多有 (that words a question of what parameters are for as one
of how many there are)."""


class Analyzer:
    """Normalises and tokenises text with one jieba instance and one lexicon."""

    def __init__(self, lexicon: Lexicon = Lexicon()) -> None:
        # Taiwan's words too, not only its characters: 程式碼 → 代码, 資料 → 数据, 人工智慧 →
        # 人工智能. The phrase table also rewrites some simplified words (程序 → 进程, 核心 →
        # 内核); the knowledge and the questions are normalised alike, so they still meet, and
        # the lexicon's variants are met either way (see the synonyms below).
        self._to_simplified = opencc.OpenCC("tw2sp")
        jieba.setLogLevel(logging.WARNING)
        self._jieba = _prefix_dictionary_loaded(jieba.Tokenizer())
        canonical = {_fold(term) for term in lexicon.synonyms.values()}
        for word in {_fold(w) for w in lexicon.words} | canonical:
            self._jieba.add_word(word, max(self._jieba.FREQ.get(word, 0), LEXICON_WORD_FREQUENCY))
        for word in GLUED_TO_HAVE:
            self._jieba.del_word(word)
        # The lexicon's own synonyms win over the built-in English question words.
        synonyms = {**ENGLISH_QUESTION_WORDS, **lexicon.synonyms}
        # Each term also stands for itself, so that a variant inside it (泛化 in 泛化能力) leaves
        # it whole: the longest match wins, and normalising twice changes nothing.
        synonyms.update({term: term for term in lexicon.synonyms.values()})
        # A variant is met in text that OpenCC has converted, which it may find as written (寫程式
        # becomes 写程序) or converted as the text was (写程序 becomes 写进程); and a term the
        # phrase table rewrites (序列 → 串行) comes back as written.
        self._synonyms = {
            form: _fold(term)
            for variant, term in synonyms.items()
            for form in (self._to_simplified.convert(_fold(variant)), _fold(variant))
        }
        # An English word was a word of its own; its Chinese term stays one, set apart by
        # spaces: "用户点thumbs up" is 用户 点 点赞, not jieba's 点点 + 赞. Not a two-letter
        # abbreviation: AI and QA join their neighbours into terms (生成式AI, 生成试AI).
        self._replacements = {
            variant: f" {term} " if _ENGLISH_WORD.match(variant) and _CJK_RUN.match(term) else term
            for variant, term in self._synonyms.items()
        }
        self._synonym_pattern = _alternation(self._synonyms)
        # Not 问问 of 问问题 ("怎么问问题比较好"): padding never takes the first half of a word.
        self._filler_pattern = _alternation({_fold(f): "" for f in FILLERS}, not_before="题")
        # The dialogue normalises a message, then the search tokenises it again, and a group
        # sends the same short questions over and over: recent results spare those passes
        # (~30 µs each, most of it OpenCC). A pure function of the text, so never stale.
        self._remembered_normalised = memo.ShortTextMemo(
            self._normalised, size=REMEMBERED_NORMALISED
        )

    @functools.cached_property
    def english_words(self) -> frozenset[str]:
        """The English words the lexicon maps onto Chinese terms or drops (what, parameters,
        the): what a misspelt English word is corrected to (see `typo.TypoCorrector`)."""
        words = {word for variant in self._synonyms for word in variant.split()}
        return frozenset(
            word for word in words | ENGLISH_STOPWORDS if _LETTERS_ONLY.fullmatch(word)
        )

    @functools.cached_property
    def english_phrases(self) -> frozenset[str]:
        """The English phrases of two words the lexicon maps ("large model"): a short word
        one slip from a word of one of them is that word when the phrase then reads whole."""
        return frozenset(
            variant
            for variant in self._synonyms
            if len(parts := variant.split()) == 2 and all(map(_LETTERS_ONLY.fullmatch, parts))
        )

    def is_common_word(self, word: str) -> bool:
        """A word of everyday Chinese in jieba's dictionary (一下, 其他), never taken for a typo."""
        return bool(self._jieba.FREQ.get(word, 0) >= COMMON_WORD_FREQUENCY)

    def is_everyday_word(self, word: str) -> bool:
        """A word so frequent in Chinese that it says little about what is asked (进行, 使用)."""
        return bool(self._jieba.FREQ.get(word, 0) >= EVERYDAY_WORD_FREQUENCY)

    def is_miscut(self, token: str) -> bool:
        """A pair of characters jieba coined by gluing a bound character to a neighbour (能起,
        性上, 写个): not a word of its dictionary, so not a word that says what is asked."""
        return (
            len(token) == 2
            and _CJK_RUN.fullmatch(token) is not None
            and (token[0] in BOUND_CHARACTERS or token[1] in BOUND_CHARACTERS)
            and not self.is_common_word(token)
        )

    def subwords(self, token: str) -> list[str]:
        """The dictionary words of two or more characters inside a longer Chinese word (准确 in
        准确性): an entry that says 准确性 knows what "准确吗" asks about."""
        if len(token) < 3 or not _CJK_RUN.fullmatch(token):
            return []
        freq = self._jieba.FREQ
        return [
            token[start : start + size]
            for size in range(2, len(token))
            for start in range(len(token) - size + 1)
            if freq.get(token[start : start + size], 0) > 0
        ]

    def normalise(self, text: str) -> str:
        """Fold width, case, script, symbols and synonyms; collapse whitespace."""
        return self._remembered_normalised(text)

    def _normalised(self, text: str) -> str:
        text = _fold(text[:MAX_ANALYSED_CHARS])
        text = _RIGHT_TAG.sub(" 对吧 ", _FROM_A_MAKER.sub("开发 by ", text))
        text = self._to_simplified.convert(text)
        text = _CANTONESE.sub(lambda found: CANTONESE[found.group(0)], text)
        text = " ".join(_SYMBOL.sub(" ", text).split())
        text = _PLAYFUL_ENDING.sub(lambda found: PLAYFUL_PARTICLES[found.group(0)], text)
        text = _QUESTION_IN_PINYIN.sub(lambda found: _PINYIN_QUESTION[found.group(1)], text)
        text = _HOW_TO_READ.sub("是什么意思", text)
        text = _HOW_IT_IS_DONE.sub("怎么做", text)
        text = _SAID_IN_THE_ANSWER.sub("这个", text)
        if "大模型" not in text:
            # Of 大模型 it asks about 大模型's parameters, whose entry gives their ranges and says
            # how ability grows with them: "大模型的参数是不是越多越好" keeps its words.
            text = _MORE_IS_BETTER.sub(r"\1越强", text)
        text = _MORE_AND_MORE.sub(r"\1 ", text)
        text = _CAME_OUT.sub(r"\1\2推出", text)
        text = _SAME_AS.sub(r"\g<one>和\g<other>是一回事吗", text)
        text = _WHICH_FIRST.sub(r"\g<one>和\g<other>是什么关系", text)
        text = _IN_THE_CONTEXT.sub(r"in \1", text)
        if self._synonym_pattern is not None:
            replace = self._replacement_of
            text, replaced = self._synonym_pattern.subn(replace, text)
            # A variant may be written with another variant's term: "有啥招" holds 什么招 (a
            # variant of 方法) only once 啥 has become 什么. One more pass meets those.
            if replaced:
                text = self._synonym_pattern.sub(replace, text)
            # An English word that became Chinese may leave a joiner with nothing on one side
            # (the "." of "use.0", the "-" of "pre-trained"): it joins nothing now.
            text = _SYMBOL.sub(" ", text)
        text = _ONLY_THEN_WHAT_ELSE.sub("除了", text)
        return " ".join(_TAG_QUESTION.sub("", text).split())

    def _replacement_of(self, match: re.Match[str]) -> str:
        term = self._replacements[match.group(0)]
        # A latin term set beside a latin word stays a word of its own: "人类反馈强化学习RLFH"
        # became rlhfrlfh, one word no entry says, before the slip rlfh could be corrected.
        text, start, end = match.string, match.start(), match.end()
        if start and _LATIN_EDGE.match(term) and _LATIN_EDGE.match(text, start - 1):
            term = f" {term}"
        if _LATIN_EDGE.match(term, len(term) - 1) and _LATIN_EDGE.match(text, end):
            term = f"{term} "
        return term

    def tokenise(self, text: str) -> list[str]:
        """The meaningful tokens of a text, in order, synonyms canonicalised."""
        return self.segment(self.normalise(text))

    def segment(self, text: str) -> list[str]:
        """The meaningful tokens of an already normalised text (see :meth:`tokenise`)."""
        if self._filler_pattern is not None:
            text = self._filler_pattern.sub(" ", text)
        text = _RIGHT_IS_IT.sub(" ", text)
        tokens = []
        before = ""
        for piece in _join_latin(self._jieba.lcut(text)):
            token = piece.strip(WORD_JOINERS + " ")
            if before == "在" and token in SHORT_WHERE:
                token = "哪里"
            # The 不会 of 会不会 (jieba cuts 会 / 不会) asks yes or no; weighed as a word, it drew
            # every phrasing asking 会不会 ("ChatGPT会不会瞎说" found 会不会有偏见).
            negated = token in NEGATED_MODALS and token[1:] == before
            before = token
            if negated:
                continue
            token = self._without_particle(token)
            if (
                token
                and token not in STOPWORDS
                and token not in ENGLISH_STOPWORDS
                and not _POINTING_COUNT.fullmatch(token)
                and not _LAUGHTER.fullmatch(token)
            ):
                token = LONE_VERBS.get(token, token)
                tokens.append(self._synonyms.get(token, token))
        return tokens

    def _without_particle(self, token: str) -> str:
        """A word jieba glued to the particle that ends a question ("有用吗") as the word
        alone: 有用吗 is in jieba's dictionary, and no entry says it."""
        stem = token[:-1]
        if len(stem) > 1 and token[-1] in SENTENCE_PARTICLES and self.is_common_word(stem):
            return stem
        return token


SENTENCE_PARTICLES = frozenset("吗呢吧啊呀嘛")
"""What ends a question or a remark, glued by jieba to the word before it (有用吗)."""


_CLAIM = re.compile(
    r"吧(?= |$)|难道|不就是|不是[^ ]*吗(?= |$)|对不对|对吧|是不是"  # put to be confirmed
    r"|我觉得|我感觉|我认为|我以为|一直以为|还以为|根本"  # an opinion, a belief
    r"|听说|有人说|据说|真的假的|是真是假|是这样吗|是真的吗"  # hearsay, a doubt
    r"|非说|非要说|硬说|咬定"  # someone insists (一口咬定)
    r"|is that right|is that true|is it true|keeps? saying"  # the same in English
)


def checks_a_claim(normalised: str) -> bool:
    """Whether a normalised message puts a claim to be confirmed ("思维链是靠聊天记录训练出来的吧",
    "RLHF难道不只是为了让答案更准"), an opinion ("我觉得大模型根本不需要微调") or hearsay ("听说
    ChatGPT是谷歌做的"), rather than asking openly: the claim may be wrong, so its words need not
    be the knowledge's."""
    return _CLAIM.search(normalised) is not None


ASIDE_WORDS = frozenset({"除了"})
"""Words that set what follows aside ("除了聊天还能干嘛"; the lexicon makes "besides" 除了): what
they set aside is what is not asked, and must not draw the question to an entry about it."""
MAX_SET_ASIDE = 3
"""Words set aside at most: 除了 names a thing or two (除了写代码), not the rest of the message."""
_ASIDE_ENDS = frozenset({"以外", "之外"})
_GOES_ON = frozenset("还也就")
"""What goes on after the set-aside part ("除了聊天，还能…", "除了语言处理就没别的…"), also as
the first character of a word jieba glued (还用)."""
_ASIDE_STOPS = MODALS | {"没"}
"""A modal or a negation that starts what is asked after it."""
_WHAT_ELSE = frozenset({"还有"})
"""What else, of what the question asks ("还有哪些地方用Transformer"): no content of its own,
but it ends what 除了 sets aside ("除了算力还有别的原因吗"), so it is dropped here, not as a
stopword."""


def set_aside(
    tokens: Sequence[str], *, is_subject: Callable[[str], bool]
) -> tuple[list[str], list[str]]:
    """The tokens without what 除了 sets aside, and the words set aside.

    The set-aside part runs to 以外/之外, to what goes on after it (还, 也, 能 …), to a question
    word or a subject ("除了写代码ChatGPT还能干嘛": 写 and 代码), at most `MAX_SET_ASIDE` words.
    还有 is no content, kept or set aside.
    """
    kept: list[str] = []
    aside: list[str] = []
    left = 0
    for token in tokens:
        if token in ASIDE_WORDS:
            left = MAX_SET_ASIDE
        elif left and token in _ASIDE_ENDS:
            left = 0
        elif left == MAX_SET_ASIDE and is_subject(token):
            aside.append(token)  # "Transformer除了ChatGPT还用在哪": ChatGPT is set aside
            left -= 1
        elif left and not (
            token[0] in _GOES_ON
            or token in _ASIDE_STOPS
            or token in QUESTION_WORDS
            or is_subject(token)
        ):
            aside.append(token)
            left -= 1
        else:
            left = 0
            if token not in _WHAT_ELSE:
                kept.append(token)
    return kept, aside


def without_an_empty_denial(
    tokens: Sequence[str], *, is_subject: Callable[[str], bool]
) -> list[str]:
    """The tokens without 不是 when it denies nothing but a subject ("ChatGPT不是吧", or what
    is left of "ChatGPT不是只能聊天吗" once 聊天 is set aside): alone with the subject, the
    不是 drew every claim phrasing that says it ("ChatGPT用的不是Transformer而是RNN吧")."""
    denies = any(token in NEGATED_COPULAS for token in tokens)
    if denies and all(token in FORM_WORDS or is_subject(token) for token in tokens):
        return [token for token in tokens if token not in NEGATED_COPULAS]
    return list(tokens)


CANTONESE = {
    "佢哋": "他们",
    "佢": "它",
    "系咪": "是不是",
    "系唔系": "是不是",
    "识唔识": "会不会",
    "定系": "还是",
    "㗎": "的",
    "有冇": "有没有",
    "冇": "没",
    "嘅": "的",
    "喺": "在",
    "啲": "些",
    "咁": "那",
    "唔": "不",
    "乜嘢": "什么",
    "咩": "什么",
    "几时": "什么时候",
    "几耐": "多久",
    "点样": "怎样",
    "点解": "为什么",
    "边度": "哪里",
    "边个": "谁",
    "打工仔": "打工人",
}
"""Cantonese as Hong Kong members write it (after OpenCC: 幾時 is 几时), read as Mandarin:
"佢幾時出嘅" asks 它什么时候出的. Not 系 alone, which Mandarin writes in 系统 and 关系."""
_CANTONESE = re.compile("|".join(sorted(CANTONESE, key=len, reverse=True)))

PLAYFUL_PARTICLES = {"捏": "呢", "咧": "呢", "嘞": "呢", "滴": "的"}
"""The particles a chat writes playfully for 呢 and 的 at the end of a message ("然后捏", "然后嘞",
"RLHF咧", "咋做到滴"): the words they stand for, which the phrases of the dialogue know."""
_PLAYFUL_ENDING = re.compile(rf"(?<=[\u4e00-\u9fff0-9a-z])[{''.join(PLAYFUL_PARTICLES)}]$")

_PINYIN_QUESTION = {"wei": "为什么", "shi": "是什么"}
_QUESTION_IN_PINYIN = re.compile(r"(?<![a-z])(wei|shi) ?(?:sha|shen ?me)(?![a-z])")
"""为啥 / 为什么 and 是啥 / 是什么 spelt in pinyin ("wei sha 这么火", "rlhf shi sha"): question
words the dialogue reads (a lone "wei sha" asks why), kept out of the lexicon, whose English
words a misspelt word is corrected to ("wei tiao" is 微调)."""

_HOW_TO_READ = re.compile(
    r"(?:应该|该)?(?:怎么|如何|咋|怎样)(?:去)?理解(?=[呢呀啊吗]?(?:$|[ ?？，,。!！]))"
)
""""大模型怎么理解", "这个咋理解": what a thing means, asked with 理解 — not a question about
understanding, whose entry ("生成式AI怎么理解语义") answered a lone "怎么理解". Only where 理解
ends the clause: "大模型怎么理解上下文" asks how it understands."""

_HOW_IT_IS_DONE = re.compile(r"(?:咋|怎么|怎样)(?:整|搞)(?=的)")
""""咋整的", "怎么搞的": how it is done, as 怎么做的 asks it ("rlhf是啥", then "咋整的 具体" was a
did-you-mean list). Not 咋整 without 的, which asks what to do about something (怎么办). Not
咋弄的 either: jieba's 怎么弄 finds its answers as it is ("强化学习具体咋弄的" is PPO; read as
怎么做的 it was the supervised step, whose phrasing says 是怎么做的)."""

_SAID_IN_THE_ANSWER = re.compile(
    r"^(?:那|那么)?(?:你|文章|文中|上面|这里|这儿|刚才|刚刚|前面|上文|里面)+里?"
    r"(?:说|提|讲|写|列|举)?(?:到|过|出)?的"
    r"(?=.*(?:什么|啥|指|干嘛|咋回事|怎么回事))"
)
""""上面提到的参数又是啥", "这里说的强化步骤是啥", "你刚才说的零样本是啥": a thing the answer just
shown spoke of, as 这个 points at it ("这个参数又是啥"); 上面, 提到 and 这里 were words no entry
says, and the question was declined (`clarify.word_left_unexplained` reads the word after 这个).
Only before a question of what it is: "刚才说的参数那个再说说" goes back to an earlier answer
(`intent.going_back_to`)."""

_MORE_AND_MORE = re.compile(r"(越(?!来)[\u4e00-\u9fff])(?:就会?|也|会)?(?=越)")
"""The first half of "越X越Y" (参数越多越聪明, 模型越大越好), cut from the second: jieba glues
越多越 and 越多越好 into words no entry says, where "模型越大能力越强" says 越大 and 越强; and
the 就 between them ("参数越多就越强") goes: jieba glued 越多就 into 越多. Not 越来越, one word."""

_MORE_IS_BETTER = re.compile(r"(越[多大][^越，,。？?]{0,4})越(?:好|牛)")
""""参数越多越好", "模型是不是越大就越好": the better of more is "模型越大能力越强" (越强). Not
越少越好, which claims the opposite."""

_RIGHT_TAG = re.compile(r"[,，]?\s*\bright\s*(?=[?？])")
""""ChatGPT is from Google, right?": a claim put to be confirmed, as 对吧 puts it; not the
right of "the right way to ask"."""
_FROM_A_MAKER = re.compile(r"\bfrom (?=(?:openai|google|microsoft|meta|baidu)\b)")
""""ChatGPT is from Google": made by (开发 by, as "made by" reads); not the from of "data from
the internet"."""

_CAME_OUT = re.compile(
    r"(哪一?年|那一?年|哪一?天|什么时候|啥时候|几月|几号|何时|\d{2,4}年[底初中]?)(才|就)?出来"
)
""""哪年出来的", "什么时候出来的", "22年底出来的": when it was launched (推出), not the 出来 of
"训练出来", which jieba leaves whole and the training entry says. 那年 too: the 哪年 slip."""

_SAME_AS = re.compile(
    r"^(?!那|所以)(?P<one>[^，,。？?\s就不]{2,8}?)(?:是不是)?就是(?P<other>[^，,。？?\s]{2,8}?)(?:吗|嘛|么)$"
)
""""大模型就是生成式AI吗", "思维链是不是就是提示词": whether the two are one thing, as "是一回事吗"
asks (which the lexicon reads as how they differ). Not "X不就是Y吗", a claim put against X."""

_WHICH_FIRST = re.compile(
    r"先有(?P<one>[^，,。？?\s还]{2,12}?)还是(?:先有)?(?P<other>[^，,。？?\s]{2,12}?)(?:啊|呢|呀|[?？])*$"
)
""""先有GPT还是先有ChatGPT": which came first, which the answer on how the two relate tells
(ChatGPT is built on GPT); the articles give no dates to set side by side."""

_IN_THE_CONTEXT = re.compile(
    r"\bin (?:the |this |that |a )?((?:[a-z0-9.\-]+(?:'s)? )?)context(?: of\b)?(?!\w)"
)
""""in the chatgpt context", "in the context of RLHF": in or about, not the context a chat
keeps (上下文), which "does it remember context" asks about."""

_RIGHT_IS_IT = re.compile(r"(?<![反针相面核比绝应配校])不?对(?:吧|不对)")
""""ChatGPT是谷歌做的对吧", "不对吧 我听说…": the claim is put to be confirmed (`checks_a_claim`
reads that before), and jieba's 对 alone is the 对 of 对标, which drew the entry on Chinese
rivals. Not the 对 of 反对 or 针对 ("没人反对吧")."""

_ONLY_THEN_WHAT_ELSE = re.compile(
    r"(?:只能|只会|只是|就会|就能)(?=[^ ]{1,8}?[吧吗呢]? *(?:还|别的|其他|除此))"
)
""""不是只能陪聊吧？还能干啥": what it can only do, then what else, says 除了 (besides) — the
first thing is set aside (see `set_aside`), the question is what else it does."""

_TAG_QUESTION = re.compile(r"(?<=[\u3400-\u9fff])不(?= |$)")
"""The 不 that ends a clause asks, as 吗 does ("靠谱不", "有啥招不"): it negates nothing."""

_POINTING_COUNT = re.compile(
    r"[这那]?俩|[这那][两二三四五几][项种个样者类]?|[两二三四五][项种个样者类]"
)
"""这两项, 两者, 这俩, 这几个: which of the things named, not what about (几个 still asks)."""

_LAUGHTER = re.compile(r"h{2,}|a?(?:ha){2,}h?|he(?:he)+|233+|x+d+")
"""Laughter typed in latin letters or digits ("chatgpt能帮我写代码不 hhh", "hahaha", "2333"):
no name of a model, and no word of the question. (哈哈 is a stopword; 哈哈哈 is left to jieba,
which keeps it apart from the words around it.)"""


def _join_latin(pieces: list[str]) -> list[str]:
    """Rejoin what jieba splits inside a latin word: "gpt", "-", "5" is the one word "gpt-5"."""
    joined: list[str] = []
    for piece in pieces:
        if joined and _LATIN.fullmatch(piece) and _LATIN.fullmatch(joined[-1]):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def char_bigrams(tokens: list[str]) -> list[str]:
    """Overlapping character pairs of the CJK runs: they still meet when a typo splits a word."""
    bigrams: list[str] = []
    for run in _CJK_RUN.findall("".join(tokens)):
        bigrams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return bigrams


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", without_surrogates(text)).casefold()


def without_surrogates(text: str) -> str:
    """Lone surrogates (possible in Python strings, never in UTF-8) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


_LATIN_START = r"(?<![0-9a-z])(?<!(?<![0-9a-z])[a-z]-)"
"""Where a latin variant may start: a whole word, and not the second half of a term made of a
single letter and a word (Q-learning, k-means, n-gram): "learning" is 学习, but Q-learning is a
name the knowledge does not know, and as q- + 学习 it was answered with the PPO entry."""


def _alternation(variants: Mapping[str, str], *, not_before: str = "") -> re.Pattern[str] | None:
    """One regex matching any variant, the longest that fits; latin variants only as whole
    words; none right before a character of `not_before`.

    The variants are laid out as a trie (ab|ac → a(?:b|c)): a flat alternation of a thousand
    synonyms makes the engine try every branch at every position, 100 µs for a short question.
    At each node the longer continuations come before the variant that ends there, so the
    engine backtracks to the shorter one only when the longer does not match or fit.
    """
    if not variants:
        return None
    trie: _Trie = {}
    for variant in variants:
        node = trie
        for char in variant:
            node = node.setdefault(char, {})
        node[_END] = {}
    after = f"(?![{re.escape(not_before)}])" if not_before else ""
    branches = []
    for first, node in sorted(trie.items()):
        start = _LATIN_START if _WORD_CHAR.match(first) else ""
        branches.append(start + re.escape(first) + _trie_pattern(node, first, after))
    # A look at the first character lets the engine skip most positions at once.
    firsts = re.escape("".join(sorted(trie)))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(branches)})")


_Trie: TypeAlias = dict[str, "_Trie"]
"""A node: the characters that may follow, each with its node."""
_END = ""
"""The trie's mark that a variant ends at a node (no character is empty)."""


def _trie_pattern(node: _Trie, last: str, after: str) -> str:
    """The pattern for what may follow a trie node reached by the character `last`."""
    branches = [
        re.escape(char) + _trie_pattern(child, char, after)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if _END in node:
        # A latin variant ends at a word's end; the shorter variant is tried last.
        branches.append((r"(?![0-9a-z])" if _WORD_CHAR.match(last) else "") + after)
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"
