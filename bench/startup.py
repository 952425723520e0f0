"""Start-up benchmark: process start to first answer, cold and warm, and its peak RSS.

Cold: jieba has no dictionary cache yet (a fresh machine or container); warm: the cache from an
earlier run is there. Each is the median of several runs of `python -m bot ask "..."`.

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def first_answer(env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start to the answer, and the process's own peak RSS in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "什么是大模型"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # wait4 gives this child's own usage; RUSAGE_CHILDREN would also count whatever the shell
    # that started this benchmark ran before it (a 900 MB search benchmark, say).
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"`python -m bot ask` failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


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
    rss = max(peak for _, peak in cold + warm)
    print(
        f"start to first answer: cold {statistics.median(t for t, _ in cold):.2f} s, "
        f"warm {statistics.median(t for t, _ in warm):.2f} s (medians of {args.runs}); "
        f"peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
