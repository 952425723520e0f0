"""`python -m bot feedback ...`: the admins' review of votes, comments and unanswered questions.

Each subcommand takes only the options that mean something to it: `prune` has no time window
and no --json, `export` has --format and no --json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bot.admin import AdminService, FeedbackReader
from bot.arguments import NO_END, days, moment
from bot.errors import BotError
from bot.feedback import Comment, rate, table
from bot.feedback_export import add_export_arguments, export, iso_time
from bot.review import Decided, Decision, ReviewService
from bot.settings import Settings


@dataclass(frozen=True)
class Review:
    """What the feedback subcommands work on; the root opens it (see bot.bootstrap)."""

    admin: AdminService
    """The use cases `summary` and `unanswered` share with /stats and /unanswered."""
    reader: FeedbackReader
    """The raw reviews: comments, export, report, prune."""
    questions: Callable[[], dict[str, str]]
    """Entry id -> question; raises a BotError when the knowledge cannot be loaded."""
    decisions: ReviewService | None = None
    """The review queue's decisions (/review): `review-log` lists them, `review-undo` undoes."""


Command = Callable[[Review, argparse.Namespace, Settings], Awaitable[int]]
OpenReview = Callable[[Path, Settings], AbstractAsyncContextManager[Review]]
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parser(sub: Any, open_review: OpenReview) -> None:
    """Register `feedback` and its subcommands, each with only the options it uses."""
    feedback = sub.add_parser(
        "feedback", help="查看投票、评论和没答上来的问题；导出、报告、清理", description="反馈。"
    )
    commands = feedback.add_subparsers(
        dest="feedback_command", required=True, title="子命令", metavar="命令"
    )
    for name, handler, text in (
        ("summary", summary, "每个条目：回答次数、👍、👎、好评率（最差的在前）"),
        ("comments", comments, "评论（最新的在前），附问题、条目、投票、谁、在哪"),
        ("unanswered", unanswered, "没答上来的问题，相似的归为一组，最常见的在前"),
    ):
        parser = _command(commands, name, text, handler, open_review, window=True)
        parser.add_argument("--json", action="store_true", help="输出 JSON 而不是表格")
    add_export_arguments(
        _command(commands, "export", "导出原始记录", export, open_review, window=True)
    )
    report_parser = _command(
        commands, "report", "生成一页 HTML 报告", report, open_review, window=True
    )
    report_parser.add_argument("--html", type=Path, required=True, help="要写入的 HTML 文件")
    prune_parser = _command(
        commands, "prune", "删除超过保留期的记录", prune, open_review, window=False
    )
    prune_parser.add_argument(
        "--older-than", type=days, required=True, metavar="天数", help="删除多少天以前的记录"
    )
    prune_parser.add_argument("--dry-run", action="store_true", help="只显示会删除多少，不删除")
    prune_parser.add_argument("--yes", action="store_true", help="不询问直接删除（供脚本使用）")
    log_parser = _command(
        commands,
        "review-log",
        "/review 的审核记录（最新的在前）",
        review_log,
        open_review,
        window=False,
    )
    log_parser.add_argument("--json", action="store_true", help="输出 JSON 而不是表格")
    undo_parser = _command(
        commands, "review-undo", "撤销一条审核记录", review_undo, open_review, window=False
    )
    undo_parser.add_argument("id", type=int, metavar="编号", help="review-log 里的编号")


