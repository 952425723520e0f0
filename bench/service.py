"""Service benchmark: chats through ChatService with a real SQLite file, new and repeated questions.

Each message is one full turn: load the chat's context, the pure dialogue step (search
included), save the context and append to the answer log in one transaction. Each chat asks
six questions from a shared pool, says "继续" twice and asks two follow-ups with a pronoun, and
votes on its answers. The pool holds as many questions as the first 50 chats ask, so the
first half of the chats ask new questions and the second half the questions other chats have
asked before, as a group's members do (什么是大模型 comes again and again). A library keeps the
hits of recent questions (Library.search): the fast path that a repeated question takes.

Knowledge: the bundled entries with a pool of the blind case questions (tests/cases), then
synthetic knowledge of 10k and 100k entries (bench/search.py's entries and queries).

    python bench/service.py [--sizes 0 10000] [--chats 200] [--runs 3]   # size 0 = bundled

Latency is measured one message at a time (100 chats in turn), per kind of message: a question
no chat asked before, a repeated question, and 继续 or a follow-up. Throughput is measured with
all chats at once, after that (so every question of the pool has been asked before). Each size
is measured --runs times on a fresh database and the median run (by the repeated questions'
p50) is printed, because a shared 2-core host drifts by ±10 % from one minute to the next.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import make_entries, make_queries  # noqa: E402

from bot.adapters.sqlite.chat_store import SqliteStore  # noqa: E402
from bot.core.evaluation import load_cases  # noqa: E402
from bot.core.knowledge import KnowledgeBase  # noqa: E402
from bot.core.library import Library, load_library  # noqa: E402
from bot.core.search import Index  # noqa: E402
from bot.service import ChatService, Turn  # noqa: E402

QUESTIONS_PER_CHAT = 6
SEQUENTIAL_CHATS = 100
POOL = QUESTIONS_PER_CHAT * SEQUENTIAL_CHATS // 2
BUNDLED_FOLLOW_UPS = ("它是谁开发的", "那GPT呢")
SYNTHETIC_FOLLOW_UPS = ("它的特点呢", "那它呢")
CONTINUE = "继续"


def bundled_pool() -> list[str]:
    """Questions as users write them (the blind cases, on- and off-topic), shuffled."""
    questions = [case.question for case in load_cases(ROOT / "tests/cases/blind_cases.yaml")]
    random.Random(5).shuffle(questions)
    return questions[:POOL]


def synthetic_library(size: int, bundled: Library) -> tuple[Library, list[str]]:
    entries = make_entries(size)
    index = Index.build(entries, tokenize=bundled.analyzer.tokenise)
    library = Library(
        KnowledgeBase(tuple(entries)),
        index,
        bundled.analyzer,
        bundled.lexicon,
        "synthetic",
        corrector=bundled.corrector,
        thresholds=bundled.thresholds,
    )
    return library, make_queries(entries, POOL)


def chat_messages(pool: Sequence[str], follow_ups: Sequence[str], number: int) -> list[str]:
    """What chat `number` sends: its six questions from the pool, 继续 and follow-ups between."""
    first = number * QUESTIONS_PER_CHAT
    asked = [pool[(first + i) % len(pool)] for i in range(QUESTIONS_PER_CHAT)]
    return [asked[0], CONTINUE, follow_ups[0], *asked[1:3], CONTINUE, follow_ups[1], *asked[3:]]


async def measure(
    library: Library, pool: Sequence[str], follow_ups: Sequence[str], chats: int
) -> dict[str, float]:
    dialogue = {CONTINUE, *follow_ups}
    with tempfile.TemporaryDirectory() as folder:
        store = await SqliteStore.open(Path(folder) / "bench.sqlite3")
        # A copy with nothing remembered: each run's new questions are new to it.
        fresh = replace(library)
        service = ChatService(store, lambda: fresh)
        latencies: dict[str, list[float]] = {"new": [], "repeated": [], "dialogue": []}
        asked: set[str] = set()

        async def chat(number: int, timed: bool) -> None:
            for text in chat_messages(pool, follow_ups, number):
                kind = "dialogue" if text in dialogue else "repeated" if text in asked else "new"
                asked.add(text)
                started = time.perf_counter()
                outcome = await service.handle(Turn(number, number, text))
                if timed:
                    latencies[kind].append((time.perf_counter() - started) * 1000)
                if outcome.reply.matched:
                    await service.vote(number, number, outcome.answer_id, 1)

        # Sequential first (latency of one message alone), then all chats at once (throughput).
        for number in range(SEQUENTIAL_CHATS):
            await chat(number, timed=True)
        every = [ms for kind in latencies.values() for ms in kind]
        started = time.perf_counter()
        await asyncio.gather(*(chat(n, timed=False) for n in range(chats)))
        elapsed = time.perf_counter() - started
        await store.close()
    sent = chats * len(chat_messages(pool, follow_ups, 0))
    return {
        **{f"p50 {kind}": statistics.median(ms) for kind, ms in latencies.items()},
        "p99": sorted(every)[int(len(every) * 0.99)],
        "throughput": sent / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000, 100_000])
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bundled = load_library(ROOT / "knowledge")
    print(
        f"{'entries':>8} {'p50 new':>8} {'p50 repeated':>13} {'p50 继续/follow-up':>18} "
        f"{'p99 ms':>7} {'msgs/s (concurrent chats)':>26}"
    )
    for size in args.sizes:
        if size == 0:
            library, pool, follow_ups = bundled, bundled_pool(), BUNDLED_FOLLOW_UPS
        else:
            (library, pool), follow_ups = synthetic_library(size, bundled), SYNTHETIC_FOLLOW_UPS
        runs = [
            asyncio.run(measure(library, pool, follow_ups, args.chats)) for _ in range(args.runs)
        ]
        row = sorted(runs, key=lambda run: run["p50 repeated"])[len(runs) // 2]
        print(
            f"{len(library.entries):>8} {row['p50 new']:>8.3f} {row['p50 repeated']:>13.3f} "
            f"{row['p50 dialogue']:>18.3f} {row['p99']:>7.3f} "
            f"{row['throughput']:>13.0f} ({args.chats} chats)",
            flush=True,
        )


if __name__ == "__main__":
    main()
