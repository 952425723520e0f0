"""Hybrid retrieval over the knowledge entries, with a calibrated confidence.

Two stages, so that a query never costs a fuzzy scan of every string:

1. Candidates: BM25 over an inverted index of words (each entry's question, alternatives,
   keywords and subject count fully; its answer counts at ``ANSWER_WEIGHT``) plus character
   bigrams (so a typo that splits a word still meets its entry). The top ``CANDIDATES`` go on.
2. Confidence, per candidate, in [0, 1]:

       score = W_COVERAGE * coverage + W_GRAMS * gram_coverage + W_FUZZY * fuzzy

   ``coverage`` is the IDF-weighted share of the query's words that the entry knows: a word
   no entry knows (天气, MySQL) has the highest IDF, so an off-topic message cannot reach a high
   score by sharing one common word with an entry. ``gram_coverage`` is the same over character
   bigrams. ``fuzzy`` is the best rapidfuzz ``ratio`` between the query's tokens and one of the
   entry's phrasings, both joined without spaces: a plain edit-distance similarity, not WRatio,
   whose partial matching gives 80+ to almost anything.

The weights and :class:`Thresholds` were calibrated on ``tests/cases/kb_cases.yaml``
(on-topic paraphrases and off-topic questions; see the README's "Matching" section).
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz

from bot.core.knowledge import Entry
from bot.core.text import char_bigrams

Tokenize = Callable[[str], list[str]]

K1 = 1.2
B = 0.75
ANSWER_WEIGHT = 0.3
"""How much a word in the answer counts against a word in a question or keyword."""
ANSWER_COVERAGE = 0.5
"""How much of a query word an entry 'knows' when the word is only in its answer."""
GRAM_WEIGHT = 0.5
CANDIDATES = 30
COMMON_TERM_SHARE = 0.05
"""Terms in more than this share of entries are not enumerated for candidates (still scored)."""
W_COVERAGE = 0.45
W_GRAMS = 0.15
W_FUZZY = 0.40


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry scored against a query; `score` is the confidence in [0, 1]."""

    entry: Entry
    score: float
    coverage: float
    gram_coverage: float
    fuzzy: float
    bm25: float
    phrasing: str


class _Postings:
    """Inverted index: term -> (sorted entry numbers, BM25 weights, coverage weights)."""

    def __init__(self, documents: Sequence[tuple[Counter[str], Counter[str]]]) -> None:
        count = len(documents)
        lengths = [sum(strong.values()) + ANSWER_WEIGHT * sum(weak.values())
                   for strong, weak in documents]
        average = (sum(lengths) / count) if count else 1.0
        frequencies: Counter[str] = Counter()
        for strong, weak in documents:
            frequencies.update(set(strong) | set(weak))
        self.count = count
        self.idf = {term: _idf(df, count) for term, df in frequencies.items()}
        self.unknown_idf = _idf(0, count)
        self.common_df = max(50, int(count * COMMON_TERM_SHARE))
        ids: dict[str, array[int]] = {}
        weights: dict[str, array[float]] = {}
        known: dict[str, array[float]] = {}
        for number, ((strong, weak), length) in enumerate(zip(documents, lengths, strict=True)):
            norm = K1 * (1 - B + B * length / (average or 1.0))
            for term in set(strong) | set(weak):
                tf = strong[term] + ANSWER_WEIGHT * weak[term]
                ids.setdefault(term, array("i")).append(number)
                weights.setdefault(term, array("f")).append(
                    self.idf[term] * tf * (K1 + 1) / (tf + norm)
                )
                known.setdefault(term, array("f")).append(1.0 if term in strong else ANSWER_COVERAGE)
        self.ids, self.weights, self.known = ids, weights, known

    def idf_of(self, term: str) -> float:
        return self.idf.get(term, self.unknown_idf)

    def accumulate(self, terms: Iterable[str], into: dict[int, float], factor: float) -> None:
        """Add each term's BM25 weights; skip very common terms unless they are all we have."""
        terms = list(dict.fromkeys(terms))
        rare = [t for t in terms if len(self.ids.get(t, ())) <= self.common_df]
        for term in rare or terms:
            for number, weight in zip(self.ids.get(term, ()), self.weights.get(term, ()),
                                      strict=True):
                into[number] = into.get(number, 0.0) + factor * weight

    def coverage(self, terms: Sequence[str], number: int) -> float:
        """IDF-weighted share of the query's distinct terms that this entry knows."""
        total = known = 0.0
        for term in dict.fromkeys(terms):
            idf = self.idf_of(term)
            total += idf
            ids = self.ids.get(term)
            if ids is not None:
                at = bisect_left(ids, number)
                if at < len(ids) and ids[at] == number:
                    known += idf * self.known[term][at]
        return known / total if total else 0.0


