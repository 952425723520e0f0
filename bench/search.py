"""Search benchmark: index build time, query latency p50/p99 and peak RSS at 1k/10k/100k entries.

Synthetic knowledge: entries made of two- to four-character words of jieba's dictionary drawn
with a Zipf-like skew (so some terms are common, as 大模型 and ChatGPT are), each with a
question, five alternatives, keywords and a one-paragraph answer. Queries are the entries' own
phrasings with a dropped character or filler words (on-topic) and strings of unknown terms
(off-topic).

The same run measures a plain baseline: ``rapidfuzz.process.extractOne`` with WRatio over every
question. Each size runs in its own process so that peak RSS is that size's alone.

    python bench/search.py                 # 1k, 10k, 100k
    python bench/search.py --sizes 1000 10000 --queries 2000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from bot.core.knowledge import Entry  # noqa: E402
from bot.core.search import Index  # noqa: E402
from bot.core.text import Analyzer, load_lexicon  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]{2,4}")
TEMPLATES = (
    "什么是{a}？",
    "{a}是啥",
    "{a}和{b}有什么区别",
    "{a}怎么用于{b}",
    "为什么{a}需要{b}",
    "{a}的{b}是什么意思",
)


def dictionary_words() -> list[str]:
    """Two- to four-character words of jieba's dictionary: real words, as real questions use.

    (Random characters would send every query through jieba's HMM for unknown words, which
    real questions rarely need: that made tokenising a third of the time measured.)
    """
    with jieba.get_dict_file() as lines:
        words = (line.split(b" ", 1)[0].decode() for line in lines)
        return [word for word in words if CJK.fullmatch(word)]


def make_terms(rng: random.Random, count: int) -> list[str]:
    return rng.sample(dictionary_words(), count)


def make_entries(size: int, seed: int = 7) -> list[Entry]:
    rng = random.Random(seed)
    terms = make_terms(rng, max(200, size // 2))
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(terms))]
    entries = []
    for number in range(size):
        a, b, c = rng.choices(terms, weights=weights, k=3)
        phrasings = [t.format(a=a, b=b) for t in rng.sample(TEMPLATES, 6)]
        answer = f"{a}是一种与{b}有关的方法，常用于{c}。它的特点是{b}和{c}结合得很好。"
        entries.append(
            Entry(
                id=f"e{number}",
                question=phrasings[0],
                alternatives=tuple(phrasings[1:]),
                keywords=(a, b),
                subject=a,
                answer=answer,
                source="synthetic",
            )
        )
    return entries


def make_queries(entries: list[Entry], count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    known = {term for entry in entries for term in entry.keywords}
    unknown = [t for t in make_terms(random.Random(99), 1000) if t not in known][:500]
    queries = []
    for _ in range(count):
        if rng.random() < 0.2:
            queries.append(f"{rng.choice(unknown)}怎么{rng.choice(unknown)}")
            continue
        text = rng.choice(rng.choice(entries).phrasings)
        if rng.random() < 0.5 and len(text) > 4:
            at = rng.randrange(len(text))
            text = text[:at] + text[at + 1 :]
        queries.append(("请问一下" if rng.random() < 0.3 else "") + text)
    return queries


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(size: int, query_count: int) -> dict[str, float]:
    analyzer = Analyzer(load_lexicon(ROOT / "knowledge"))
    entries = make_entries(size)
    queries = make_queries(entries, query_count)
    started = time.perf_counter()
    index = Index.build(entries, tokenize=analyzer.tokenise)
    build = time.perf_counter() - started
    for query in queries[:50]:  # warm up
        index.search(query)
    ours = []
    for query in queries:
        started = time.perf_counter()
        index.search(query)
        ours.append((time.perf_counter() - started) * 1000)
    rss_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    choices = [analyzer.normalise(e.question) for e in entries]
    baseline = []
    for query in queries[: max(50, query_count // 10)]:
        started = time.perf_counter()
        process.extractOne(analyzer.normalise(query), choices, scorer=fuzz.WRatio)
        baseline.append((time.perf_counter() - started) * 1000)
    return {
        "size": size,
        "build_s": build,
        "p50_ms": statistics.median(ours),
        "p99_ms": percentile(ours, 0.99),
        "peak_rss_mb": rss_ours,
        "baseline_p50_ms": statistics.median(baseline),
        "baseline_p99_ms": percentile(baseline, 0.99),
        "queries": len(ours),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.queries)))
        return
    print(
        f"{'entries':>8} {'build s':>8} {'p50 ms':>8} {'p99 ms':>8} {'RSS MB':>8} "
        f"{'extractOne p50':>15} {'p99':>8}"
    )
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--queries", str(args.queries)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{row['size']:>8} {row['build_s']:>8.2f} {row['p50_ms']:>8.3f} "
            f"{row['p99_ms']:>8.3f} {row['peak_rss_mb']:>8.0f} "
            f"{row['baseline_p50_ms']:>15.3f} {row['baseline_p99_ms']:>8.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
