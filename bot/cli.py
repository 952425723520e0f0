"""The composition root: reads Settings once, builds the objects, runs a subcommand.

The wiring of the long-lived objects (the store, the services, the Telegram application, the
feedback review) is in bot.bootstrap, which this module calls.

The subcommands live with their use: `ask`, `chat` and `run` here, `kb` in kb_commands,
`feedback` in feedback_commands; the parser speaks Chinese (bot.arguments).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from bot import bootstrap, feedback_commands, kb_commands
from bot.arguments import Parser
from bot.bootstrap import build_library, dialogue_config
from bot.core import facts, intent, naming
from bot.core.facts import Fact
from bot.core.focus import with_pauses_marked
from bot.core.library import Library
from bot.core.search import SUBJECT_TIE, Hit, Match, Thresholds, Verdict
from bot.errors import BotError, KnowledgeError
from bot.kb_commands import describe
from bot.settings import Settings, describe_invalid

if TYPE_CHECKING:
    from bot.converse import ServiceAt
    from bot.service import ChatService

log = logging.getLogger("bot")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


ADMIN_HELP = """\
AI概念问答机器人：在 Telegram 上用中文回答 AI 概念问题，也可以在终端里试用和维护。

不加命令时：配置了 BOT_TELEGRAM_TOKEN 就运行 Telegram 机器人，否则打开本地对话。
设置来自环境变量或 .env（BOT_KNOWLEDGE_DIR、BOT_DATABASE_PATH 等，见 .env.example）。

管理员的日常：
  python -m bot feedback unanswered          看机器人没答上来的问题（按相似分组）
  python -m bot kb add-alternative ID "问法"  把一种新问法加到条目里（运行中的机器人自动重新加载）
  python -m bot feedback report --html r.html 生成一页报告：提问量、投票、最差条目、评论
