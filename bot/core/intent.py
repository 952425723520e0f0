"""What a message wants besides a new question, and the shapes of follow-ups.

:func:`classify` works on a squeezed form of the message (folded, simplified, without spaces,
punctuation and polite padding) so that "还有呢？", "請繼續" and "continue please" all count.
The recognisers below it (pronouns, "那X呢", "不是，我是说X") only find the shape of a
follow-up; what it refers to is :mod:`bot.core.follow_up`'s business.
"""

from __future__ import annotations

import re
from enum import Enum

_PADDING = re.compile(
    r"^(?:请|麻烦|那|那么|好的?|嗯|ok|okay)+|(?:吧|呀|啊|呢|哈|嘛|啦|哦|呗|一下|"
    r"please|pls|谢谢)+$"
)
CONTINUE_PHRASES = frozenset(
    [
        "继续",
        "继续说",
        "继续讲",
        "继续吧",
        "接着说",
        "接着讲",
        "还有呢",
        "还有",
        "还有吗",
        "还有别的吗",
        "还有别的",
        "还有其他的吗",
        "还有其他吗",
        "还有没有",
        "还有没有别的",
        "别的呢",
        "其他的呢",
        "多讲讲",
        "多说说",
        "然后呢",
        "然后",
        "下一页",
        "下一段",
        "更多",
        "多说点",
        "多说一点",
        "多讲点",
        "再多说点",
        "再来点",
        "再来一点",
        "再来些",
        "多来点",
        "再说说",
        "接下来呢",
        "接下来",
        "后面呢",
        "后面",
        "后面的",
        "下面呢",
        "下面",
        "往下说",
        "说下去",
        "接着",
        "continue",
        "more",
        "next",
        "goon",
        "keepgoing",
        "andthen",
        "anythingelse",
        "whatelse",
    ]
)
# Asking for more about *this* answer: the walk prefers its sub-topics.
DEPTH_PHRASES = frozenset(
    [
        "展开说说",
        "展开讲讲",
        "展开讲",
        "展开说",
        "展开",
        "详细点",
        "详细一点",
        "详细说说",
        "详细讲讲",
        "说详细点",
        "讲详细点",
        "具体点",
        "具体说说",
        "具体讲讲",
        "深入讲讲",
        "tellmemore",
        "tellmemoreaboutit",
        "elaborate",
        "moredetails",
        "moredetail",
        "inmoredetail",
        "explainmore",
    ]
)
_DEPTH_MESSAGE = re.compile(
    r"(?:能不能|能|可以|请|有没有)?[再更]?(?:说得?|讲得?)?(?:详细|具体|展开|细)"
    r"(?:一?点|一些|些)?(?:说说?|讲讲?|谈谈|说一说|讲一讲)?(?:一?点|一些)?(?:吗|呗|不)?"
)
"""The ways of asking for more detail that the list would never end on: 再详细点, 更具体一些,
能详细说说吗, 讲细一点, 再展开讲讲."""
# About the answer just given: its reason or mechanism.
WHY_PHRASES = frozenset(
    [
        "为什么",
        "这是为什么",
        "为什么会这样",
        "为何",
        "怎么做到的",
        "是怎么做到的",
        "它是怎么做到的",  # 它 is the answer's subject: how it does what was said
        "它怎么做到的",
        "这是怎么做到的",
        "它是怎么实现的",
        "怎么做到",
        "怎么实现的",
        "怎么实现",
        "原理",
        "原理是什么",
        "什么原理",
        "怎么回事",
        "为什么要这样",
        "为什么这样",
        "为什么要这么做",
        "为什么这么做",
        "为什么要这样做",
        "为什么这样做",
        "为什么要这样搞",  # after the safety measures: why they were taken
        "为什么这样搞",
        # Why the thing just told of is done at all ("为啥要搞这个" after RLHF or the safety
        # measures): 这个 is what was said, not the chat's subject (why make ChatGPT).
        *(f"为什么{need}{do}这个" for need in ("要", "") for do in ("搞", "做", "加", "弄", "有")),
        "为什么需要这个",
        # Why the answer says so ("为什么这么说" after "ChatGPT并不懂编程"): its reason.
        "为什么这么说",
        "为什么这样说",
        "为何这么说",
        "凭什么这么说",
        "何以见得",
        # How what was just said is done ("这个是咋做到的" after the safety measures).
        "这个是怎么做到的",
        "这个怎么做到的",
        "这个是怎么实现的",
        "这个怎么实现的",
        "这是怎么实现的",
        "这个是靠什么做到的",  # after controllability: what it is done with
        "这个靠什么做到的",
        "这是靠什么做到的",
        "是靠什么做到的",
        "靠什么做到的",
        "它是靠什么做到的",
        "靠什么实现的",
        "是靠什么实现的",
        # How what was said to be added was added ("怎么加进去的" after the safety measures,
        # 增加了…约束): its answer says where (在模型微调过程中).
        *(f"{at}怎么加{into}的" for at in ("", "是", "具体", "具体是") for into in ("进去", "")),
        "why",
        # As the normaliser leaves them (why → 为什么, how → 怎么, work → 原理).
        "为什么isthat",
        "为什么so",
        "怎么come",
        "怎么doesit原理",
    ]
)
PREVIOUS_PHRASES = frozenset(
    ["上一页", "上一段", "前一页", "前一段", "返回上一页", "回到上一页", "previous", "prev", "back"]
)
"""Back a page of the current answer."""
NONE_OF_THESE_PHRASES = frozenset(
    [
        "都不是",
        "都不对",
        "不是这些",
        "都不是我想问的",
        "没有我想问的",
        "没有我要的",
        "都不是我要的",
        "noneofthese",
        "noneofthem",
    ]
)
"""None of the choices offered is what was meant."""
RESET_PHRASES = frozenset(
    [
        "换个话题",
        "换一个话题",
        "换话题",
        "重新开始",
        "重来",
        "新话题",
        "清空上下文",
        "清除上下文",
        "reset",
        "restart",
    ]
)
GREETINGS = frozenset(
    [
        "你好",
        "您好",
        "hi",
        "hello",
        "hey",
        "嗨",
        "哈喽",
        "哈啰",
        "在吗",
        "在不在",
        "早上好",
        "早安",
        "中午好",
        "下午好",
        "晚上好",
        "晚安",
        "大家好",
        "你好呀",
        "hello啊",
        "嘿",
        "早",
        "你好吗",
        "您好吗",
        "最近好吗",
        "最近怎么样",
        "最近咋样",
        "在干",  # 在干嘛: 嘛 is padding
        "在干什么",
        "hithere",
        "hellothere",
        "heythere",
        "goodmorning",
        "goodafternoon",
        "goodevening",
        "nicetomeetyou",
        # As the normaliser leaves them: it reads how and what as 怎么 and 什么, so "How are
        # you?" would otherwise be a question about how something works.
        "怎么areyou",
        "怎么areyoudoing",
        "怎么areyoudoingtoday",
        "怎么isitgoing",
        "怎么sitgoing",
        "怎么doyoudo",
        "什么sup",
        "whatsup",
    ]
)
_ADDRESSED = (
    r"各位|大家|诸位|朋友们|群友们?|家人们|老铁们?|兄弟们|姐妹们|大佬们|小伙伴们|宝子们"
    r"|打工人|白领|all|guys|everyone|folks"
)
"""Whom a greeting is said to; 白领 is 打工人 as the lexicon normalises it."""
_GREETING_MESSAGE = re.compile(
    rf"(?:{_ADDRESSED})*(?:{'|'.join(sorted(GREETINGS, key=len, reverse=True))})"
    rf"(?:{_ADDRESSED}|[啊呀哇鸭啦])*"
)
"""A greeting to the group ("早上好各位打工人☕", "大家早上好", "hi all"): searched as a question,
打工人 drew the entry on white-collar jobs."""
THANKS = frozenset(
    [
        "谢谢",
        "多谢",
        "感谢",
        "谢了",
        "谢啦",
        "thanks",
        "thankyou",
        "thx",
        "3q",
        "好的谢谢",
        "辛苦了",
        "明白了",
        "懂了",
        "收到",
    ]
)
# A longer thank-you, made only of thanks and acknowledgement ("谢谢你的解答！", "非常感谢您的耐心
# 讲解", "多谢，明白了", "thank you so much"): searched as a question, its 解答 or 帮助 drew an
# entry or a did-you-mean. Anything more ("谢谢，那GPT呢") is a question.
_THANKED = (
    # 谢 alone: the padding takes the 啦 of "ok 谢啦".
    r"(?:非常|十分|太|真是|真的|万分|超级)?(?:谢谢|多谢|感谢|谢了|谢啦|谢|thanks|thankyou|thx|3q)"
    r"(?:你们|您们|你|您|大家|各位|老师|大佬们?|大神|老铁|机器人|bot|bro|man|dude|guys)*的?"
    r"(?:(?:耐心|详细|细心)?(?:解答|回答|答复|帮助|帮忙|讲解|解释|分享|科普|指点))?"
    r"(?:了|啦|啊|呀)?(?:verymuch|somuch|alot)?"
)
_ACKNOWLEDGED = (
    r"明白了|明白啦|懂了|懂啦|学到了|学习了|受教了|涨知识了|了解了|知道了|收到|原来如此|原来是这样|难怪|有意思|有道理"
    r"|gotit|isee|makessense|understood|great|cool|nice|awesome|perfect"
)
"""学到了 is normalised as 学习了 (the lexicon's 学到 → 学习): both are here."""
_NOD = (
    r"好的?|好吧|ok|okay|嗯|哦|噢|行|行吧|可以|不错|哈|呵|6|牛[啊逼批]?|厉害了?|[.。!！~～]"
    # A member welcoming a newcomer ("欢迎欢迎👏"): ChatGPT's impact was its answer.
    r"|欢迎(?:新人|新朋友|新同学|入群|加入|大佬)?"
)
_PRAISED = (
    r"(?:它|这个|这|他们|她们)?(?:也太|真的|真|好|太|挺|蛮|超)?"
    r"(?:厉害|强|牛逼?|犀利|能力|神奇|给力|nb)(?:了|啊|呀|吧|哈|诶)*"
)
"""Praise of what was just said, as a remark ("它好厉害啊", "这个太强了吧", "它真聪明", whose 聪明
the lexicon reads as 能力): no question."""
_NODDED = re.compile(rf"(?:{_NOD}|{_PRAISED})+")
"""Nodding along (好的, ok, 嗯嗯, 哈哈, 666, 牛啊, 它好厉害啊): no question, nor thanks to say
不客气 to."""
_THANKS_MESSAGE = re.compile(rf"(?:{_NOD})*(?:(?:{_THANKED}|{_ACKNOWLEDGED})(?:{_NOD})*)+")
"""Thanks or an acknowledgement, with a nod before or after it ("懂了 666", "哈哈 原来是这样")."""
_PARTED = (
    r"(?:今天|今儿|那|那就|就)?(?:先|就)?(?:到这|到这里|到这儿|到此)(?:吧|了|为止)*"
    r"|(?:那|那就)?先这样(?:吧|了)*|(?:下次|改天|回头)再?(?:聊|问)(?:吧|了)*|我?先撤了?|我?先下了|溜了"
)
_FAREWELL_MESSAGE = re.compile(
    rf"(?:{_NOD}|{_THANKED}|{_ACKNOWLEDGED})*(?:(?:{_PARTED})(?:{_NOD}|{_THANKED}|{_ACKNOWLEDGED})*)+"
)
"""Taking leave, thanks or a nod around it ("谢谢 今天就到这", "好的 先这样吧", "下次再聊"):
searched as a question, 今天 drew a did-you-mean."""
CAPABILITY = frozenset(
    [
        "你能做什么",
        "你会什么",
        "你能干什么",
        "你能干嘛",
        "你会干嘛",
        "你是谁",
        "你是什么",
        "你是干什么的",
        "你是干嘛的",
        "你可以做什么",
        "能做什么",
        "help",
        "帮助",
        "怎么用",
        "怎么用你",
        "使用说明",
        "你懂什么",
        "你知道什么",
        "你能回答什么",
        "你能回答哪些问题",
        "你都知道什么",
        "功能",
    ]
)
GOODBYE = frozenset(["再见", "拜拜", "bye", "byebye", "886", "回头见"])