def _idf(df: int, count: int) -> float:
    return math.log(1 + (count - df + 0.5) / (df + 0.5))


class Index:
    """Entries prepared for searching; build once per knowledge load, then share."""

    def __init__(
        self,
        entries: Sequence[Entry],
        words: _Postings,
        grams: _Postings,
        keys: Sequence[tuple[str, ...]],
        tokenize: Tokenize,
    ) -> None:
        self.entries = tuple(entries)
        self._words = words
        self._grams = grams
        self._keys = keys
        self._tokenize = tokenize

    @classmethod
    def build(cls, entries: Iterable[Entry], *, tokenize: Tokenize) -> Index:
        """Tokenise every entry once and index its words and character bigrams."""
        entries = list(entries)
        word_docs: list[tuple[Counter[str], Counter[str]]] = []
        gram_docs: list[tuple[Counter[str], Counter[str]]] = []
        keys: list[tuple[str, ...]] = []
        for entry in entries:
            phrasing_tokens = [tokenize(p) for p in entry.phrasings]
            strong: Counter[str] = Counter()
            for tokens in phrasing_tokens:
                strong.update(tokens)
            for term in (*entry.keywords, entry.subject):
                strong.update(tokenize(term))
            word_docs.append((strong, Counter(tokenize(entry.answer))))
            grams: Counter[str] = Counter()
            for tokens in phrasing_tokens:
                grams.update(char_bigrams(tokens))
            gram_docs.append((grams, Counter()))
            keys.append(tuple("".join(tokens) for tokens in phrasing_tokens))
        return cls(entries, _Postings(word_docs), _Postings(gram_docs), keys, tokenize)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: str, *, limit: int = 5, min_score: float = 0.0) -> list[Hit]:
        """The best entries for a query, most confident first; [] when nothing shares a term."""
        tokens = self._tokenize(query)
        if not tokens:
            return []
        grams = char_bigrams(tokens)
        bm25: dict[int, float] = {}
        self._words.accumulate(tokens, bm25, 1.0)
        self._grams.accumulate(grams, bm25, GRAM_WEIGHT)
        if not bm25:
            return []
        candidates = heapq.nlargest(CANDIDATES, bm25.items(), key=lambda item: item[1])
        key = "".join(tokens)
        hits = [self._score(number, tokens, grams, key, total) for number, total in candidates]
        hits.sort(key=lambda hit: (hit.score, hit.bm25), reverse=True)
        return [hit for hit in hits if hit.score >= min_score][:limit]

    def _score(
        self, number: int, tokens: list[str], grams: list[str], key: str, bm25: float
    ) -> Hit:
        coverage = self._words.coverage(tokens, number)
        gram_coverage = self._grams.coverage(grams, number) if grams else coverage
        keys = self._keys[number]
        similarities = [fuzz.ratio(key, phrasing_key) for phrasing_key in keys]
        best = max(range(len(keys)), key=similarities.__getitem__)
        fuzzy = similarities[best] / 100
        score = W_COVERAGE * coverage + W_GRAMS * gram_coverage + W_FUZZY * fuzzy
        entry = self.entries[number]
        return Hit(entry, round(score, 4), coverage, gram_coverage, fuzzy, bm25,
                   entry.phrasings[best])


class Verdict(Enum):
    """What to do with a message, judged by its best hits."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    DECLINE = "decline"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Confidence cut-offs: answer at or above `answer`, offer choices above `suggest`."""

    answer: float = 0.62
    suggest: float = 0.40
    margin: float = 0.03
    """Two different entries within this of each other above `answer`: ask, don't guess."""
    max_suggestions: int = 3


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on a query and the hits it rests on (best first)."""

    verdict: Verdict
    hits: tuple[Hit, ...]

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


def decide(hits: Sequence[Hit], thresholds: Thresholds) -> Match:
    """Answer, suggest up to `max_suggestions` questions, or decline."""
    if not hits or hits[0].score < thresholds.suggest:
        return Match(Verdict.DECLINE, tuple(hits[:1]))
    best = hits[0]
    close = len(hits) > 1 and best.score - hits[1].score < thresholds.margin
    if best.score >= thresholds.answer and not close:
        return Match(Verdict.ANSWER, (best,))
    suggestions = tuple(h for h in hits if h.score >= thresholds.suggest)
    return Match(Verdict.SUGGEST, suggestions[: thresholds.max_suggestions])
