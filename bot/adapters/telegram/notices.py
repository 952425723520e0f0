"""What the Telegram bot says on its own: help, refusals and short notices (plain text)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core import phrases
from bot.core.intent import Intent

FLOOD = "你提问有点太快了，请休息一分钟再问。这一分钟内的消息我先不回复了。"
GROUP_FLOOD = "这个群里一分钟内的提问太多了，我先不回复新问题，请稍等一会儿再问。"
ADMIN_ONLY = "抱歉，这个命令只有管理员可以使用。"
ASK_USAGE = "用法：/ask 你的问题，例如：/ask 什么是大模型？"
SOMETHING_WENT_WRONG = "抱歉，处理这条消息时出了点问题，请稍后再试。"
RELOAD_BY_WATCHER = "知识库文件改动后会由文件监视器自动重新加载，无需手动操作。"
STATS_UNAVAILABLE = "暂时无法统计。"
PRIVATE_ONLY = "这个命令会显示用户的提问，请在与我的私聊中使用。"

# Shared with the console chat, which says the same: they live with the core's phrases.
BUTTON_EXPIRED = phrases.BUTTON_EXPIRED
COMMENT_PROMPT = phrases.COMMENT_PROMPT
COMMENT_THANKS = phrases.COMMENT_THANKS
NOT_THIS_CHAT = "这个按钮不属于本聊天。"
VOTE_RECORDED = phrases.VOTE_RECORDED
VOTE_CHANGED = phrases.VOTE_CHANGED
VOTE_SAME = phrases.VOTE_SAME

COMMANDS: Sequence[tuple[str, str]] = (
    ("ask", "提问，例如 /ask 什么是大模型？"),
    ("topics", "我了解哪些主题"),
    ("help", "使用说明和示例问题"),
    ("reset", "清空上下文，换个话题"),
)
"""The menu everyone sees (setMyCommands, default scope); the admin commands stay out of it."""
ADMIN_COMMANDS: Sequence[tuple[str, str]] = (
    ("stats", "统计：提问数、好评率、最差的条目"),
    ("unanswered", "最常见的未回答问题（仅私聊）"),
    ("review", "逐条审阅未回答和被点👎的问题（仅私聊）"),
    ("reload", "重新加载知识库"),
)
"""Added to each admin's own menu (setMyCommands scoped to the admin's private chat)."""
UNKNOWN_COMMAND = (
    f"我没有这个命令。可用的命令：{' '.join('/' + name for name, _ in COMMANDS)}；"
    "也可以直接把问题发给我。"
)


def start() -> str:
    """The greeting for /start."""
    return (
        f"{phrases.small_talk(Intent.GREETING, phrases.EXAMPLE_QUESTIONS)}\n\n发送 /help 查看用法。"
    )


def help_text() -> str:
    """What the bot knows, how to ask in private and in groups, and example questions."""
    commands = "\n".join(f"/{name} — {description}" for name, description in COMMANDS)
    return (
        f"{phrases.small_talk(Intent.CAPABILITY, phrases.EXAMPLE_QUESTIONS)}\n\n"
        "私聊：直接发问题。\n"
        "群聊：@我 提问、回复我的消息，或用 /ask 问题。\n"
        "回答较长时点“继续”或回复“继续”查看下一段；👍/👎 帮我改进。\n\n"
        f"{commands}"
    )


def mention_only() -> str:
    """An @mention with no question in it."""
    return phrases.small_talk(Intent.GREETING, phrases.EXAMPLE_QUESTIONS)
