"""Long-message benchmark: one dialogue step on a 4,000-character message, median and worst.

Random CJK characters, a fresh text each time so that nothing is remembered. Some such texts
hold a word that leans on a topic the chat does not have (其, 这个), and the bot asks back; the
replies are counted by kind, so that a slow path is seen to be taken.

    python bench/long_message.py [--messages 50] [--chars 4000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.bootstrap import build_library
from bot.core.dialogue import ChatState, step
from bot.settings import Settings

_CJK = (0x4E00, 0x9FA5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--chars", type=int, default=4000)
    args = parser.parse_args()
    rng = random.Random(7)
    texts = [
        "".join(chr(rng.randint(*_CJK)) for _ in range(args.chars)) for _ in range(args.messages)
    ]
    library = build_library(Settings())
    step(ChatState(), "什么是大模型", library, now=0.0)  # the first step loads what is lazy
    times = []
    kinds: Counter[str] = Counter()
    for text in texts:
        started = time.perf_counter()
        reply, _ = step(ChatState(), text, library, now=0.0)
        times.append((time.perf_counter() - started) * 1000)
        kinds[reply.kind.value] += 1
    print(
        f"{args.chars} random CJK characters, {args.messages} messages: "
        f"median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms; "
        f"replies: {', '.join(f'{kind} {n}' for kind, n in kinds.most_common())}"
    )


if __name__ == "__main__":
    main()