def _command(
    commands: Any, name: str, text: str, handler: Command, open_review: OpenReview, *, window: bool
) -> argparse.ArgumentParser:
    """A subcommand with --db, and with the time window --since/--until where it applies."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=text, description=text)
    parser.add_argument("--db", type=Path, help="数据库文件（默认 BOT_DATABASE_PATH）")
    if window:
        parser.add_argument(
            "--since", type=moment, default=0.0, help="从这天开始（YYYY-MM-DD 或 ISO 时间，UTC）"
        )
        parser.add_argument(
            "--until", type=moment, default=NO_END, help="到这天之前为止（不含这天）"
        )
    parser.set_defaults(handler=_runner(handler, open_review))
    return parser


def _runner(
    command: Command, open_review: OpenReview
) -> Callable[[argparse.Namespace, Settings], int]:
    def run(args: argparse.Namespace, settings: Settings) -> int:
        return asyncio.run(_with_review(command, open_review, args, settings))

    return run


async def _with_review(
    command: Command, open_review: OpenReview, args: argparse.Namespace, settings: Settings
) -> int:
    path = Path(args.db or settings.database_path)
    if not path.is_file():
        where = "--db" if args.db else "BOT_DATABASE_PATH（环境变量或 .env），或用 --db"
        print(f"错误：找不到数据库 {path}（{path.absolute()}）：请设置 {where}", file=sys.stderr)
        return EXIT_FAILED
    async with open_review(path, settings) as review:
        return await command(review, args, settings)


def entry_questions(review: Review) -> dict[str, str]:
    """Entry id -> question, so that tables name what an entry is about; {} if unreadable."""
    try:
        return review.questions()
    except BotError:
        print("注意：知识库无法加载，表格里只有条目 id（kb check 会说原因）", file=sys.stderr)
        return {}


async def summary(review: Review, args: argparse.Namespace, settings: Settings) -> int:
    """Per entry, worst first, with totals."""
    entries = await review.admin.entry_feedback(args.since, args.until)
    questions = entry_questions(review)
    if args.json:
        _print_json(
            [
                {**asdict(e), "question": questions.get(e.entry_id), "helpful": e.helpful}
                for e in entries
            ]
        )
        return EXIT_OK
    rows: list[list[object]] = [
        [questions.get(e.entry_id, ""), e.entry_id, e.answered, e.up, e.down, rate(e.helpful)]
        for e in entries
    ]
    up, down = sum(e.up for e in entries), sum(e.down for e in entries)
    total = rate(up / (up + down) if up + down else None)
    rows.append(["总计", "", sum(e.answered for e in entries), up, down, total])
    print(table(["问题", "条目 id", "回答次数", "👍", "👎", "好评率"], rows))
    return EXIT_OK


async def comments(review: Review, args: argparse.Namespace, settings: Settings) -> int:
    """Each comment, newest first, with its question, entry, vote, who wrote it and where."""
    found = await review.reader.comments(args.since, args.until)
    if args.json:
        _print_json([{**asdict(c), "at": iso_time(c.at)} for c in found])
        return EXIT_OK
    votes = {1: "👍", -1: "👎", 0: ""}
    rows = [
        [_time(c.at), c.text, c.query, c.entry_id or "", votes[c.vote], c.user_id, where(c)]
        for c in found
    ]
    print(table(["时间", "评论", "问题", "条目 id", "投票", "用户", "对话"], rows))
    return EXIT_OK


def where(comment: Comment) -> str:
    """Private chat or which group (Telegram group ids are negative)."""
    return "私聊" if comment.chat_id > 0 else f"群 {comment.chat_id}"


async def unanswered(review: Review, args: argparse.Namespace, settings: Settings) -> int:
    """Similar unanswered questions grouped: the admin's to-do list."""
    groups = await review.admin.unanswered_groups(
        args.since, args.until, min_nearest=settings.suggest_threshold
    )
    if args.json:
        _print_json(
            [
                {
                    "count": g.count,
                    "examples": g.examples[:3],
                    "nearest": g.nearest,
                    "score": g.nearest_score if g.nearest else None,
                }
                for g in groups
            ]
        )
        return EXIT_OK
    questions = entry_questions(review)
    rows_out = [
        [
            g.count,
            " / ".join(g.examples[:3]),
            questions.get(g.nearest, "") if g.nearest else "",
            g.nearest or "",
            f"{g.nearest_score:.2f}" if g.nearest else "",
        ]
        for g in groups
    ]
    print(table(["次数", "例子", "最接近的条目", "条目 id", "分数"], rows_out))
    return EXIT_OK


async def report(review: Review, args: argparse.Namespace, settings: Settings) -> int:
    """Write the HTML report."""
    from bot.feedback_report import build_report

    if not args.html.parent.is_dir():
        print(f"错误：目录不存在：{args.html.parent}", file=sys.stderr)
        return EXIT_FAILED
    page = await build_report(review, args.since, args.until, settings)
    args.html.write_text(page, encoding="utf-8")
    print(f"报告已写入 {args.html}")
    return EXIT_OK


