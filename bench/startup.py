"""Start-up benchmark: process start to first answer, cold and warm, and its peak RSS.

Cold: jieba has no dictionary cache yet (a fresh machine or container); warm: the cache from an
earlier run is there. Each is the median of several runs of `python -m bot ask "..."`.

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def first_answer(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", "什么是大模型"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as empty:  # jieba keeps its cache in TMPDIR
            cold.append(first_answer({**base, "TMPDIR": empty}))
    for _ in range(args.runs):
        warm.append(first_answer(base))
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"start to first answer: cold {statistics.median(cold):.2f} s, "
        f"warm {statistics.median(warm):.2f} s (medians of {args.runs}); peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