class Intent(Enum):
    """What kind of turn a message is."""

    CONTINUE = "continue"
    DEPTH = "depth"  # continue, preferring the sub-topics of the current answer
    WHY = "why"  # the reason or mechanism behind the current answer
    PREVIOUS = "previous"  # back a page
    AGAIN = "again"  # the current page once more: 再说一遍, 没看清
    IN_ENGLISH = "in_english"  # the current answer asked for in English: in English please
    DOUBT = "doubt"  # what was just said, doubted: 真的吗, 你确定？我记得是2023年
    SUMMARY = "summary"  # the short of the current answer: its gist
    EXAMPLE = "example"  # an example of what the current answer says: 举个例子
    NONE_OF_THESE = "none_of_these"  # none of the choices offered
    RESET = "reset"
    GREETING = "greeting"
    THANKS = "thanks"
    NOD = "nod"  # 好的, ok, 嗯嗯, 哈哈
    CAPABILITY = "capability"
    GOODBYE = "goodbye"
    QUESTION = "question"


_SHORT_ASKED = (
    r"(?:(?:能不能|能|可以)(?:u|you)?)?(?:帮我)?(?:"
    r"(?:这俩|它俩|两者)?(?:的?最大的?区别)?"
    r"(?:用一句话|一句话|简单|简短|简要)?(?:地)?(?:总结|概括|归纳)(?:一?下)?"
    r"|(?:用一句话|一句话)(?:说|讲)(?:一?下)?|(?:用)?一句话(?:讲完|说完|[讲说]清楚?)?"
    # Said another way: the articles' words are the only ones there are, so the short of them.
    r"|换(?:一?个|一?种)(?:说法|讲法|方式(?:说|讲)?|角度(?:说|讲)?)(?:说|讲)?"
    r"|简单(?:一?点|些)(?:说|讲)?(?:一?下)?|简单(?:说|讲)(?:一?下)?"
    r"|再?(?:通俗|浅显|简单)(?:(?:一?点|些)(?:说说|讲讲|说|讲)?|说说|讲讲)(?:一?下)?"
    r"|再?(?:说|讲)得?(?:简单|通俗|浅显)(?:一?点|些)|用?大白话(?:说说|讲讲|说|讲)(?:一?下)?|用大白话"
    r"|说人话|太长了?不看|长话短说|精简(?:一?下|一?点)?|别(?:整|说|写|讲)(?:那么|这么)?多(?:字|废话)"
    r"|(?:再|更)?(?:说|讲)?得?短(?:一?点|些)(?:说|讲)?(?:一?下)?"  # 短一点, 再短点, 说短点
    # "所以呢" after an answer: what it comes to, its short.
    r"|所以(?:说)?(?:结论是(?:什么)?)?|结论是什么"
    # An analogy the articles never make: the plain short of it is what they have.
    r"|打个?比方(?:说说|讲讲)?|(?:用)?(?:比喻|类比)(?:一?下)?(?:说说|讲讲|说|讲)?"
    # Squeezed English ("sum it up" is sumitup); the normaliser reads summarize as 摘要 and
    # version as 版本.
    r"|summari[sz]e(?:it)?|sum(?:it)?up|inshort|tldr|eli5|explainlikeim5|inanutshell|summary"
    r"|(?:simpler|shorter|short)(?:版本)?|(?:in)?onesentence"
    r"|摘要(?:allthat|it|this)?(?:in\d行?lines?|(?:in)?onesentence)?"
    r")"
)
"""Asking for the short of what was just said."""
_SHORT_ASIDE = (
    r"太长了?(?:没看完|不看)?|没看完|toolong|太多了?|太专业了?|听不懂|看不懂|没看懂|用中文|太?啰嗦了?"
    r"|(?:刚才|刚刚)?(?:那个|那条|那段)?(?:再|重新)(?:说|讲)一?(?:遍|次|下)|[吧呗嘛吗啊]|pls|please|plz"
)
"""What goes with asking for the short of it and asks nothing else: why ("太长了没看完", "太专业
了听不懂", "too long"), and "再说一遍" (the short of it, said again)."""
_SUMMARY_MESSAGE = re.compile(rf"(?=.*?(?:{_SHORT_ASKED}))(?:{_SHORT_ASKED}|{_SHORT_ASIDE})+")
"""Asking for the short of what was just said ("一句话总结下呗", "这俩最大的区别一句话总结下",
"太长了没看完 简单点说", "可以再通俗一点吗", "tl;dr", "ELI5 pls, in one sentence", "simpler
version?", "总结一下吧 too long 没看完", "说人话 太专业了听不懂", "刚才那个再说一遍，简单点"):
not a new question."""