每个命令都有 --help。"""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m bot` and the `ai-concepts-bot` script."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"错误：设置无效：{describe_invalid(exc)}", file=sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    handler = getattr(args, "handler", None) or (run if settings.has_token else chat)
    if handler is chat and not hasattr(args, "json"):
        args = build_parser().parse_args(["chat"])
    return _run_handler(handler, args, settings)


def _run_handler(
    handler: Callable[[argparse.Namespace, Settings], int],
    args: argparse.Namespace,
    settings: Settings,
) -> int:
    """Run a subcommand; an expected failure is one line on stderr and exit code 1."""
    try:
        return int(handler(args, settings))
    except KnowledgeError as exc:
        head = f"错误：知识库无法加载（{len(exc.problems)} 处问题）："
        lines = [head, *(f"  {describe(p)}" for p in exc.problems)]
        print("\n".join(lines), file=sys.stderr)
    except BotError as exc:
        print(f"错误：{exc}", file=sys.stderr)
    except BrokenPipeError:
        _silence_stdout()  # the reader (`| head`) has enough: stop quietly, as cat does
    except OSError as exc:
        print(f"错误：{describe_os_error(exc)}", file=sys.stderr)
    except KeyboardInterrupt:
        return EXIT_OK
    return EXIT_FAILED


def describe_os_error(exc: OSError) -> str:
    """A file error in one Chinese line: the path and what is wrong with it."""
    reasons = {
        errno.ENOENT: "文件或目录不存在",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.EISDIR: "这是一个目录，不是文件",
        errno.ENOTDIR: "路径中有一段不是目录",
        errno.ENOSPC: "磁盘已满",
        errno.EROFS: "文件系统只读",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"{exc.filename}：{reason}" if exc.filename else reason


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


# --- ask -----------------------------------------------------------------------------------


def ask(args: argparse.Namespace, settings: Settings) -> int:
    """Print the answer to one question, or to each line of stdin with "-"."""
    if not args.question.strip():
        print('错误：请给出一个问题，例如 python -m bot ask "什么是大模型？"', file=sys.stderr)
        return EXIT_USAGE
    library = build_library(settings)
    questions = sys.stdin if args.question == "-" else [args.question]
    for question in questions:
        question = question.rstrip("\n")
        if args.explain:
            print(explain(library, question), flush=True)
            continue
        result = ask_result(library, question)
        if args.json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            print(result["answer"], flush=True)
    return EXIT_OK


def ask_result(library: Library, question: str) -> dict[str, Any]:
    """The JSON object `ask --json` prints."""
    from bot.core import phrases

    if not question.strip():
        return _unmatched(ASK_FOR_A_QUESTION, 0.0, [])
    kind = intent.classify(library.analyzer.normalise(question))
    if kind in intent.SMALL_TALK:
        return _unmatched(phrases.small_talk(kind, phrases.EXAMPLE_QUESTIONS), 0.0, [])
    if kind is not intent.Intent.QUESTION:  # 继续, 为什么 or 换个话题, with no chat to go on
        return _unmatched(phrases.nothing_to_continue([t.name for t in library.topics]), 0.0, [])
    match = library.match(with_pauses_marked(question))
    best = match.best
    suggestions = (
        [_suggestion(hit) for hit in match.hits] if match.verdict is Verdict.SUGGEST else []
    )
    if match.verdict is Verdict.ANSWER and best is not None and best.not_in_sources:
        text = phrases.not_in_sources(
            best.entry.answer, asked_of=best.asked_of, unsaid=best.leaves_out_what_is_asked
        )
        return {**_unmatched(text, best.score, []), "declined_by": best.entry.id}
    if match.verdict is Verdict.ANSWER and best is not None:
        return {
            "matched": True,
            "entry_id": best.entry.id,
            "score": best.score,
            "question": best.entry.question,
            "answer": best.entry.answer,
            "suggestions": suggestions,
        }
    if match.verdict is Verdict.SUGGEST:
        text = _did_you_mean([hit.entry.question for hit in match.hits])
    else:
        text = phrases.decline([t.name for t in library.topics], phrases.EXAMPLE_QUESTIONS)
    return _unmatched(text, best.score if best else 0.0, suggestions)


ASK_FOR_A_QUESTION = "请输入一个问题，比如“什么是大模型？”"


def _did_you_mean(questions: Sequence[str]) -> str:
    """Did-you-mean for the command line, which has no buttons to press."""
    lines = "\n".join(f"{i}. {q}" for i, q in enumerate(questions, start=1))
    return f"我不太确定你想问的是哪一个，是下面这些吗？\n{lines}\n\n可以用其中一个问题再问一次。"


def _unmatched(text: str, score: float, suggestions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "matched": False,
        "entry_id": None,
        "score": score,
        "question": None,
        "answer": text,
        "suggestions": suggestions,
    }


def _suggestion(hit: Hit) -> dict[str, Any]:
    return {"entry_id": hit.entry.id, "question": hit.entry.question, "score": hit.score}


def explain(library: Library, question: str) -> str:
    """The normalised text, the tokens and the top 5 candidates with their component scores."""
    question = with_pauses_marked(question)
    reading = library.read(question)
    hits = library.search(question, limit=5)
    match = library.match(question)
    limits = library.thresholds
    tokens = list(reading.tokens)
    asked = _asked(tokens, library, english=reading.english)
    banter = library.index.is_banter(tokens)
    lines = [
        f"问题      {question}",
        *(
            [f"问句      {reading.focus}（长消息只看提问的部分）"]
            if reading.focus != question
            else []
        ),
        f"规范化    {reading.normalised}"
        + ("（英文问句）" if reading.english else "")
        + ("（求证一个说法）" if reading.claim else ""),
        *([f"纠错      {reading.corrected}"] if reading.corrected != reading.normalised else []),
        f"分词      {' / '.join(tokens) or '(无)'}",
        *(
            [f"除去      {' / '.join(reading.set_aside)}（“除了”之后：不是问的）"]
            if reading.set_aside
            else []
        ),
        *([f"问的是    {'、'.join(asked)}"] if asked else []),
        *([f"改问      {match.asked}（整条消息没有把握：只看这一问）"] if match.asked else []),
        *(
            [f"描述      {match.described}（问的是所描述概念的名字：在定义条目的回答里找）"]
            if match.described
            else []
        ),
        f"判定      {_verdict(match)}（{_why(match, limits, banter=banter)}）",
        # The component names are those of the score formula in the README; fact and head say
        # whether the entry holds the kind of fact asked for and knows the word asked about;
        # terms counts the domain terms asked about that the entry never mentions.
        "候选      score  coverage  grams  fuzzy  names  terms  subject  fact  head  "
        "条目 / 最接近的问法",
    ]
    for hit in hits:
        lines.append(
            f"          {hit.score:.3f}  {hit.coverage:8.3f}  {hit.gram_coverage:5.2f}  "
            f"{hit.fuzzy:5.2f}  {hit.missing_names:5d}  {hit.missing_terms:5d}  "
            f"{_yes(hit.subject_named):>6}  "
            f"{_yes(hit.fact_held):>3}  {_yes(hit.head_known):>3}  {hit.entry.id} / {hit.phrasing}"
        )
    return "\n".join(lines)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _asked(tokens: list[str], library: Library, *, english: bool) -> list[str]:
    """What the question form asks for, as explain shows it: a number, a date, a word."""
    wanted = facts.asked(tokens)
    names = (
        (Fact.NUMBER, "数字"),
        (Fact.DATE, "日期"),
        (Fact.MONEY, "金额"),
        (Fact.MAKER, "开发者"),
        (Fact.DURATION, "时长"),
        (Fact.DAY, "哪一天"),
        (Fact.COUNTRY, "国家"),
        (Fact.PLACE, "在哪运行"),
        (Fact.PICKS, "推荐或建议（文章不给）"),
        (Fact.NAMER, "谁起的名（文章不给）"),
    )
    kinds = [name for fact, name in names if fact & wanted]
    words = library.index.heads(tokens, english=english)
    return [*kinds, *(f"“{word}”" for word in words)]


def _verdict(match: Match) -> str:
    if match.verdict is Verdict.ANSWER and match.answered is None:
        return "拒答"  # an entry that says the articles do not answer this
    return kb_commands.VERDICTS[match.verdict]


def _why(match: Match, limits: Thresholds, *, banter: bool = False) -> str:
    """The rule that decided, in the words of the README's Matching section."""
    if match.best is None and banter:
        return "问的是把它当人的闲聊（性别、年龄、住处、长相、心情……），没有条目回答"
    if match.best is None:
        return "没有任何条目含有这句话的词"
    score = match.best.score
    if match.verdict is Verdict.ANSWER and match.best.asked_of:
        asked_of = match.best.asked_of
        return f"最接近的条目 {score:.2f} 只有文章写作时的数字，问的是{asked_of}：以拒答给出它"
    if match.verdict is Verdict.ANSWER and match.best.unsaid:
        unsaid = match.best.unsaid
        return f"最接近的条目 {score:.2f} 说文章没有给出问的东西（“{unsaid}”）：以拒答给出它"
    if match.verdict is Verdict.ANSWER and match.best.entry.declines:
        return f"最接近的条目 {score:.2f} 说明文章没有回答这个问题：以拒答给出它"
    if match.verdict is Verdict.ANSWER and match.described:
        return f"定义条目的回答说了描述的 {score:.0%}，领先下一个定义至少 {naming.NAMED_MARGIN:.0%}"
    if match.verdict is Verdict.ANSWER:
        if score >= limits.answer:
            return f"最高分 {score:.2f} ≥ 回答线 {limits.answer}"
        if score >= limits.clear:
            return f"最高分 {score:.2f} ≥ {limits.clear}，且领先第二名至少 {limits.margin}"
        # Below `clear` only a claim is answered: on its lead (see `search.answers`).
        if score < limits.suggest:
            return (
                f"求证一个说法，且说到了条目的主题：最高分 {score:.3f} ≥ {limits.named_claim}，"
                f"且领先第二名至少 {limits.claim_lead}"
            )
        return (
            f"求证一个说法：最高分 {score:.3f} ≥ 建议线 {limits.suggest}，"
            f"且领先第二名至少 {limits.claim_lead}"
        )
    if match.verdict is Verdict.SUGGEST and match.best.stray and score >= limits.clear:
        return (
            f"最高分 {score:.2f}，但问题问的东西没有条目讲到（与最接近的条目只有寻常词相同，"
            "问一个事实而只有主题相同，问到一个没有条目提过的术语，"
            "或问一个主题能不能做没有条目提过的事）：不回答，给出“你是不是想问”"
        )
    if match.verdict is Verdict.SUGGEST and match.best.subject_open and score >= limits.clear:
        return (
            f"最高分 {score:.2f}，但问题没有说是哪个主题，几个主题的条目同样贴近"
            f"（领先不到 {SUBJECT_TIE}）：不回答，给出“你是不是想问”（对话里按当前话题理解）"
        )
    if match.verdict is Verdict.SUGGEST:
        return f"最高分 {score:.2f} 不够确定：给出“你是不是想问”"
    return f"最高分 {score:.2f} < 建议线 {limits.suggest}：礼貌拒答"