TABLE_NAMES = {
    "answers": "回答",
    "votes": "投票",
    "comments": "评论",
    "comment_requests": "评论请求",
    "chat_context": "对话上下文",
}


async def prune(review: Review, args: argparse.Namespace, settings: Settings) -> int:
    """Retention: delete answers, votes, comments and contexts older than the given days."""
    before = time.time() - args.older_than * 86400
    counts = await review.reader.count_before(before)
    what = _counts(counts)
    cutoff = _time(before)
    if args.dry_run:
        print(f"将删除 {cutoff} UTC 以前的记录：{what}（--dry-run：什么也没删）")
        return EXIT_OK
    if not sum(counts.values()):
        print(f"{cutoff} UTC 以前没有记录，什么也没删")
        return EXIT_OK
    if not args.yes and not _confirmed(f"将删除 {cutoff} UTC 以前的记录：{what}。确定吗？[y/N] "):
        return EXIT_USAGE
    print("已删除：" + _counts(await review.reader.prune(before)))
    return EXIT_OK


def _confirmed(question: str) -> bool:
    """Ask on a terminal; without one (a script, cron) refuse: deleting needs --yes there."""
    if not sys.stdin.isatty():
        print(
            "错误：没有终端可以确认删除；脚本里请加 --yes（先用 --dry-run 看会删多少）",
            file=sys.stderr,
        )
        return False
    answer = input(question).strip().lower()
    if answer not in ("y", "yes", "是"):
        print("没有删除任何记录", file=sys.stderr)
        return False
    return True


def _counts(counts: dict[str, int]) -> str:
    """Counts per table in one order (the store may report them in its deletion order)."""
    known = [name for name in TABLE_NAMES if name in counts]
    order = known + sorted(set(counts) - set(TABLE_NAMES))
    return "、".join(f"{TABLE_NAMES.get(name, name)} {counts[name]} 条" for name in order)


def _time(at: float) -> str:
    return dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y-%m-%d %H:%M")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# --- the review queue's log ----------------------------------------------------------------

DECISION_NAMES = {
    Decision.ADD: "加为问法",
    Decision.SKIP: "跳过",
    Decision.NOT_OURS: "不属于本知识库",
}


async def review_log(review: Review, args: argparse.Namespace, settings: Settings) -> int:
    """The decisions taken in /review, newest first, with what an undo would do."""
    found = await _decisions(review).decisions()
    if args.json:
        _print_json([_decided_json(d) for d in found])
        return EXIT_OK
    if not found:
        print("还没有审核记录：管理员在 Telegram 私聊里用 /review 做的决定会记在这里")
        return EXIT_OK
    rows = [
        [
            d.id,
            _time(d.decision.at),
            d.decision.admin_id,
            DECISION_NAMES[d.decision.decision],
            d.decision.query,
            d.decision.entry_id or "",
            f"已撤销 {_time(d.undone_at)}" if d.undone_at is not None else "",
        ]
        for d in found
    ]
    print(table(["编号", "时间", "管理员", "决定", "问题", "条目 id", "状态"], rows))
    return EXIT_OK


async def review_undo(review: Review, args: argparse.Namespace, settings: Settings) -> int:
    """Undo one decision: an added phrasing is taken out again, the question is pending again."""
    print(await _decisions(review).undo(args.id))
    return EXIT_OK


def _decisions(review: Review) -> ReviewService:
    if review.decisions is None:
        raise BotError("这里没有审核记录可查")
    return review.decisions


def _decided_json(decided: Decided) -> dict[str, Any]:
    done = decided.decision
    return {
        "id": decided.id,
        "at": iso_time(done.at),
        "admin_id": done.admin_id,
        "decision": done.decision.value,
        "source": done.source.value,
        "answer_id": done.answer_id,
        "query": done.query,
        "entry_id": done.entry_id,
        "file": done.file,
        "phrasing": done.phrasing,
        "undone_at": iso_time(decided.undone_at) if decided.undone_at is not None else None,
    }