_AGAIN_MESSAGE = re.compile(
    r"(?:(?:刚才|刚刚)?(?:那个|那条|那段|的)?(?:能不能|能|可以)?(?:再|重新)(?:说|讲|发)一?(?:遍|次|下)"
    r"|重复(?:一?(?:遍|次|下))?|没看清楚?|没看到|say(?:it|that)?again|repeat(?:that|it)?|oncemore"
    r")+(?:吗|呗|嘛|pls|please)?"
)
"""Asking for what was just said once more ("刚才那个再说一遍 没看清", "say that again")."""

_IN_ENGLISH_MESSAGE = re.compile(
    r"(?:能|可以|能不能)?(?:you)?(?:(?:用|说|讲|回答|回复|answer|reply|speak|talk|say)(?:it)?(?:in)?英文"
    r"|in英文|英文(?:版|回答|说|讲|回复|please|pls|plz))"
    r"(?:回答|说|讲|回复|版)?(?:一?下)?(?:吗|呢|呗|嘛|please|pls|plz)?"
)
"""The answer asked for in English, and nothing else: "in English please", "用英文回答",
"can you answer in English?" (after normalising, English is 英文). Not "英文叫什么"."""

_DOUBTED = re.compile(
    r"真的假的|真的吗|真的么|真的嘛|真哒|你确定|确定吗|确定么|确定嘛|不对吧|不对啊|不对呀|不对|不是吧"
    r"|是这样吗|是这样的吗|是这么说的吗|这么说的吗|没搞错吧|搞错了吧|没错吧|别吹了?|瞎说|胡说|扯吧"
    r"|有依据吗|有出处吗|出处呢|来源呢|[这那]个?(?:数字|数|说法|数据)(?:可靠|可信)吗|太夸张了?|夸张了"
    r"|有(?:啥|什么)?(?:证据|依据)(?:吗|么|嘛)?|(?:证据|依据)(?:呢|在哪|是(?:啥|什么))"
    r"|(?:为什么|为啥)(?:这么|这样)说|我?(?:怎么|咋)记住"
    r"|我?(?:才|真|还是)?不(?:太)?(?:相)?信(?:吧|啊|呀|呢|耶)?|骗人的?吧?"
    # "你说错了吧", "瞎说吧": the lexicon reads 说错 and 瞎说 as 准确 (whether ChatGPT errs is
    # its accuracy); "ChatGPT准确吧" asks.
    r"|你(?:又|是不是)?准确了吧?|^准确吧|不可能吧|不会吧"
    r"|really|areyousure|youresure"
    r"|(?:(?:文章|文中|原文)(?:里|的)?(?:原话)?|原话)(?:是)?(?:怎么|咋)(?:说|写)的?(?:呢|啊)?"
)
"""Doubting what was just said ("真的吗", "你确定？", "不对吧", "有证据吗", "凭什么这么说",
"我不信", "我怎么记得更早", "文章原话怎么说的", "这个数字靠谱吗 感觉夸张了"; the lexicon reads
凭什么 as 为什么, 记得 as 记住 and 靠谱 as 可靠). Not 靠谱吗 of a thing ("它写代码靠谱吗" asks)."""
_WHERE_SAID = re.compile(
    r"(?:(?:这|那)个?)?(?:是|在)?(?:文章)?(?:哪里|哪儿|哪篇文章|哪篇|哪)(?:里)?"
    r"(?:说|写|看到|提到|讲)(?:的|了)?(?:呢|啊|呀|吗)?"
    r"|你?从哪(?:里|儿)?(?:看到|知道|听说|听来|得知)的?(?:呢|啊|呀|吗)?"
    r"|出处(?:在哪(?:里|儿)?|是(?:哪|啥|什么)|呢)(?:呢|啊|呀)?"
    r"|sources?(?:please|pls)?|wheredoesitsay(?:that|so)?"
)
"""Asking where what was just said is said, and nothing else ("哪里说的", "你从哪看到的", "出处
在哪", maybe after a doubt: "真的吗 哪里说的"): a doubt, answered with the article's words."""
_ON_WHAT_GROUNDS = re.compile(r"为什么")
"""A bare why after a doubt ("真的吗 凭什么", 凭什么 and 为啥 read as 为什么): on what grounds,
the doubt itself."""
_RECALLED = re.compile(
    r"(?:我|可|但)?(?:记得|记住|印象里|印象中|看到的?|听说|觉得|感觉|明明|以为)(?:的)?(?:是|说是|说)?"
    r"|我看(?:是|说是)?"
    r"|i(?:thought|think|heard|remember|believe)d?(?:that)?"
)
"""What the doubter remembers instead, before their claim ("我记得是2023年才出来的"; the lexicon
reads 记得 as 记住)."""
_ASKS_ANEW = re.compile(r"为什么|为啥|怎么|咋|多少|哪|什么|啥|谁|几|what|how|why|which|who|when")
"""A question of its own after the doubt ("真的吗？那为啥网上还有人能越狱它"): it is asked."""
MAX_CLAIM = 14
"""The longest claim a doubt may put against what was said ("不对吧 我觉得主要是人才不够")."""
MAX_CLAIM_BEFORE = 8
"""The longest claim before the doubt ("效果真有那么好？别吹"): a longer one is a claim heard
elsewhere, checked as a question ("听说ChatGPT还能写歌写剧本，真的假的？")."""
_UNSAID = re.compile(rf"(?:{_NOD}|[\s?？!！,，。.~…])+")
_LATIN_LETTER = re.compile(r"[a-z]")
_NOT_WHAT_WAS_SAID = re.compile(
    r"(?:[\d.]+[十百千万亿]*(?:个|年|月|美元|参数)?[?？]*)?"
    r"不是(?!说)(?P<claim>[^?？!！,，。]{1,14}?)(?:吗|嘛|么)(?P<after>.*)"
)
"""A doubt that says what the doubter remembers as "不是X吗" ("不是175亿吗"), maybe after echoing
the figure said ("1750亿？不是175亿吗，你确定"). Not "不是说…吗", a claim heard elsewhere and
checked as a question, nor one with a subject of its own ("ChatGPT不是OpenAI做的吗")."""


