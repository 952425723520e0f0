"""The composition root: reads Settings once, builds the objects, runs a subcommand.

python -m bot                 Telegram bot if a token is configured, else the local chat
python -m bot chat            the local chat (--json for scripts)
python -m bot run             the Telegram bot
python -m bot ask "问题"       one answer (--json, --explain; "-" reads stdin lines)
python -m bot kb check|test|import|add-alternative
python -m bot feedback summary|comments|unanswered|export|report|prune
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot import feedback_commands
from bot.core.dialogue import DialogueConfig
from bot.core.library import Library, load_library
from bot.core.search import Hit, Thresholds, Verdict
from bot.errors import BotError, KnowledgeError
from bot.live_knowledge import ReloadReport
from bot.settings import Settings

log = logging.getLogger("bot")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m bot` and the `ai-concepts-bot` script."""
    args = _parser().parse_args(argv)
    try:
        settings = Settings()
    except ValidationError as exc:
        print(f"错误：配置无效 / invalid settings:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    handler = getattr(args, "handler", None) or (run if settings.has_token else chat)
    if handler is chat and not hasattr(args, "json"):
        args = _parser().parse_args(["chat"])
    try:
        return int(handler(args, settings))
    except KnowledgeError as exc:
        print(f"知识库无法加载 / the knowledge cannot be loaded:\n{exc}", file=sys.stderr)
        return EXIT_FAILED
    except BotError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_OK


def build_library(settings: Settings, directory: Path | None = None) -> Library:
    """Load the knowledge with the thresholds from the settings."""
    thresholds = Thresholds(
        answer=settings.answer_threshold,
        clear=settings.clear_answer_threshold,
        margin=settings.clear_answer_margin,
        suggest=settings.suggest_threshold,
    )
    return load_library(directory or settings.knowledge_dir, thresholds=thresholds)


def dialogue_config(settings: Settings) -> DialogueConfig:
    """The conversation knobs from the settings."""
    return DialogueConfig(
        page_size=settings.page_size, ttl_seconds=settings.context_ttl_minutes * 60
    )


# --- ask -----------------------------------------------------------------------------------


def ask(args: argparse.Namespace, settings: Settings) -> int:
    """Print the answer to one question, or to each line of stdin with "-"."""
    library = build_library(settings)
    questions = sys.stdin if args.question == "-" else [args.question]
    for question in questions:
        question = question.rstrip("\n")
        if args.explain:
            print(explain(library, question))
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

    match = library.match(question)
    best = match.best
    suggestions = (
        [_suggestion(hit) for hit in match.hits] if match.verdict is Verdict.SUGGEST else []
    )
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
        text = phrases.suggest([hit.entry.question for hit in match.hits])
    else:
        text = phrases.decline([t.name for t in library.topics], phrases.EXAMPLE_QUESTIONS)
    return {
        "matched": False,
        "entry_id": None,
        "score": best.score if best else 0.0,
        "question": None,
        "answer": text,
        "suggestions": suggestions,
    }


def _suggestion(hit: Hit) -> dict[str, Any]:
    return {"entry_id": hit.entry.id, "question": hit.entry.question, "score": hit.score}


def explain(library: Library, question: str) -> str:
    """The normalised text, the tokens and the top 5 candidates with their component scores."""
    analyzer = library.analyzer
    hits = library.search(question, limit=5)
    match = library.match(question)
    lines = [
        f"问题      {question}",
        f"规范化    {analyzer.normalise(question)}",
        f"分词      {' / '.join(analyzer.tokenise(question)) or '(无)'}",
        f"判定      {match.verdict.value}  (answer ≥ {library.thresholds.answer}, "
        f"suggest ≥ {library.thresholds.suggest})",
        "候选      score  coverage  grams  fuzzy   bm25  entry / best phrasing",
    ]
    for hit in hits:
        lines.append(
            f"          {hit.score:.3f}  {hit.coverage:8.3f}  {hit.gram_coverage:5.2f}  "
            f"{hit.fuzzy:5.2f}  {hit.bm25:5.2f}  {hit.entry.id} / {hit.phrasing}"
        )
    return "\n".join(lines)


# --- chat and run --------------------------------------------------------------------------


def chat(args: argparse.Namespace, settings: Settings) -> int:
    """The local chat in the terminal (or JSON lines with --json)."""
    return asyncio.run(_chat(args, settings))


async def _chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.console import ConsoleChat
    from bot.adapters.sqlite_store import SqliteStore
    from bot.service import ChatService

    library = build_library(settings)
    store = await SqliteStore.open(args.db or settings.database_path)
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
    from bot.adapters.telegram_app import run_bot
    from bot.live_knowledge import LiveLibrary

    live = LiveLibrary(Path(settings.knowledge_dir), build_library(settings))

    async def reload() -> str:
        return (await live.reload()).summary()

    async def watch(notify: Callable[[str], Awaitable[None]]) -> None:
        async def report(outcome: ReloadReport) -> None:
            await notify(outcome.summary())

        await live.watch(report)

    run_bot(
        settings,
        live.current,
        dialogue=dialogue_config(settings),
        reload=reload,
        watch=watch if settings.watch_knowledge else None,
        **adapter_options,
    )


# --- kb ------------------------------------------------------------------------------------


def kb_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate the knowledge: schema, ids, related, answers, phrasings routed elsewhere, and
    sentences that two answers share."""
    from bot.core.evaluation import find_collisions, find_shared_sentences

    directory = Path(args.directory or settings.knowledge_dir)
    library = build_library(settings, directory)
    problems = find_collisions(library) + find_shared_sentences(library.entries)
    for problem in problems:
        print(problem)
    print(
        f"{len(library.entries)} entries in {len(library.topics)} topics, "
        f"{sum(len(e.phrasings) for e in library.entries)} phrasings: "
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    )
    return EXIT_FAILED if problems else EXIT_OK


def kb_test(args: argparse.Namespace, settings: Settings) -> int:
    """Run question -> expected entry cases and report accuracy and every miss."""
    from bot.core.evaluation import load_cases, run_cases, unknown_expectations

    library = build_library(settings)
    cases = load_cases(args.cases)
    unknown = unknown_expectations(library, cases)
    if unknown:
        print(
            f"cases expect entries the knowledge does not have: {', '.join(unknown)}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    report = run_cases(library, cases)
    for miss in report.misses:
        wanted = f"one of {list(miss.case.any)}" if miss.case.any else miss.case.expect
        print(
            f"MISS  {miss.case.question!r}: expected {wanted}, got {miss.got} "
            f"({miss.verdict.value}, {miss.score:.2f})"
        )
    styles = report.by_style()
    if len(styles) > 2:
        print("by style: " + ", ".join(f"{k} {p}/{n}" for k, (p, n) in styles.items()))
    print(
        f"{len(cases)} cases: accuracy {report.accuracy:.1%} "
        f"(on-topic {report.accuracy_of(off_topic=False):.1%}, "
        f"off-topic declined {report.accuracy_of(off_topic=True):.1%}); "
        f"minimum {args.min_accuracy:.1%}"
    )
    return EXIT_OK if report.accuracy >= args.min_accuracy else EXIT_FAILED


def kb_add_alternative(args: argparse.Namespace, settings: Settings) -> int:
    """Add a way of asking to an entry, in its YAML file, keeping comments and layout."""
    from bot.knowledge_edit import add_alternative

    added = add_alternative(Path(settings.knowledge_dir), args.entry_id, args.question)
    print(f"added to {added.entry_id} in {added.file}")
    if added.routed_to != added.entry_id:
        print(
            f"note: the matcher answers it with {added.routed_to or 'no entry'} for now; "
            "check the entry's keywords",
            file=sys.stderr,
        )
    return EXIT_OK


def kb_import(args: argparse.Namespace, settings: Settings) -> int:
    """Draft entries from article text files for an admin to curate."""
    from bot.core.ingest import draft_entries, render_drafts

    tokenize = build_library(settings).analyzer.tokenise
    drafts = []
    for path in args.articles:
        text = Path(path).read_text(encoding="utf-8")
        drafts.extend(draft_entries(text, Path(path).name, tokenize=tokenize))
    text = render_drafts(drafts)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"{len(drafts)} draft entries written to {args.out}")
    else:
        print(text)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command")
    ask_parser = sub.add_parser("ask", help="answer one question (or '-' for stdin lines)")
    ask_parser.add_argument("question")
    ask_parser.add_argument("--json", action="store_true", help="one JSON object per question")
    ask_parser.add_argument("--explain", action="store_true", help="show how it was matched")
    ask_parser.set_defaults(handler=ask)
    chat_parser = sub.add_parser("chat", help="chat locally in the terminal")
    chat_parser.add_argument("--db", type=Path, help="database file (default: BOT_DATABASE_PATH)")
    chat_parser.add_argument("--chat", type=int, default=1, help="chat id (default 1)")
    chat_parser.add_argument("--json", action="store_true", help="JSON lines in and out")
    chat_parser.set_defaults(handler=chat)
    sub.add_parser("run", help="run the Telegram bot").set_defaults(handler=run)
    kb = sub.add_parser("kb", help="knowledge tools").add_subparsers(
        dest="kb_command", required=True
    )
    check = kb.add_parser("check", help="validate the knowledge")
    check.add_argument("directory", nargs="?")
    check.set_defaults(handler=kb_check)
    test = kb.add_parser("test", help="run question cases")
    test.add_argument("cases")
    test.add_argument("--min-accuracy", type=float, default=0.0)
    test.set_defaults(handler=kb_test)
    alternative = kb.add_parser("add-alternative", help="add a way of asking to an entry")
    alternative.add_argument("entry_id")
    alternative.add_argument("question")
    alternative.set_defaults(handler=kb_add_alternative)
    imp = kb.add_parser("import", help="draft entries from articles")
    imp.add_argument("articles", nargs="+")
    imp.add_argument("--out")
    imp.set_defaults(handler=kb_import)
    feedback_commands.add_parser(sub)
    return parser
