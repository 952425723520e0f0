"""Calibrate the confidence: grid-search the evidence weights, the damping and the decision.

Every case is searched once; each of its candidates (chosen by BM25, which no weight here
changes) keeps its evidence: coverage, bigram coverage, fuzzy similarity, how many names of the
query it does not know and whether the query names its subject. Each combination re-scores
them with the very function the search uses (`bot.core.search.confidence`), decides as
`bot.core.search.decide` does (`answers`: at `answer`, or at `clear` when the runner-up is
`margin` behind, or a claim at `suggest` when it is `claim_lead` behind; never a stray hit)
and is judged as `kb test` judges: an on-topic case passes when it is answered with its entry
(or, in the blind format, with an answer holding one of its `any` strings), an off-topic case
when it is not answered. Among the points that decline at
least the given share of off-topic cases, the best on-topic accuracy wins.

Fit only on the project's own cases (tests/cases/): the development set in ../shared/eval
measures the result and must not choose it.

    python bench/calibrate.py [--min-off-topic 0.97] [--decision-only] [CASES.yaml ...]
    (default: 95 %, every file in tests/cases/; --decision-only keeps the weights in use and
    searches the thresholds alone, in seconds rather than hours)
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.evaluation import Case, load_cases  # noqa: E402
from bot.core.library import load_library  # noqa: E402
from bot.core.search import (  # noqa: E402
    CANDIDATES,
    WEIGHTS,
    Hit,
    Thresholds,
    Weights,
    answers,
    confidence,
)

MIN_OFF_TOPIC_DECLINED = 0.95
"""Declining what the knowledge cannot answer comes first: a confident wrong answer costs more
than a did-you-mean."""

Candidates = list[tuple[bool, Hit]]
"""Whether routing the case to the hit's entry passes it, and the hit."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", type=Path, help="case files (default: tests/cases/)")
    parser.add_argument("--min-off-topic", type=float, default=MIN_OFF_TOPIC_DECLINED)
    parser.add_argument(
        "--decision-only", action="store_true", help="keep the weights, search the thresholds"
    )
    args = parser.parse_args()
    floor = args.min_off_topic
    paths = args.cases or sorted((ROOT / "tests/cases").glob("*.yaml"))
    library = load_library(ROOT / "knowledge")
    rows: list[tuple[bool, Candidates]] = []
    for path in paths:
        for case in load_cases(path):
            hits = library.search(case.question, limit=CANDIDATES)
            rows.append((case.on_topic, [(_passes(case, hit), hit) for hit in hits]))
    totals = {True: sum(on for on, _ in rows), False: sum(not on for on, _ in rows)}
    print(f"{len(rows)} cases from {', '.join(p.name for p in paths)}")
    results = []
    for weights in [WEIGHTS] if args.decision_only else weight_grid():
        ranked = [(on_topic, rescored(candidates, weights)) for on_topic, candidates in rows]
        for answer, clear, margin in itertools.product(
            [x / 100 for x in range(36, 62, 2)],
            [x / 100 for x in range(26, 50, 2)],
            [x / 100 for x in range(2, 30, 2)],
        ):
            if clear > answer:
                continue
            thresholds = Thresholds(answer=answer, clear=clear, margin=margin)
            passed = {True: 0, False: 0}
            for on_topic, scores in ranked:
                answers_it = answered(scores, thresholds)
                right = bool(scores) and scores[0][1]
                passed[on_topic] += answers_it and right if on_topic else not answers_it or right
            on, off = passed[True] / totals[True], passed[False] / totals[False]
            if off >= floor:
                results.append((on, off, weights, answer, clear, margin))
    results.sort(key=lambda row: (row[0], row[1]), reverse=True)
    print(f"best on-topic accuracy with off-topic declined >= {floor:.0%}:")
    print(
        "on-topic  off-topic  coverage  fuzzy  names  subject  fact  head  terms  "
        "answer  clear  margin"
    )
    for on, off, w, answer, clear, margin in results[:15]:
        print(
            f"{on:8.1%}  {off:9.1%}  {w.coverage:8.2f}  {w.fuzzy:5.2f}  {w.missing_name:5.2f}  "
            f"{w.subject_absent:7.2f}  {w.fact_absent:4.2f}  {w.head_absent:4.2f}  "
            f"{w.term_absent:5.2f}  "
            f"{answer:6.2f}  {clear:5.2f}  {margin:6.2f}"
        )


def _passes(case: Case, hit: Hit) -> bool:
    """Whether routing the case to this hit's entry passes it, as `kb test` judges: the right
    entry for an on-topic case; for an off-topic one, an entry that says the articles do not
    answer it (it is given as a decline)."""
    if not case.on_topic:
        return hit.entry.declines
    return case.accepts(hit.entry) and not (case.any and hit.entry.declines)


def weight_grid() -> list[Weights]:
    """The weights tried: coverage and fuzzy share what the bigrams leave, and the factors."""
    grid = []
    for coverage, name, subject, fact, head, term in itertools.product(
        [x / 20 for x in range(9, 18)],
        (0.5, 0.6, 0.7),
        (0.65, 0.75, 0.85),
        (0.6, 0.8),
        (0.6, 0.75, 0.9, 1.0),
        (0.7, 0.85, 1.0),
    ):
        fuzzy = round(1 - WEIGHTS.grams - coverage, 2)
        grid.append(
            dataclasses.replace(
                WEIGHTS,
                coverage=coverage,
                fuzzy=fuzzy,
                missing_name=name,
                subject_absent=subject,
                fact_absent=fact,
                head_absent=head,
                term_absent=term,
            )
        )
    return grid


Scores = list[tuple[float, bool, Hit]]
"""(score, right, hit) per candidate, best first."""


def rescored(candidates: Candidates, weights: Weights) -> Scores:
    """The candidates scored as the search scores them, best first."""
    scores = [(rescore(hit, weights), right, hit) for right, hit in candidates]
    return sorted(scores, key=lambda s: s[0], reverse=True)


def answered(scores: Scores, thresholds: Thresholds) -> bool:
    """Whether the bot answers with the first candidate, as `decide` judges."""
    if not scores:
        return False
    score, _, hit = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    return hit.answerable and answers(
        score,
        runner_up,
        thresholds,
        claim=hit.claim,
        fact_held=hit.fact_held,
        subject_named=hit.subject_named,
    )


def rescore(hit: Hit, weights: Weights) -> float:
    """A hit's confidence under other weights."""
    return confidence(
        hit.coverage,
        hit.gram_coverage,
        hit.fuzzy,
        missing_names=hit.missing_names,
        subject_named=hit.subject_named,
        fact_held=hit.fact_held,
        head_known=hit.head_known,
        missing_terms=hit.missing_terms,
        weights=weights,
    )


if __name__ == "__main__":
    main()