_SO_IT_IS_ONLY = re.compile(
    r"(?:那|所以|这样|这)?(?:不就|不也|岂不)是?(?P<claim>[^?？!！,，。]{1,14}?)(?:了?(?:吗|嘛|么|呗|啊|吧))?"
)
"""A challenge that sums the answer up its own way ("那不就是换了个皮吗", "那不就很鸡肋", "那不就是
越大越聪明"): a doubt whose claim is what the member makes of it."""


_FIGURE_ECHOED = re.compile(
    r"(?:哦|噢|嗯)?(?:所以|那|也就是说?)?(?:是|有)?"
    r"(?P<figure>\d+(?:\.\d+)?[十百千万亿]+|\d{3,})"
    r"(?:个|年|月|美元|人民币|元|块钱?|参数|用户|人)?(?:对吧|是吧|对不对|对吗|吗|吧|啊|呀|么|嘛)?"
)
"""A figure said back, maybe with a unit of the member's own ("290亿人民币?" after 290亿美元) or
as what the member makes of it ("哦 所以是175亿对吧"); not a small number, which picks a choice
("2")."""


def figure_echoed(compact: str) -> str | None:
    """The figure a message (compact, no spaces) consists of, or None: said back after an
    answer that gives it or another of its size, it doubts that answer's figure or unit."""
    found = _FIGURE_ECHOED.fullmatch(compact)
    return found["figure"] if found else None