# --- chat and run --------------------------------------------------------------------------


def chat(args: argparse.Namespace, settings: Settings) -> int:
    """The local chat in the terminal (or JSON lines with --json)."""
    return asyncio.run(_chat(args, settings))


async def _chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.console import ConsoleChat
    from bot.adapters.sqlite.chat_store import SqliteStore
    from bot.service import ChatService

    library = build_library(settings)
    store = await SqliteStore.open(args.db or local_chat_database(settings))
    try:
        service = ChatService(store, lambda: library, dialogue_config(settings))
        console = ConsoleChat(service, chat_id=args.chat)
        if args.json:
            await console.json_lines(sys.stdin)
        else:
            await console.interactive()
    finally:
        await store.close()
    return EXIT_OK


def scratch_service(settings: Settings) -> ServiceAt:
    """The chat service over a database file, as `kb test` plays conversations on it."""

    @contextlib.asynccontextmanager
    async def service_at(library: Library, path: Path) -> AsyncIterator[ChatService]:
        from bot.adapters.sqlite.chat_store import SqliteStore
        from bot.service import ChatService

        store = await SqliteStore.open(path)
        try:
            yield ChatService(store, lambda: library, dialogue_config(settings))
        finally:
            await store.close()

    return service_at


def local_chat_database(settings: Settings) -> Path:
    """The local chat's own database, next to the bot's: trying things out stays out of /stats."""
    return Path(settings.database_path).with_name("local-chat.sqlite3")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """The Telegram bot."""
    problem = settings.token_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    serve_telegram(settings)
    return EXIT_OK


