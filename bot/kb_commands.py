"""`python -m bot kb ...`: the admins' knowledge tools (check, test, add-alternative, import,
links)."""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from bot.arguments import accuracy
from bot.core.conversations import Scenario, is_conversations, scenarios_from
from bot.core.library import Library
from bot.core.search import Thresholds, Verdict
from bot.errors import BotError, KnowledgeError, Problem
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.converse import ServiceAt
    from bot.core.evaluation import Case

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

VERDICTS = {Verdict.ANSWER: "回答", Verdict.SUGGEST: "给出选项", Verdict.DECLINE: "拒答"}
LoadLibrary = Callable[[Settings, Path | None], Library]
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")


def describe(problem: Problem) -> str:
    """A knowledge problem with Chinese labels: file:line: 条目 id，字段 name：reason."""
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    what = "，".join(
        part
        for part in (
            f"条目 {problem.entry_id}" if problem.entry_id else "",
            f"字段 {problem.field}" if problem.field else "",
        )
        if part
    )
    # "file:line: " with an ASCII colon, the form editors and terminals turn into a link.
    return f"{where}: {what + '：' if what else ''}{problem.reason}"


def thresholds(settings: Settings) -> Thresholds:
    """The matcher's thresholds as the settings give them (the edit is judged as served)."""
    return Thresholds(
        answer=settings.answer_threshold,
        clear=settings.clear_answer_threshold,
        margin=settings.clear_answer_margin,
        suggest=settings.suggest_threshold,
        claim_lead=settings.claim_answer_lead,
        named_claim=settings.named_claim_answer_threshold,
    )


class KnowledgeDirMissing(BotError):
    """The knowledge directory is not where the settings say."""


def knowledge_directory(settings: Settings, directory: Path | None = None) -> Path:
    """The knowledge directory to use, or KnowledgeDirMissing saying where it looked."""
    path = Path(directory or settings.knowledge_dir)
    if path.is_dir():
        return path
    how = (
        "请检查命令里的目录"
        if directory
        else "在知识库所在的项目目录里运行，或设置 BOT_KNOWLEDGE_DIR（环境变量或 .env）"
    )
    raise KnowledgeDirMissing(f"找不到知识库目录 {path}（查找的是 {path.absolute()}）：{how}")


class CasesUnreadable(BotError):
    """The cases file of `kb test` is missing or malformed (the knowledge is not at fault)."""


def add_parser(sub: Any, load: LoadLibrary, service_at: Callable[[Settings], ServiceAt]) -> None:
    """Register `kb` and its subcommands; `load` loads the knowledge as the CLI configures it,
    `service_at` gives the chat service over a scratch database (for conversation cases)."""
    kb = sub.add_parser(
        "kb", help="知识库工具：检查、测试、添加问法、从文章起草", description="知识库工具。"
    ).add_subparsers(dest="kb_command", required=True, title="子命令", metavar="命令")

    check = kb.add_parser("check", help="检查知识库：格式、id、related、会被匹配到别处的问法")
    check.add_argument("directory", nargs="?", help="知识库目录（默认 BOT_KNOWLEDGE_DIR）")
    check.set_defaults(handler=lambda a, s: kb_check(a, s, load))

    test = kb.add_parser(
        "test", help="用测试用例衡量匹配准确率：问题→条目，或多轮对话（scenarios）"
    )
    test.add_argument(
        "cases",
        nargs="+",
        help="测试用例 YAML 文件，如 tests/cases/kb_cases.yaml 或 tests/conversations/"
        "first_conversations.yaml；可给多个（知识库只加载一次）",
    )
    test.add_argument(
        "--min-accuracy",
        type=accuracy,
        default=0.0,
        metavar="比例",
        help="任一文件低于它就失败（退出码 1）：0.97、97 或 97%% 都表示 97%%",
    )
    test.set_defaults(handler=lambda a, s: kb_test(a, s, load, service_at(s)))

    alternative = kb.add_parser(
        "add-alternative", help="给条目加一种问法（写回它的 YAML 文件，保留注释）"
    )
    alternative.add_argument("entry_id", help="条目的 id，如 chatgpt-maker")
    alternative.add_argument("question", help="新的问法，如 “恰特机器人出自哪家”")
    alternative.add_argument(
        "--force", action="store_true", help="即使匹配器会把它交给别的条目也添加"
    )
    alternative.set_defaults(handler=kb_add_alternative)

    links = kb.add_parser(
        "links", help="打印每个条目的深度链接（t.me/机器人?start=条目id），可置顶到群里"
    )
    links.add_argument(
        "--bot-username",
        required=True,
        type=bot_username,
        metavar="用户名",
        help="机器人的用户名，如 AiFaqBot",
    )
    links.set_defaults(handler=lambda a, s: kb_links(a, s, load))

    imp = kb.add_parser("import", help="从文章（纯文本）起草条目，供人工整理")
    imp.add_argument("articles", nargs="+", help="文章文件，UTF-8 纯文本")
    imp.add_argument("--out", type=Path, help="写入这个 YAML 文件（默认打印出来）")
    imp.add_argument("--force", action="store_true", help="--out 的文件已存在时覆盖它")
    imp.set_defaults(handler=lambda a, s: kb_import(a, s, load))


