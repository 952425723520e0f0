"""Report data for the page's tests: a busy month, a long history, nothing at all."""

from __future__ import annotations

import datetime as dt
import random

from bot.feedback import Comment, Day, EntryFeedback, Group
from bot.report_page import ReportData

MADE = dt.datetime(2026, 9, 21, 8, 30, tzinfo=dt.UTC)
QUESTIONS = {
    "chatgpt-definition": "ChatGPT是什么？",
    "chatgpt-training-infrastructure": (
        "ChatGPT是在哪里训练的？需要多少算力和多少块显卡才能训练出来？"
    ),
    "large-model-definition": "什么是大模型？",
}


def history(first: dt.date, count: int, *, seed: int = 1) -> list[Day]:
    """`count` days from `first`, every fifth day without a single question."""
    rnd = random.Random(seed)
    return [
        Day(first + dt.timedelta(days=n), rnd.randint(1, 40), rnd.randint(0, 9), rnd.randint(0, 4))
        for n in range(count)
        if n % 5 != 3
    ]


def comments() -> list[Comment]:
    at = MADE.timestamp()
    return [
        Comment(
            at - 60,
            "chatgpt-training-infrastructure",
            "ChatGPT在哪训练的" * 3,
            -1,
            "答非所问" * 20,
            7,
            -1001234567890,
        ),
        Comment(at - 120, None, "今天天气怎么样", 0, "x" * 120, 8, 8),
        Comment(at - 180, "chatgpt-definition", "什么是ChatGPT", 1, "<b>好</b>", 9, 9),
    ]


def busy_month() -> ReportData:
    days = history(dt.date(2026, 8, 22), 30)
    return ReportData(
        title="AI概念问答机器人 · 反馈报告",
        period=(days[0].day, days[-1].day),
        days=days,
        disliked=[
            EntryFeedback("chatgpt-training-infrastructure", 12, 1, 5),
            EntryFeedback("chatgpt-definition", 30, 8, 2),
        ],
        comments=comments(),
        groups=[
            Group(["今天天气怎么样", "今天的天气怎么样呀" * 4], [], 12, None, 0.0),
            Group(["GPT-5什么时候发布"], [], 3, "chatgpt-definition", 0.39),
        ],
        questions=QUESTIONS,
        generated=MADE,
    )


def long_history() -> ReportData:
    days = history(dt.date(2026, 1, 1), 260, seed=2)
    return ReportData(
        title="AI概念问答机器人 · 反馈报告",
        period=(days[0].day, days[-1].day),
        days=days,
        disliked=[],
        comments=[],
        groups=[],
        questions=QUESTIONS,
        generated=MADE,
    )


def empty_report() -> ReportData:
    return ReportData("AI概念问答机器人 · 反馈报告", None, [], [], [], [], {}, MADE)