def doubted(text: str) -> str | None:
    """The claim a squeezed message puts against what was just said ("" when it only doubts:
    "真的吗？这么快？"), or None when it is no doubt but a question or something else."""
    if correction_focus(text) is not None:
        return None
    if _WHERE_SAID.fullmatch(_UNSAID.sub("", _DOUBTED.sub("", text))):
        return ""
    not_so = _NOT_WHAT_WAS_SAID.fullmatch(text)
    if not_so and not _UNSAID.sub("", _DOUBTED.sub("", not_so["after"])):
        claim = not_so["claim"]
        if not _ASKS_ANEW.search(claim):
            return claim
    so_it_is = _SO_IT_IS_ONLY.fullmatch(text)
    if so_it_is and not _ASKS_ANEW.search(so_it_is["claim"]):
        return so_it_is["claim"]
    first = _DOUBTED.search(text)
    if first is None:
        return None
    rest = _UNSAID.sub(" ", _DOUBTED.sub(" ", text)).strip()
    if first.start() == 0 or _UNSAID.fullmatch(text[: first.start()]):
        recalled = _RECALLED.match(rest)  # 我记得是…, right after the doubt
        claim = (rest[recalled.end() :] if recalled else rest).replace(" ", "")
        too_long = _claim_length(claim) > MAX_CLAIM
    elif _LATIN_LETTER.match(first.group(0)):
        return None  # "does chatgpt really understand code" asks whether it does
    else:
        claim = rest.replace(" ", "")
        too_long = len(claim) > MAX_CLAIM_BEFORE
    if _ON_WHAT_GROUNDS.fullmatch(claim):
        return ""
    if too_long or _ASKS_ANEW.search(claim):
        return None
    return claim


def recalled(text: str) -> str | None:
    """The claim a squeezed message puts as what the member remembers or heard, and nothing
    else ("我记得是一年", "听说上线一年才到一亿用户"), or None. Not a question ("听说ChatGPT是谁
    做的"). Read against the answer shown, it may doubt that answer."""
    found = _RECALLED.match(text)
    if found is None or not found.group(0):
        return None
    claim = _UNSAID.sub("", text[found.end() :])
    if not claim or _claim_length(claim) > MAX_CLAIM or _ASKS_ANEW.search(claim):
        return None
    return claim


def _claim_length(claim: str) -> int:
    """How much a claim says: a character each, an English word's letters a third as much
    ("itwasgoogle" is about as long as 是谷歌做的)."""
    letters = len(_LATIN_LETTER.findall(claim))
    return len(claim) - letters + letters // 3


def _after_a_doubt(text: str) -> str:
    """What a squeezed message asks after the doubt it opens with ("really怎么做到的": how it
    is done), or "" when it opens with none."""
    first = _DOUBTED.match(text)
    return _UNSAID.sub("", text[first.end() :]) if first else ""


_POINTED_AT = re.compile(
    r"^\s*(?:(?P<who>[a-z][a-z0-9_]{0,15})|他|她|楼上|上面)\s*"
    r"(?:(?:刚才?|刚刚)?(?:问的|说的|提的)(?:那个|这个)?(?:问题)?|(?:那个|这个)问题|(?:第[一二三四五1-5]个)?问题)"
    r"[\s，,：:]*",
    re.IGNORECASE,
)
"""A group member pointing at another's question before asking their own ("leo那个问题，GPT预训练
用的啥数据", "他刚问的那个，为啥…", "楼上第一个问题，那高校为啥搞不了")."""


def pointing_at_another(text: str) -> tuple[str, str] | None:
    """Who a message points at (a name, or "" for 他 / 楼上) and what it goes on to ask, when it
    opens by pointing at another member's question; else None."""
    found = _POINTED_AT.match(text)
    if found is None or not text[found.end() :].strip():
        return None
    return found.group("who") or "", text[found.end() :]


_EXAMPLE_MESSAGE = re.compile(
    r"(?:(?:能不能|能|可以|你)?再?(?:举|给)(?:一?个|几个)?(?:例子|例|栗子)(?:看看|说说|来看)?"
    r"|(?:有|有没有)(?:什么|具体)?(?:例子|实例)|比如说?|比方说|(?:an?|some)?examples?|eg|forexample"
    r"|[吗呢吧呗嘛啊?？])+"
)
"""Asking for an example of what was just said, and nothing more ("举个例子", "比如呢？", "for
example?"); "举个例子，能用在哪" asks where."""
_EXAMPLE_WORD = re.compile(r"例|比|example|eg")


_LOST = re.compile(
    r"^(?:有点|有些|好|太)?(?:绕|复杂|晕|懵)了?"
    r"|^(?:还是|我)?(?:没太|没|不太|不)(?:看|听)?(?:懂|理解|明白)(?:了|啊)?"
)
"""Saying one did not follow ("没懂"), or before asking again more simply ("有点绕…简单点说？",
"还是没太懂，简单点说"): no question of its own, but the gist again."""
_MORE_OF_IT = re.compile(r"(?:展开|详细|具体)(?:说说|讲讲|说|讲|一?点|一些)$")
"""Asking for more after a why ("那怎么做到的 展开说说", "怎么做到的？具体点"): the why is the
question."""


def squeeze(normalised: str) -> str:
    """Drop spaces and the polite padding around a normalised message."""
    text = normalised.replace(" ", "")
    previous = None
    while previous != text:
        previous, text = text, _PADDING.sub("", text)
    return text


CONTINUING = frozenset({Intent.CONTINUE, Intent.DEPTH})
"""Intents that ask for more: the next page, or the next entry after the last page."""
TOPICAL_CAPABILITY = frozenset(["能做什么", "怎么用", "功能"])
"""Asking what something can do without saying what: the bot in a fresh chat, the topic after
an answer ("生成式AI是什么" → "能做啥" asks what 生成式AI can do)."""
SMALL_TALK = frozenset(
    {Intent.GREETING, Intent.THANKS, Intent.NOD, Intent.CAPABILITY, Intent.GOODBYE}
)
"""Intents answered with a friendly line of their own (`phrases.small_talk`)."""

# "继续继续继续…" (even 4,096 characters of it) is still 继续, not a question to search for.
_REPEATED = re.compile(
    "(?:"
    + "|".join(sorted(map(re.escape, CONTINUE_PHRASES | DEPTH_PHRASES), key=len, reverse=True))
    + ")+"
)


_MORE_MESSAGE = re.compile(
    r"(?:再|多|继续|接着)+(?:说|讲|聊|谈)(?:说|讲|聊|谈)?(?:一?点|一些|些|几句|下去)?|讲下去"
)
"""The ways of asking for more that no list of phrases would end on: 再多讲点, 接着说说, 继续讲讲,
多讲一点, 再多说几句, 讲下去."""