def serve_telegram(settings: Settings, **adapter_options: Any) -> None:
    """The Telegram bot with live knowledge; end-to-end tests add a request class."""
    bootstrap.serve_telegram(settings, **adapter_options)


# --- the parser ----------------------------------------------------------------------------


def _version() -> str:
    try:
        return version("ai-concepts-bot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "未安装"


def build_parser() -> argparse.ArgumentParser:
    """The command line of `python -m bot`, every subcommand and option."""
    parser = Parser(prog="python -m bot", description=ADMIN_HELP)
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {_version()}", help="显示版本并退出"
    )
    sub = parser.add_subparsers(dest="command", title="命令", metavar="命令")
    ask_parser = sub.add_parser("ask", help="回答一个问题（- 表示逐行读标准输入）")
    ask_parser.add_argument("question", help="问题，或 - 从标准输入每行读一个")
    ask_parser.add_argument("--json", action="store_true", help="每个问题输出一个 JSON 对象")
    ask_parser.add_argument(
        "--explain", action="store_true", help="显示匹配过程：规范化、分词、前 5 个候选的分数"
    )
    ask_parser.set_defaults(handler=ask)
    chat_parser = sub.add_parser("chat", help="在终端里和机器人对话（本地试用）")
    chat_parser.add_argument(
        "--db", type=Path, help="数据库文件（默认：BOT_DATABASE_PATH 旁边的 local-chat.sqlite3）"
    )
    chat_parser.add_argument("--chat", type=int, default=1, help="对话 id（默认 1；负数是群）")
    chat_parser.add_argument("--json", action="store_true", help="逐行读写 JSON，供脚本使用")
    chat_parser.set_defaults(handler=chat)
    sub.add_parser("run", help="运行 Telegram 机器人（需要 BOT_TELEGRAM_TOKEN）").set_defaults(
        handler=run
    )
    kb_commands.add_parser(sub, build_library, scratch_service)
    feedback_commands.add_parser(sub, bootstrap.open_review)
    return parser