def kb_check(args: argparse.Namespace, settings: Settings, load: LoadLibrary) -> int:
    """Validate the knowledge: schema, ids, related, answers, phrasings routed elsewhere, and
    sentences that two answers share."""
    from bot.core.evaluation import find_collisions, find_shared_sentences

    library = load(settings, Path(args.directory) if args.directory else None)
    problems = find_collisions(library) + find_shared_sentences(library.entries)
    for problem in problems:
        print(describe(problem))
    print(
        f"{len(library.entries)} 个条目，{len(library.topics)} 个主题，"
        f"{sum(len(e.phrasings) for e in library.entries)} 种问法：{len(problems)} 个问题"
    )
    return EXIT_FAILED if problems else EXIT_OK


def kb_test(
    args: argparse.Namespace, settings: Settings, load: LoadLibrary, service_at: ServiceAt
) -> int:
    """Run question -> expected entry cases, or conversations; report accuracy, every miss, and
    why it failed.

    Several files are read first (one unreadable stops all) and judged with the knowledge
    loaded once, each against the floor: a dozen sets cost one start, not a dozen."""
    suites = [(Path(name), _read_cases(Path(name))) for name in args.cases]
    library = load(settings, None)
    results = []
    for cases_path, cases in suites:
        if len(suites) > 1:
            print(f"== {cases_path}")
        if cases and isinstance(cases[0], Scenario):
            results.append(_test_conversations(library, cases, args.min_accuracy, service_at))
        else:
            results.append(_test_cases(library, cast("list[Case]", cases), args.min_accuracy))
    return EXIT_OK if all(results) else EXIT_FAILED


def _read_cases(cases_path: Path) -> list[Case] | list[Scenario]:
    """A cases file's question cases or conversations, or CasesUnreadable saying which file and
    why in one line."""
    from bot.core.evaluation import cases_from, read_cases_file

    if not cases_path.is_file():
        raise CasesUnreadable(f"找不到测试用例文件：{cases_path}")
    try:
        data = read_cases_file(cases_path)
        if is_conversations(data):
            return scenarios_from(cases_path, data)
        return cases_from(cases_path, data)
    except KnowledgeError as exc:
        raise CasesUnreadable(f"测试用例文件无法读取：{_cases_problem(cases_path, exc)}") from exc


def _test_conversations(
    library: Library, scenarios: list[Scenario], min_accuracy: float, service_at: ServiceAt
) -> bool:
    """Play one file's conversations, each on a scratch database; print every failing turn and
    the totals; whether the share of scenarios passed keeps the floor."""
    from bot.converse import play

    with tempfile.TemporaryDirectory(prefix="kb-test-") as directory:
        played = asyncio.run(play(scenarios, library, service_at, Path(directory)))
    for result in played:
        for failure in result.failures:
            print(f"未通过  对话「{result.scenario.name}」{failure}")
    passed = sum(result.passed for result in played)
    share = passed / len(played)
    turns = sum(len(scenario.turns) for scenario in scenarios)
    summary = f"{len(played)} 个对话（{turns} 轮）：通过 {passed} 个（{share:.1%}）"
    return _keeps_floor(summary, "通过率", share, min_accuracy)


def _test_cases(library: Library, cases: list[Case], min_accuracy: float) -> bool:
    """Print one file's misses, per-style line and totals; whether it keeps the floor."""
    from bot.core.evaluation import NO_STYLE, run_cases, unknown_expectations

    unknown = unknown_expectations(library, cases)
    if unknown:
        print(f"失败：测试用例期望的条目在知识库里没有：{', '.join(unknown)}", file=sys.stderr)
        return False
    report = run_cases(library, cases)
    for miss in report.misses:
        wanted = f"其中之一 {list(miss.case.any)}" if miss.case.any else miss.case.expect
        print(
            f"未命中  {miss.case.question!r}：期望 {wanted}，得到 {miss.got}"
            f"（{VERDICTS[miss.verdict]}，{miss.score:.2f}）"
        )
    styles = report.by_style()
    if any(case.style != NO_STYLE for case in cases):
        print("按风格：" + "，".join(f"{k} {p}/{n}" for k, (p, n) in styles.items()))
    # A part only for the kind of case the file has: a file of on-topic cases has no refusals.
    parts = [
        f"{label} {report.accuracy_of(off_topic=off_topic):.1%}"
        for label, off_topic in (("知识库内", False), ("知识库外正确拒答", True))
        if any(case.on_topic != off_topic for case in cases)
    ]
    summary = f"{len(cases)} 个用例：准确率 {report.accuracy:.1%}（{'，'.join(parts)}）"
    misses = f"（{len(report.misses)} 个未命中，见上）"
    return _keeps_floor(summary, "准确率", report.accuracy, min_accuracy, misses)


