"""Calibrate the confidence: grid-search the score's weights, the name damping and the decision.

Every case is searched once; each of its candidates (chosen by BM25, which no weight here
changes) is kept as its components — coverage, bigram coverage, fuzzy similarity, how many
names of the query it does not know and whether the query names its subject. Each
combination then re-scores them exactly as
`bot/core/search.py` does and decides as `bot.core.search.decide` does (answer at `answer`, or
at `clear` when the runner-up is `margin` behind), and is judged as `kb test` judges: an
on-topic case passes when it is answered with its entry (or, for cases in the blind format, with
an answer holding one of its `any` strings), an off-topic case when it is not answered.

Fit only on the project's own cases (tests/cases/): the development set in ../shared/eval
measures the result and must not choose it.

    python bench/calibrate.py [CASES.yaml ...]     (default: every file in tests/cases/)
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.evaluation import load_cases  # noqa: E402
from bot.core.library import load_library  # noqa: E402
from bot.core.search import CANDIDATES  # noqa: E402


@dataclass(frozen=True)
class Candidate:
    right: bool
    coverage: float
    grams: float
    fuzzy: float
    missing_names: int
    subject_named: bool


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "tests/cases").glob("*.yaml"))
    library = load_library(ROOT / "knowledge")
    rows: list[tuple[bool, list[Candidate]]] = []
    for path in paths:
        for case in load_cases(path):
            hits = library.search(case.question, limit=CANDIDATES)
            candidates = [
                Candidate(
                    case.accepts(hit.entry),
                    hit.coverage,
                    hit.gram_coverage,
                    hit.fuzzy,
                    hit.missing_names,
                    hit.subject_named,
                )
                for hit in hits
            ]
            rows.append((case.on_topic, candidates))
    totals = {True: sum(on for on, _ in rows), False: sum(not on for on, _ in rows)}
    print(f"{len(rows)} cases from {', '.join(p.name for p in paths)}")
    results = []
    steps = [x / 20 for x in range(4, 17)]
    for w_coverage, factor, subject in itertools.product(
        steps, (0.5, 0.6, 0.7), (1.0, 0.85, 0.75, 0.65)
    ):
        w_fuzzy = round(0.95 - w_coverage, 2)
        ranked = [
            (on_topic, _rescored(candidates, w_coverage, w_fuzzy, factor, subject))
            for on_topic, candidates in rows
        ]
        for answer, clear, margin in itertools.product(
            [x / 100 for x in range(36, 62, 2)],
            [x / 100 for x in range(26, 50, 2)],
            [x / 100 for x in range(2, 30, 2)],
        ):
            if clear > answer:
                continue
            passed = {True: 0, False: 0}
            for on_topic, scores in ranked:
                first = scores[0] if scores else (0.0, False)
                second = scores[1][0] if len(scores) > 1 else 0.0
                answered = first[0] >= answer or (first[0] >= clear and first[0] - second >= margin)
                passed[on_topic] += (answered and first[1]) if on_topic else not answered
            on, off = passed[True] / totals[True], passed[False] / totals[False]
            if off >= MIN_OFF_TOPIC_DECLINED:
                row = (on, off, w_coverage, w_fuzzy, factor, subject, answer, clear, margin)
                results.append(row)
    results.sort(reverse=True)
    print(f"best on-topic accuracy with off-topic declined >= {MIN_OFF_TOPIC_DECLINED:.0%}:")
    print("on-topic  off-topic  coverage  fuzzy  names  subject  answer  clear  margin")
    for row in results[:15]:
        print(
            f"{row[0]:8.1%}  {row[1]:9.1%}  {row[2]:8.2f}  {row[3]:5.2f}  {row[4]:5.2f}  "
            f"{row[5]:7.2f}  {row[6]:6.2f}  {row[7]:5.2f}  {row[8]:6.2f}"
        )


def _rescored(
    candidates: list[Candidate], w_coverage: float, w_fuzzy: float, factor: float, subject: float
) -> list[tuple[float, bool]]:
    """(score, right) per candidate, best first, as bot/core/search.py computes the score."""
    scores = [
        (
            factor**c.missing_names
            * (1.0 if c.subject_named else subject)
            * (w_coverage * c.coverage + GRAM_WEIGHT * c.grams + w_fuzzy * c.fuzzy),
            c.right,
        )
        for c in candidates
    ]
    return sorted(scores, key=lambda s: s[0], reverse=True)


GRAM_WEIGHT = 0.05
MIN_OFF_TOPIC_DECLINED = 0.95
"""Declining what the knowledge cannot answer comes first: a confident wrong answer costs more
than a did-you-mean."""

if __name__ == "__main__":
    main()
