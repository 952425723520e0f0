"""Service benchmark: a realistic message mix through ChatService with a real SQLite file.

Each message is one full turn: load the chat's context, the pure dialogue step (search
included), save the context and append to the answer log in one transaction. The mix per chat:
a question, "继续", a follow-up with a pronoun, an off-topic message and a vote. Knowledge: the
bundled 70 entries, then synthetic knowledge of 10k and 100k entries (bench/search.py's).

    python bench/service.py [--sizes 0 10000] [--chats 200] [--runs 3]   # size 0 = bundled

Latency is measured one message at a time (100 chats in turn); throughput with all chats at once.
Each size is measured --runs times on a fresh database and the median run is printed, because
a shared 2-core host drifts by ±10 % from one minute to the next.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import make_entries, make_queries  # noqa: E402

from bot.adapters.sqlite.chat_store import SqliteStore  # noqa: E402
from bot.core.knowledge import KnowledgeBase  # noqa: E402
from bot.core.library import Library, load_library  # noqa: E402
from bot.core.search import Index  # noqa: E402
from bot.service import ChatService, Turn  # noqa: E402

BUNDLED_MIX = [
    "ChatGPT是怎么训练的",
    "继续",
    "它是谁开发的",
    "今天天气怎么样",
    "什么是大模型",
    "它有多少参数",
    "那GPT呢",
    "继续",
]


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
    return library, [*make_queries(entries, 6), "继续", "它的特点呢"]


async def measure(library: Library, mix: list[str], chats: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        store = await SqliteStore.open(Path(folder) / "bench.sqlite3")
        service = ChatService(store, lambda: library)
        latencies: list[float] = []

        async def chat(number: int) -> None:
            for text in mix:
                started = time.perf_counter()
                outcome = await service.handle(Turn(number, number, text))
                latencies.append((time.perf_counter() - started) * 1000)
                if outcome.reply.matched:
                    await service.vote(number, number, outcome.answer_id, 1)

        # Sequential first (latency of one message alone), then all chats at once (throughput).
        for number in range(1, 101):
            await chat(number)
        alone = list(latencies)
        latencies.clear()
        started = time.perf_counter()
        await asyncio.gather(*(chat(n) for n in range(100, 100 + chats)))
        elapsed = time.perf_counter() - started
        await store.close()
    return {
        "p50": statistics.median(alone),
        "p99": sorted(alone)[int(len(alone) * 0.99)],
        "throughput": len(latencies) / elapsed,
        "messages": len(latencies),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000, 100_000])
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bundled = load_library(ROOT / "knowledge")
    print(f"{'entries':>8} {'p50 ms':>8} {'p99 ms':>8} {'msgs/s (concurrent chats)':>27}")
    for size in args.sizes:
        library, mix = (bundled, BUNDLED_MIX) if size == 0 else synthetic_library(size, bundled)
        runs = [asyncio.run(measure(library, mix, args.chats)) for _ in range(args.runs)]
        row = sorted(runs, key=lambda run: run["p50"])[len(runs) // 2]
        print(
            f"{len(library.entries):>8} {row['p50']:>8.3f} {row['p99']:>8.3f} "
            f"{row['throughput']:>14.0f} ({args.chats} chats)",
            flush=True,
        )


if __name__ == "__main__":
    main()