def classify(normalised: str) -> Intent:
    """The intent of a normalised message; QUESTION when it is none of the fixed phrases."""
    text = squeeze(normalised)
    for phrases, intent in (
        (DEPTH_PHRASES, Intent.DEPTH),
        (CONTINUE_PHRASES, Intent.CONTINUE),
        (WHY_PHRASES, Intent.WHY),
        (RESET_PHRASES, Intent.RESET),
        (PREVIOUS_PHRASES, Intent.PREVIOUS),
        (NONE_OF_THESE_PHRASES, Intent.NONE_OF_THESE),
        (GREETINGS, Intent.GREETING),
        (THANKS, Intent.THANKS),
        (CAPABILITY, Intent.CAPABILITY),
        (GOODBYE, Intent.GOODBYE),
    ):
        if text in phrases:
            return intent
    if normalised.replace(" ", "") in THANKS | GREETINGS:
        return Intent.GREETING if normalised.replace(" ", "") in GREETINGS else Intent.THANKS
    # Unpadded too: the padding takes the 好 of "好吧 谢了哈" and leaves 吧.
    unpadded = normalised.replace(" ", "")
    if _GREETING_MESSAGE.fullmatch(unpadded):
        return Intent.GREETING
    # Unpadded first: the padding takes all of "谢谢啦", 谢谢 and 啦 alike.
    if _THANKS_MESSAGE.fullmatch(unpadded) or _THANKS_MESSAGE.fullmatch(text):
        return Intent.THANKS
    if _NODDED.fullmatch(normalised.replace(" ", "")):
        return Intent.NOD
    if _FAREWELL_MESSAGE.fullmatch(unpadded):
        return Intent.GOODBYE
    if text and (_REPEATED.fullmatch(text) or _MORE_MESSAGE.fullmatch(text)):
        return Intent.CONTINUE
    if _DEPTH_MESSAGE.fullmatch(text):
        return Intent.DEPTH
    if _SUMMARY_MESSAGE.fullmatch(text):
        return Intent.SUMMARY
    if _AGAIN_MESSAGE.fullmatch(text):
        return Intent.AGAIN
    if _IN_ENGLISH_MESSAGE.fullmatch(text):
        return Intent.IN_ENGLISH
    if _EXAMPLE_MESSAGE.fullmatch(text) and _EXAMPLE_WORD.search(text):
        return Intent.EXAMPLE
    if doubted(text) is not None:
        return Intent.DOUBT
    asked = _after_a_doubt(text)
    if asked and asked != text:
        return classify(asked)
    lost = _LOST.match(text)
    if lost:
        unlost = text[lost.end() :]
        if not unlost or _SUMMARY_MESSAGE.fullmatch(squeeze(unlost)):
            return Intent.SUMMARY
    more = _MORE_OF_IT.search(text)
    if more and squeeze(text[: more.start()]) in WHY_PHRASES:
        return Intent.WHY
    return Intent.QUESTION


_WHAT_ELSE = re.compile(
    r"(?:它|这个)?还(?:能|会|可以|有)(?:干|做|用)?(?:什么|啥|哪些)"
    r"(?:用|功能|用处|作用|本事|别的)?(?:呢|吗|啊|呀)?"
)


def asks_what_else(compact: str) -> bool:
    """Whether a message (compact) asks what else, and nothing more ("还能干啥", "它还有什么用"):
    after the answer that says what it does, that is more of it, not the same answer again."""
    return _WHAT_ELSE.fullmatch(compact.replace(" ", "")) is not None


_ONE_OF_TWO = re.compile(
    r"(?:那|那么)?(?P<which>第一个|第二个|前者|后者|前一个|后一个)(?:呢|的)?(?P<rest>.*)"
)
_TELL_MORE_OF_IT = re.compile(
    r"(?:是什么|展开讲讲|展开说说|展开|详细讲讲|详细说说|具体讲讲|具体说说|讲讲|说说|再讲讲|再说说)?"
    r"(?:吧|呗|吗)?"
)


def one_of_two(compact: str) -> tuple[int, str] | None:
    """Which of two things a message points at, 0 or 1, and what it asks of it ("" for what it
    is: "第二个展开讲讲", "后者呢", "第一个是什么"; "有什么效果" of "前者有什么效果"); None when it
    points at neither."""
    found = _ONE_OF_TWO.fullmatch(compact.replace(" ", ""))
    if found is None:
        return None
    which = 0 if found["which"] in ("第一个", "前者", "前一个") else 1
    rest = found["rest"]
    return which, "" if _TELL_MORE_OF_IT.fullmatch(rest) else rest


_MORE_OF_THE_KIND = re.compile(
    r"(?:那|那么)?(?:它|这个)?还有(?:没有)?(?:别的|其他|其它|什么|哪些)(?:的)?[\u4e00-\u9fff]{0,4}?"
    r"(?:吗|呢|啊|呀|么|没|没有)?"
    r"|(?:那)?(?:别的|其他|其它)(?:的)?[\u4e00-\u9fff]{1,4}?(?:呢|吗)"
)


def asks_for_more_of_the_kind(compact: str) -> bool:
    """Whether a message (compact) asks for more of what the last answer listed, and nothing
    more ("还有啥缺点", "还有别的区别吗", "其他领域呢")."""
    return _MORE_OF_THE_KIND.fullmatch(compact.replace(" ", "")) is not None


_LAUGHED = re.compile(r"哈哈|(?<![a-z])h{3,}|笑死|2333", re.IGNORECASE)
_ASKS_AT_ALL = re.compile(
    r"[?？]|吗|呢|么|嘛|什么|谁|怎|咋|哪|几|多少|为何|为什么|是不是|有没有|能不能|会不会|可不可以"
    r"|区别|讲讲|说说|介绍|解释|展开|继续|告诉|\b(?:how|what|why|who|when|which|where)\b",
    re.IGNORECASE,
)


def laughs_without_asking(text: str, normalised: str) -> bool:
    """Whether a message laughs and asks nothing, as typed (`text`, whose ? the normaliser
    drops) or read (`normalised`, whose 啥 is 什么): a remark ("哈哈PPO听着像个饮料", "笑死
    原来是背的"), not a question about the term it happens to name."""
    return (
        _LAUGHED.search(normalised) is not None
        and _ASKS_AT_ALL.search(text) is None
        and _ASKS_AT_ALL.search(normalised) is None
    )