def _keeps_floor(
    summary: str, measure: str, share: float, min_accuracy: float, detail: str = ""
) -> bool:
    """Print a file's totals with the floor; whether the share keeps it (else say so on stderr)."""
    print(summary + (f"；要求至少 {min_accuracy:.1%}" if min_accuracy else ""))
    if share < min_accuracy:
        print(f"失败：{measure} {share:.1%} 低于要求的 {min_accuracy:.1%}{detail}", file=sys.stderr)
        return False
    return True


def _cases_problem(path: Path, error: KnowledgeError) -> str:
    """One line: the YAML parser's reason and line when it was the parser, else the problem."""
    cause = error.__cause__
    reason, mark = getattr(cause, "problem", None), getattr(cause, "problem_mark", None)
    if reason and mark is not None:
        return f"{path}:{mark.line + 1}: {reason}"
    return " ".join(describe(error.problems[0]).split())


def kb_add_alternative(args: argparse.Namespace, settings: Settings) -> int:
    """Add a way of asking to an entry, in its YAML file, keeping comments and layout."""
    from bot.knowledge_edit import add_alternative

    added = add_alternative(
        knowledge_directory(settings),
        args.entry_id,
        args.question,
        force=args.force,
        thresholds=thresholds(settings),
    )
    print(f"已添加到 {added.entry_id}（{added.file}）；运行中的机器人会自动重新加载")
    if added.routed_to != added.entry_id:
        print(
            f"注意（--force）：匹配器目前会把它交给 {added.routed_to or '无'}，"
            "kb check 会报告它；请调整条目的 keywords",
            file=sys.stderr,
        )
    return EXIT_OK


def bot_username(value: str) -> str:
    """A Telegram bot username (5-32 letters, digits and _), with or without its @."""
    name = value.strip().removeprefix("@")
    if not USERNAME.fullmatch(name):
        raise argparse.ArgumentTypeError(
            f"{value!r} 不是机器人用户名（5 到 32 个字母、数字或下划线，如 AiFaqBot）"
        )
    return name


def kb_links(args: argparse.Namespace, settings: Settings, load: LoadLibrary) -> int:
    """Print every entry's deep link with its question, topic by topic."""
    from bot.core.browse import DEEP_LINK_PAYLOAD, DEEP_LINK_TOPICS, deep_link

    library = load(settings, None)
    print(f"{deep_link(args.bot_username, DEEP_LINK_TOPICS)}  按主题浏览")
    refused = [e.id for e in library.entries if not DEEP_LINK_PAYLOAD.fullmatch(e.id)]
    for entry in library.entries:
        if entry.id not in refused:
            print(f"{deep_link(args.bot_username, entry.id)}  {entry.question}")
    for entry_id in refused:
        print(
            f"错误：条目 id {entry_id} 不能用作链接（最多 64 个字母、数字、_ 或 -）",
            file=sys.stderr,
        )
    return EXIT_FAILED if refused else EXIT_OK


def kb_import(args: argparse.Namespace, settings: Settings, load: LoadLibrary) -> int:
    """Draft entries from article text files for an admin to curate."""
    from bot.core.ingest import draft_entries, render_drafts

    out: Path | None = args.out
    if out is not None and out.exists() and not args.force:
        print(f"错误：{out} 已经存在；要覆盖它，加 --force", file=sys.stderr)
        return EXIT_USAGE
    articles = [(Path(path), Path(path).read_text(encoding="utf-8")) for path in args.articles]
    tokenize = load(settings, None).analyzer.tokenise
    drafts = []
    for path, text in articles:
        drafts.extend(draft_entries(text, path.name, tokenize=tokenize))
    rendered = render_drafts(drafts)
    if out is None:
        print(rendered)
    else:
        out.write_text(rendered, encoding="utf-8")
        print(f"{len(drafts)} 个草稿条目已写入 {out}")
    return EXIT_OK
