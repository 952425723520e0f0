"""`python -m bot feedback ...`: the admins' review of votes, comments and unanswered questions."""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import json
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.adapters.feedback_queries import FeedbackQueries
from bot.adapters.sqlite_store import SqliteStore
from bot.core.library import load_library
from bot.feedback import group_unanswered, html_report, rate, table, worst_first
from bot.settings import Settings

Command = Callable[[FeedbackQueries, argparse.Namespace, Settings], Awaitable[None]]


def add_parser(sub: Any) -> None:
    """Register `feedback` and its subcommands."""
    feedback = sub.add_parser("feedback", help="review votes, comments, unanswered questions")
    commands = feedback.add_subparsers(dest="feedback_command", required=True)
    for name, handler, text in (
        ("summary", summary, "per entry: answered, 👍, 👎, helpful rate (worst first)"),
        ("comments", comments, "comments with their question, entry and vote"),
        ("unanswered", unanswered, "similar unanswered questions grouped, most frequent first"),
        ("export", export, "the raw rows (answers, votes, comments)"),
        ("report", report, "one self-contained HTML page"),
        ("prune", prune, "delete what is older than --older-than DAYS"),
    ):
        parser = commands.add_parser(name, help=text)
        parser.add_argument("--db", type=Path, help="database file (default: BOT_DATABASE_PATH)")
        parser.add_argument("--since", type=_moment, default=0.0, help="YYYY-MM-DD or ISO time")
        parser.add_argument("--until", type=_moment, default=1e18, help="YYYY-MM-DD or ISO time")
        parser.add_argument("--json", action="store_true", help="JSON instead of a table")
        if name == "export":
            parser.add_argument("--format", choices=("csv", "json"), default="json")
        if name == "report":
            parser.add_argument("--html", type=Path, required=True, help="the page to write")
        if name == "prune":
            parser.add_argument("--older-than", type=float, required=True, metavar="DAYS")
        parser.set_defaults(handler=_runner(handler))


def _runner(command: Command) -> Callable[[argparse.Namespace, Settings], int]:
    def run(args: argparse.Namespace, settings: Settings) -> int:
        return asyncio.run(_with_store(command, args, settings))

    return run


async def _with_store(command: Command, args: argparse.Namespace, settings: Settings) -> int:
    path = args.db or settings.database_path
    if not Path(path).is_file():
        print(f"no database at {path}", file=sys.stderr)
        return 1
    store = await SqliteStore.open(path)
    try:
        await command(FeedbackQueries(store), args, settings)
    finally:
        await store.close()
    return 0


async def summary(queries: FeedbackQueries, args: argparse.Namespace, settings: Settings) -> None:
    """Per entry, worst first, with totals."""
    entries = worst_first(await queries.per_entry(args.since, args.until))
    if args.json:
        _print_json([{**asdict(e), "helpful": e.helpful} for e in entries])
        return
    rows: list[list[object]] = [
        [e.entry_id, e.answered, e.up, e.down, rate(e.helpful)] for e in entries
    ]
    up, down = sum(e.up for e in entries), sum(e.down for e in entries)
    rows.append(
        [
            "总计",
            sum(e.answered for e in entries),
            up,
            down,
            rate(up / (up + down) if up + down else None),
        ]
    )
    print(table(["条目", "回答次数", "👍", "👎", "好评率"], rows))


async def comments(queries: FeedbackQueries, args: argparse.Namespace, settings: Settings) -> None:
    """Each comment with its question, entry and vote."""
    found = await queries.comments(args.since, args.until)
    if args.json:
        _print_json([asdict(c) for c in found])
        return
    votes = {1: "👍", -1: "👎", 0: ""}
    print(
        table(
            ["时间", "条目", "问题", "投票", "评论"],
            [[_time(c.at), c.entry_id, c.query, votes[c.vote], c.text] for c in found],
        )
    )


async def unanswered(
    queries: FeedbackQueries, args: argparse.Namespace, settings: Settings
) -> None:
    """Similar unanswered questions grouped: the admin's to-do list."""
    normalise = load_library(settings.knowledge_dir).analyzer.normalise
    groups = group_unanswered(await queries.unanswered(args.since, args.until), normalise)
    if args.json:
        _print_json(
            [
                {
                    "count": g.count,
                    "examples": g.examples[:3],
                    "nearest": g.nearest,
                    "score": g.nearest_score,
                }
                for g in groups
            ]
        )
        return
    print(
        table(
            ["次数", "例子", "最接近的条目", "分数"],
            [
                [g.count, " / ".join(g.examples[:3]), g.nearest, f"{g.nearest_score:.2f}"]
                for g in groups
            ],
        )
    )


async def export(queries: FeedbackQueries, args: argparse.Namespace, settings: Settings) -> None:
    """The raw rows: JSON (one object of three lists) or CSV (a `table` column first)."""
    tables = await queries.export(args.since, args.until)
    if args.format == "json":
        _print_json(tables)
        return
    writer = csv.writer(sys.stdout)
    for name, rows in tables.items():
        if rows:
            writer.writerow(["table", *rows[0]])
        for row in rows:
            writer.writerow([name, *row.values()])


async def report(queries: FeedbackQueries, args: argparse.Namespace, settings: Settings) -> None:
    """Write the HTML report."""
    normalise = load_library(settings.knowledge_dir).analyzer.normalise
    page = html_report(
        title="AI概念问答机器人 · 反馈报告",
        per_day=await queries.per_day(args.since, args.until),
        worst=worst_first(await queries.per_entry(args.since, args.until)),
        groups=group_unanswered(await queries.unanswered(args.since, args.until), normalise),
    )
    args.html.write_text(page, encoding="utf-8")
    print(f"report written to {args.html}")


async def prune(queries: FeedbackQueries, args: argparse.Namespace, settings: Settings) -> None:
    """Retention: delete answers, votes, comments and contexts older than the given days."""
    counts = await queries.prune(time.time() - args.older_than * 86400)
    print(", ".join(f"{table_name}: {count} deleted" for table_name, count in counts.items()))


def _moment(text: str) -> float:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def _time(at: float) -> str:
    return dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y-%m-%d %H:%M")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))
