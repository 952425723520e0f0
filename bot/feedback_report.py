"""`feedback report`: gather what the HTML page shows from the answer log and the knowledge."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot.arguments import NO_END
from bot.feedback import Day, most_disliked
from bot.report_page import ReportData, render
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.feedback_commands import Review

TITLE = "AI概念问答机器人 · 反馈报告"


async def build_report(review: Review, since: float, until: float, settings: Settings) -> str:
    """The report page for answers logged in [since, until)."""
    questions = review.questions()
    queries = review.reader
    days = await queries.per_day(since, until)
    data = ReportData(
        title=TITLE,
        period=period(since, until, days),
        days=days,
        disliked=most_disliked(await queries.per_entry(since, until)),
        comments=await queries.comments(since, until),
        groups=await review.admin.unanswered_groups(
            since, until, min_nearest=settings.suggest_threshold
        ),
        questions=questions,
        generated=dt.datetime.now(dt.UTC),
    )
    return render(data)


def period(since: float, until: float, days: list[Day]) -> tuple[dt.date, dt.date] | None:
    """The days the report covers: the window asked for, else the days that have data."""
    first = _day(since) if since else min((d.day for d in days), default=None)
    last = _day(until - 1) if until < NO_END else max((d.day for d in days), default=None)
    if first is None and last is None:
        return None
    if first is None or last is None:  # one end given, no data: a period of one day up to it
        first = last = first or last or dt.datetime.now(dt.UTC).date()
    return first, max(first, last)


def _day(at: float) -> dt.date:
    return dt.datetime.fromtimestamp(at, dt.UTC).date()
