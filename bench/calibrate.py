"""Calibrate the confidence: grid-search the score weights and thresholds on the cases file.

For every case the index's candidates (chosen by BM25, independent of the weights) are scored
once into their components; each weight combination then re-scores them and is judged the way
`kb test` judges: an on-topic case passes when its entry is answered, an off-topic case when it
is declined. Prints the best combinations; the chosen ones live in bot/core/search.py.

    python bench/calibrate.py [tests/cases/kb_cases.yaml]
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.evaluation import NONE, load_cases  # noqa: E402
from bot.core.library import load_library  # noqa: E402
from bot.core.search import CANDIDATES  # noqa: E402


def main() -> None:
    cases = load_cases(sys.argv[1] if len(sys.argv) > 1 else ROOT / "tests/cases/kb_cases.yaml")
    library = load_library(ROOT / "knowledge")
    scored = []
    for case in cases:
        hits = library.search(case.question, limit=CANDIDATES)
        scored.append(
            (case.expect, [(h.entry.id, h.coverage, h.gram_coverage, h.fuzzy) for h in hits])
        )
    results = []
    steps = [x / 20 for x in range(0, 21)]
    for wc, wg in itertools.product(steps, steps):
        wf = 1 - wc - wg
        if wf < 0:
            continue
        ranked = []
        for expect, hits in scored:
            scores = sorted(((wc * c + wg * g + wf * f, i) for i, c, g, f in hits), reverse=True)
            ranked.append((expect, scores))
        for answer in [x / 100 for x in range(44, 86, 2)]:
            for suggest in [x / 100 for x in range(30, 56, 5) if x / 100 <= answer - 0.1]:
                for margin in (0.0, 0.02, 0.04):
                    passed = 0
                    for expect, scores in ranked:
                        top = scores[0] if scores else (0.0, NONE)
                        second = scores[1][0] if len(scores) > 1 else 0.0
                        answered = top[0] >= answer and top[0] - second >= margin
                        if expect == NONE:
                            passed += top[0] < suggest
                        else:
                            passed += answered and top[1] == expect
                    results.append(
                        (passed / len(cases), wc, wg, round(wf, 2), answer, suggest, margin)
                    )
    results.sort(reverse=True)
    print("accuracy  coverage  grams  fuzzy  answer  suggest  margin")
    for row in results[:15]:
        print(
            f"{row[0]:8.1%}  {row[1]:8.2f}  {row[2]:5.2f}  {row[3]:5.2f}  {row[4]:6.2f}  "
            f"{row[5]:7.2f}  {row[6]:6.2f}"
        )


if __name__ == "__main__":
    main()