def asks_a_question(normalised: str) -> bool:
    """Whether a normalised message asks about something, rather than greeting, thanking or
    asking for more ("谢谢你的帮助", "继续"): a one-shot answer (`ask`, `kb test`) declines
    those as a chat never answers them with an entry."""
    return classify(normalised) is Intent.QUESTION


# Words that point back at what was just discussed; "其" and "这" only where they stand alone
# (not in 其他, 其实, 尤其, 这样, 这么...). English ones only as whole words.
PRONOUN = re.compile(
    r"它们俩|他们俩|它俩|他俩|两者|二者|这两个|这俩"
    r"|它们|他们|她们|它的|它|这个模型|这个技术|这种技术|这个东西|这个|该模型|该技术|那个"
    r"|这玩意儿?|这东西|(?<![尤极与])其(?![他它实中次余])|这(?![样么些里儿边种一步])"
    # 那 of a claim put back ("哦哦 那是2020年出的？"): that, the thing just told of. Not 那
    # is then ("那是不是越大越好"), nor one opening what comes next ("那是什么时候").
    r"|(?:(?<![\u4e00-\u9fff])|(?<=[哦噢嗯啊]))那(?=是(?!不是|什么|啥|谁|哪|怎))"
    # Not \b: a Chinese character is a word character, and 什么是it has no boundary before it.
    r"|(?<![a-z0-9])(?:it|its|this|that|they|them|ta|the ?(?:name|模型|acronym))(?![a-z0-9])"
    # ta: 他/她/它 in pinyin; "what does the name stand for" after GPT asks of GPT's (the
    # normaliser reads model as 模型).
    # The it of time and weather points at nothing: "what time is it", "is it raining".
    r"(?<!(?:time|date) is it)(?<!day is it)(?!\s+(?:raining|snowing|sunny|cold|hot)\b)"
)
BOTH = frozenset(["它们俩", "他们俩", "它俩", "他俩", "两者", "二者", "这两个", "这俩", "它们"])
"""Pronouns for the things the last question named together ("它俩有什么联系")."""
PEOPLE = frozenset(["他们", "她们", "they", "them"])
"""Pronouns that may mean people in the answer (the trainers), not the subject."""
DETERMINERS = ("这个", "那个", "该", "这")
"""Before a name these are no pronoun: "这个奖励模型" is about 奖励模型."""
# A focus that asks something itself ("大模型是什么") is no bare name or aspect.
_ASKING = re.compile(
    r"什么|怎么|为什么|哪|多少|多久|多快|谁|吗|是|有|能|会|如何|啥|咋|吧|行不行|可不可以|好不好"
    r"|what|how|why|where|who|which|when"
)
# "那GPT呢" / "GPT呢" / "那它的缺点呢" / "那GPT怎么样" / "what about GPT": the same question about
# something else.
_ELLIPSIS = re.compile(
    r"^(?:那么|那个|那|and)?\s*(?:和|跟|与)?\s*(?P<focus>.+?)\s*(?:呢|怎么样|又如何|又怎样|如何)$"
    # "那GPT-3那会儿有吗" after what ChatGPT does for safety: whether X has it too.
    r"|^(?:那么|那)\s*(?![还也都就没])(?P<had>.+?)\s*(?:那会儿|那时候|当时)?(?:也|就)?没?有(?:这个|这些)?吗$"
    # The normaliser reads what and how as 什么 and 怎么.
    r"|^(?:and(?![a-z])\s*)?(?:(?:what|how|什么|怎么)\s*about|and)(?![a-z])\s*(?P<english>.+?)\s*$"
    # "but chatgpt can?" / "那ChatGPT能吗" / "GPT-3也可以？" after what GPT cannot do: whether
    # the name can (a latin name: "这样可以吗" asks whether a thing is all right).
    r"|^(?:(?:那么|那|but|and)\s*)?(?P<able>[a-z][a-z0-9.\-]*)\s*(?:也|呢)?(?:能|可以|行|会)"
    r"(?:吗|么|不|呢)?$"
)
# "不是，我是说GPT" / "我问的是GPT" / "I mean GPT": the last question, about something else.
_CORRECTION = re.compile(
    r"^(?:不是|不对|错了|no|nope)?\s*(?:我是说|我说的是|我问的是|我想问的是|我是问|我指的是|我是指"
    # 我说 alone only before a name ("我说GPT-3"), not before a sentence ("我说这个挺好用的").
    # "I mean" comes here as i定义: the normaliser reads mean as 定义 ("what does X mean").
    r"|我说(?=[a-z0-9.\- ]+$|[^\s，。的了吗吧呢]{1,6}$)|i\s*(?:meant|mean|定义))\s*(?P<focus>.+)$"
    # "打错了 我想问X" / "算了我问错了，其实是想知道X": a slip owned, then what was meant.
    r"|^(?:算了)?\s*(?:我?(?:打|问|说|写)错了\s*(?:其实)?|其实)\s*我?(?:就是|是)?想(?:问|知道)(?:的是)?"
    r"\s*(?P<meant>.+)$"
)
# "那怎么解决" / "and where …": a question that leans on the last one.
_LEANING = re.compile(r"^(?:那么|那|and)\s*(?P<rest>.+)$")


_BACK_TO_THE_TOPIC = re.compile(
    r"^(?:回到刚才的?(?:话题|问题)?|回到正题|言归正传|话说回来|算了)\s*"
)
"""A member going back to the topic after an aside says so before the follow-up ("回到刚才的
那在自然语言处理方面呢", "算了，那参数呢"): the follow-up is what follows. Not 好吧, which also
takes an answer in ("好吧 那参数多到多少推理能力才出来" after GPT-4's figure is declined asks
on its own words)."""


_GO_ON = r"(?:继续|接着)(?:说说|讲讲|说|讲)"
_GOING_ON = re.compile(rf"^{_GO_ON}(?=..)")
"""Going on with a question of its own ("继续说说它还能干啥", "接着说，那推理能力是参数多大才出来
的"): the question is what is asked; 继续 alone pages on."""


