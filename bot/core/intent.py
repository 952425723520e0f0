"""What a message wants besides a new question: continue, small talk, reset, or a follow-up.

Recognisers work on a squeezed form of the message (folded, simplified, without spaces,
punctuation and polite padding) so that "还有呢？", "請繼續" and "continue please" all count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_PADDING = re.compile(
    r"^(?:请|麻烦|那|那么|好的?|嗯|ok|okay)+|(?:吧|呀|啊|呢|哈|嘛|啦|哦|一下|"
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
        "然后呢",
        "然后",
        "下一页",
        "下一段",
        "更多",
        "展开说说",
        "展开讲讲",
        "再说说",
        "往下说",
        "说下去",
        "接着",
        "continue",
        "more",
        "next",
        "goon",
    ]
)
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
    ]
)
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

# Words that point back at what was just discussed; "其" and "这" only where they stand alone
# (not in 其他, 其实, 尤其, 这样, 这么...).
_PRONOUN = re.compile(
    r"它们|它的|它|这个模型|这个技术|这种技术|这个东西|这个|该模型|该技术|那个|这玩意儿?|这东西"
    r"|(?<![尤极与])其(?![他它实中次余])|这(?![样么些里儿边种])"
)
# A focus that asks something itself ("大模型是什么") is a new question, not an ellipsis.
_ASKING = re.compile(r"什么|怎么|为什么|哪|多少|谁|吗|是|有|能|会|如何|啥|咋|的|吧")
# "那GPT呢" / "GPT呢" / "那它的缺点呢" / "那GPT怎么样": the same question about something else.
_ELLIPSIS = re.compile(r"^(?:那么?|那|那个)?(?P<focus>.+?)(?:呢|怎么样|又如何|又怎样|如何)$")


class Intent(Enum):
    """What kind of turn a message is."""

    CONTINUE = "continue"
    RESET = "reset"
    GREETING = "greeting"
    THANKS = "thanks"
    CAPABILITY = "capability"
    GOODBYE = "goodbye"
    QUESTION = "question"


def squeeze(normalised: str) -> str:
    """Drop spaces and the polite padding around a normalised message."""
    text = normalised.replace(" ", "")
    previous = None
    while previous != text:
        previous, text = text, _PADDING.sub("", text)
    return text


def classify(normalised: str) -> Intent:
    """The intent of a normalised message; QUESTION when it is none of the fixed phrases."""
    text = squeeze(normalised)
    for phrases, intent in (
        (CONTINUE_PHRASES, Intent.CONTINUE),
        (RESET_PHRASES, Intent.RESET),
        (GREETINGS, Intent.GREETING),
        (THANKS, Intent.THANKS),
        (CAPABILITY, Intent.CAPABILITY),
        (GOODBYE, Intent.GOODBYE),
    ):
        if text in phrases:
            return intent
    if normalised.replace(" ", "") in THANKS | GREETINGS:
        return Intent.GREETING if normalised.replace(" ", "") in GREETINGS else Intent.THANKS
    return Intent.QUESTION


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A follow-up message restated with the chat's current subject."""

    text: str
    kind: str  # "pronoun" or "ellipsis"


def resolve_follow_up(normalised: str, *, subject: str, last_question: str) -> Rewrite | None:
    """Restate a message that refers back to `subject`, or None when it stands on its own.

    `normalised` is the message after text normalisation; `subject` and `last_question`
    are the current topic (e.g. "ChatGPT") and the question that was answered about it.
    """
    text = normalised.replace(" ", "")
    if not text or not subject:
        return None
    folded_subject = subject.casefold()
    ellipsis = _ELLIPSIS.match(text)
    if ellipsis:
        focus = ellipsis.group("focus")
        if _has_pronoun(focus):
            return Rewrite(_replace_pronoun(focus, subject), "pronoun")
        if folded_subject in focus.casefold() or len(focus) > 12 or _ASKING.search(focus):
            return None
        if folded_subject in last_question.casefold():
            restated = _replace_casefold(last_question, subject, focus)
            return Rewrite(restated, "ellipsis")
        return Rewrite(focus, "ellipsis")
    if _has_pronoun(text) and folded_subject not in text.casefold():
        return Rewrite(_replace_pronoun(text, subject), "pronoun")
    return None


def _has_pronoun(text: str) -> bool:
    return _PRONOUN.search(text) is not None


def _replace_pronoun(text: str, subject: str) -> str:
    return _PRONOUN.sub(lambda m: subject + "的" if m.group(0) == "它的" else subject, text, 1)


def _replace_casefold(text: str, old: str, new: str) -> str:
    at = text.casefold().find(old.casefold())
    return text if at < 0 else text[:at] + new + text[at + len(old) :]