_EXAMPLE_FIRST = re.compile(
    r"^\s*(?:能不能|能|可以)?[举舉给給](?:一?[个個]|几个|幾個)(?:例子|例(?!子))(?:呗|唄|吧)?[\s，,。:：!！]*(?=\S\S)"
)
"""Asking for an example before the question it is of ("举个例子，能用在哪", "举个例子 人是怎么参与
的"): the question is what is asked, of the topic; the example request hid it."""


def without_an_example_request(text: str) -> str:
    """A message as sent without an example request before its question (see above)."""
    return _EXAMPLE_FIRST.sub("", text)


def compact(normalised: str) -> str:
    """A normalised message without the spaces that punctuation left, keeping those between
    latin words ("where was it trained" stays readable for the search), and without a
    "back to the topic" or "go on" before a follow-up."""
    text = re.sub(r"(?<![a-z0-9])\s+|\s+(?![a-z0-9])", "", normalised).strip()
    return _GOING_ON.sub("", _BACK_TO_THE_TOPIC.sub("", text))


_GOING_ON_ABOUT = (
    re.compile(r"(?:回到|说回)?(?P<about>.+?)(?:那个|那块|这块)?(?:继续|接着说|接着讲)"),
    re.compile(rf"{_GO_ON}(?P<about>.+?)(?:那个|那块|这块)?"),
)
"""Going on with a topic named ("回到生成式AI，继续", "算了 接着说多模态那个", "接着讲GPT")."""


_EARLIER = r"(?:刚才|刚刚|前面|之前|上面)"
_ABOUT = r"(?:那个)?(?P<about>[^呢吗？?]{1,12}?)(?:那个|那块|这块|那部分|的?话题)?"
_GOING_BACK_TO = (
    re.compile(rf"再?(?:回到|说回|回去说){_EARLIER}?(?:说|讲|提)?(?:到)?的?{_ABOUT}(?:吧|上)?"),
    re.compile(
        rf"{_EARLIER}(?:说|讲|提)(?:到)?的{_ABOUT}"
        r"(?:再|多)?(?:说说|讲讲|说一下|讲一下|详细说说|展开说说|说|讲)?(?:吧|呗)?"
    ),
)
"""Going back to what an earlier answer said, and no more ("回到刚才那个思维链", "刚才说的参数那个
再说说"): with 继续 it goes on instead (`going_on_about`). 前面说的 and 之前说的 come here as 上下文
(the lexicon's, for "它记得住前面说的吗"), a word of its own: they are left out."""


def going_back_to(normalised: str) -> str | None:
    """What a message that goes back to an earlier answer names, as written, or None; not the
    topic itself ("回到刚才的话题", which the follow-up after it says) nor a follow-up ("回到刚才的
    那在自然语言处理方面呢")."""
    text = squeeze(normalised)
    if going_on_about(normalised) is not None:
        return None  # "回到生成式AI，继续" goes on from it
    for shape in _GOING_BACK_TO:
        found = shape.fullmatch(text)
        if found and found.group("about") not in ("话题", "问题", "正题"):
            return None if found.group("about").startswith("那") else found.group("about")
    return None


def going_on_about(normalised: str) -> str | None:
    """The topic of a message that asks to go on with it, as written, or None."""
    text = _BACK_TO_THE_TOPIC.sub("", squeeze(normalised))
    for shape in _GOING_ON_ABOUT:
        found = shape.fullmatch(text)
        if found:
            return found.group("about")
    return None


_LETTER_ASKED = re.compile(
    r"(?:什么does(?:the)?|and(?:the)?|那|(?:(?:chat)?gpt|这|那)(?:里面的|里的|中的|的|里))?"
    r"(?P<letter>[a-z])(?:呢|全称|定义|(?:具体|到底|又)?(?:代表什么|是什么意思|是什么|指的是什么|指什么))?"
)
"""One letter of a name just spelled out ("T呢", "那P呢", "what does the T stand for", "GPT的T代表
什么", "这里面的T是啥", "那T具体指啥"): which word it stands for."""


def letter_asked(normalised: str) -> str | None:
    """The letter a message asks about (upper case), or None."""
    found = _LETTER_ASKED.fullmatch(squeeze(normalised))
    return found.group("letter").upper() if found else None


_AREA = re.compile(r"^在|(?:方面|这块|那块|这一块|那一块|这边|那边|(?<=.)(?:那个|这个))$")
"""What frames an aspect asked about: "那在自然语言处理方面呢", "内容生成那块呢", "学校那边呢",
"那数据那个呢"."""


def ellipsis_focus(text: str) -> str | None:
    """The X of "那X呢" / "what about X", or None when the message has no such shape."""
    match = _ELLIPSIS.match(text)
    if match is None:
        return None
    found = ("focus", "english", "had", "able")
    focus = next((match.group(group) for group in found if match.group(group)), "").strip()
    return _AREA.sub("", focus) or None


def correction_focus(text: str) -> str | None:
    """The X of "不是，我是说X" / "I mean X", or None; without what it says it is not ("我问的是
    GPT，不是ChatGPT" is about GPT: read whole, it asked how the two differ)."""
    match = _CORRECTION.match(text)
    if match is None:
        return None
    focus = (match.group("focus") or match.group("meant")).strip()
    return (_NOT_THAT.sub("", focus) or focus).strip() or None


_NOT_THAT = re.compile(
    r"(?<!是)[\s,，]*(?:而|and)?\s*(?:不是|并非|not|rather than)\s*[^吗呢吧?？\s]+$"
)
"""The name a correction sets aside at its end ("…，不是ChatGPT", "…而不是微调", "…, not
ChatGPT"); not the 不是 of 是不是, nor one that asks ("…不是模型吗")."""


def leaning_rest(text: str) -> str | None:
    """The question after a leading 那 / "and", or None."""
    match = _LEANING.match(text)
    return (match.group("rest").strip() or None) if match else None


_WHICH = re.compile(r"^(?:那么?|and\s*)?(?:哪个|哪一个|哪种|which(?![a-z])|谁(?=更|比较))")
"""A question that picks one of what was just compared: "哪个更通用", "谁更通用", "which is
better"."""


def asks_which(text: str) -> bool:
    """Whether a compact message starts by asking which one."""
    return _WHICH.match(text) is not None


def asks_something(text: str) -> bool:
    """Whether the text carries a question word of its own."""
    return _ASKING.search(text) is not None
