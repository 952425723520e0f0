"""Hybrid retrieval over the knowledge entries, with a calibrated confidence.

Two stages, so that a query never costs a fuzzy scan of every string:

1. Candidates: BM25 over an inverted index of words (each entry's question, alternatives,
   keywords and subject count fully; its answer counts at ``ANSWER_WEIGHT``) plus character
   bigrams (so a typo that splits a word still meets its entry). The top ``CANDIDATES`` go on.
2. Confidence, per candidate, in [0, 1] (:func:`confidence`):

       score = damping * (coverage weight * coverage + grams weight * gram_coverage
                          + fuzzy weight * fuzzy)

   ``coverage`` is the weighted share of the query's words that the entry knows: a word no
   entry knows (天气, MySQL) weighs the most, so an off-topic message cannot reach a high score
   by sharing one common word with an entry. ``gram_coverage`` is the same over character
   bigrams. ``fuzzy`` is the best rapidfuzz ``ratio`` between the query's tokens and one of the
   entry's phrasings, both joined without spaces: a plain edit-distance similarity, not WRatio,
   whose partial matching gives 80+ to almost anything. The damping is for names the entry does
   not know and for a subject the query does not name.

:class:`Weights` and :class:`Thresholds` were calibrated by ``bench/calibrate.py`` on the
project's own cases in ``tests/cases/`` (see the README's "Matching" section).
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Container, Iterable, MutableSequence, Sequence
from dataclasses import dataclass
from enum import Enum
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.core import facts
from bot.core.knowledge import Entry
from bot.core.text import (
    BOUND_CHARACTERS,
    COMPARING,
    FORM_WORDS,
    LIVING_AT,
    MODALS,
    NEGATED_MODALS,
    PERSONAL_CHARACTERS,
    PERSONAL_WORDS,
    POINTING_PRONOUNS,
    QUESTION_WORDS,
    STOPWORDS,
    char_bigrams,
)

Tokenize = Callable[[str], list[str]]
_LATIN_WORD = re.compile(r"^[0-9a-z]")
_DIGIT = re.compile(r"[0-9]")
_FIGURE = re.compile(r"[0-9.]+[\u3400-\u9fff]*")
"""A number, with its Chinese unit if any (100亿, 2023年, 3个): a figure, not a name."""
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_WORD = re.compile(r"[\u3400-\u9fff]+")
COMPOUND_CHARS = 4
"""A compound of two words of two characters each (交互方式), the commonest in Chinese."""

K1 = 1.2
B = 0.75
ANSWER_WEIGHT = 0.3
"""How much a word in the answer counts against a word in a question or keyword."""
ANSWER_COVERAGE = 0.5
"""How much of a query word an entry 'knows' when the word is only in its answer."""
GRAM_WEIGHT = 0.5
CANDIDATES = 12
SUBJECT_TIE = 0.02
"""A lead under which candidates about different subjects tie for a question that names none
(`Hit.subject_open`): the lead that `Thresholds.margin` calls clear."""
REFUSAL_TIE = 0.05
"""A lead under which an entry that says its articles do not give what it is about yields to
one that answers, for a question that does not name its subject
(`Index._answer_before_a_refusal`)."""
COMMON_TERM_SHARE = 0.01
COMMON_DF_MIN = 64
"""Terms in more entries than both of these are not enumerated for candidates (still scored)."""
CHAMPIONS = 64
ENTITY_SHARE = 0.6
"""A subject's name weighs at least this share of an unknown word's weight in coverage (3.0 with
the bundled knowledge): relative, so that in a knowledge of five entries a name cannot
outweigh every word asked about it."""
QUESTION_WORD_WEIGHT = 0.5
"""The weight in coverage of 什么, 哪, 多少...: the kind of question, not its content."""
FULL_COVERAGE = 0.99
"""An entry that knows this much of a query knows all of it (the sums are floats)."""
BOUND_CHARACTER_WEIGHT = QUESTION_WORD_WEIGHT
"""The most a lone character of grammar (能, 会, 就, 没, 点: `text.BOUND_CHARACTERS`) weighs in
coverage: it tells how a question is put, as 什么 does, not what it is about. Weighed by its IDF
(1 to 2), the 没 and 来 of "ChatGPT没单独调过吧，就是直接拿GPT来用" counted against every entry
that does not happen to say them, and what it asks about carried too little to answer it."""
UNKNOWN_CHARACTER_WEIGHT = 1.0
"""The weight in coverage of a single character that no entry knows."""
UNKNOWN_ENGLISH_WORD_WEIGHT = 3.0
"""The weight in coverage of a word of an English message that no entry knows (need, crazy,
people): the lexicon maps the domain's English onto the knowledge's terms, so such a word is
most often ordinary English, not a name or the topic; weighed as the unknown Chinese word it
would be, it sank every English question that said more than its terms. A name with a digit
(GPT-5) still weighs fully."""
UNKNOWN_CLAIM_WORD_WEIGHT = UNKNOWN_CHARACTER_WEIGHT
"""The weight in coverage of a Chinese word or a figure no entry knows in a claim about a subject
or a term of the domain put to be confirmed ("大模型的计算资源随便一台笔记本就能搞定吧", "RLHF没啥用
吧", "GPT-3不是只有100亿参数吗"): the claim may be wrong, and its words with it, so such a word
weighs as a lone character, not as what the question is about. (At 2.0, an everyday word's
weight, the claims of the development sets lost four more; at 1.5, two more.)"""
EVERYDAY_WORD_WEIGHT = 2.0
"""The most a word of everyday Chinese (jieba's count over 5,000) that some entry has weighs in
coverage: rare in the knowledge (出来, 不是, 除了, 靠), its IDF would be that of a rare term and
outweigh what a negated or colloquial question is about ("思维链不是靠普通文本训练出来的吗")."""


@dataclass(frozen=True, slots=True)
class Weights:
    """How the evidence makes a confidence; bench/calibrate.py searches these."""

    coverage: float = 0.75
    grams: float = 0.05
    fuzzy: float = 0.20
    missing_name: float = 0.6
    """Factor for each name in the query that the entry does not know: a latin word no entry
    knows, a model version, or the subject of other entries."""
    subject_absent: float = 0.75
    """Factor when the query names none of the subjects the entry speaks of."""
    fact_absent: float = 0.6
    """Factor when the query asks for a kind of fact (a number, a date) that the entry's answer
    does not hold: "GPT-1是哪一年发布的" is not answered by a list of GPT versions."""
    head_absent: float = 0.75
    """Factor when the entry does not know a word the question form asks about (the 降重 of
    "怎么降重", the 蒸馏 of "蒸馏是什么意思"): see `facts.heads`."""
    term_absent: float = 0.85
    """Factor for each domain term in the query (a word of the lexicon's dictionary that is no
    entry's subject: 提示工程, 零样本) that the entry never mentions: "提示工程在ChatGPT里起
    什么作用" is not answered by an entry on what 大模型 did for AI research."""


WEIGHTS = Weights()


def confidence(
    coverage: float,
    gram_coverage: float,
    fuzzy: float,
    *,
    missing_names: int,
    subject_named: bool,
    fact_held: bool = True,
    head_known: bool = True,
    missing_terms: int = 0,
    weights: Weights = WEIGHTS,
) -> float:
    """The confidence in [0, 1] that an entry answers a query, from the evidence."""
    damping = weights.missing_name**missing_names * weights.term_absent**missing_terms
    if not subject_named:
        damping *= weights.subject_absent
    if not fact_held:
        damping *= weights.fact_absent
    if not head_known:
        damping *= weights.head_absent
    return damping * (
        weights.coverage * coverage + weights.grams * gram_coverage + weights.fuzzy * fuzzy
    )


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
    missing_names: int = 0
    """Names in the query that the entry does not know (each damps the score)."""
    subject_named: bool = True
    """The query names the entry's subject (else the score is damped)."""
    fact_held: bool = True
    """The answer holds the kind of fact the query asks for (else the score is damped)."""
    head_known: bool = True
    """The entry knows the words the question form asks about (else the score is damped)."""
    missing_terms: int = 0
    """Domain terms in the query that the entry never mentions (each damps the score)."""
    stray: bool = False
    """The query is about a word the knowledge never mentions (租房, 减肥) and shares nothing
    specific with this entry (a subject, a domain term, a keyword), or it names a term of the
    domain that no entry mentions (幻觉): at most a suggestion."""
    subject_open: bool = False
    """The query names no subject, and entries about different subjects fit it alike ("有什么
    缺点": ChatGPT's and 大模型's): at most a suggestion; the chat asks it of its topic."""
    asked_of: str = ""
    """When the query asks a figure of (现在 for "ChatGPT现在有多少用户", 2025年 for "2025年估值
    是多少"), if this entry gives it only as its article had it when written (2023年初): the
    articles do not answer it. The reply says so, with what they said then (`Match.answered`
    is None)."""
    unsaid: str = ""
    """The answer's own sentence saying its article does not give what the query asks: the
    reason ("为什么大厂要封杀它": "…也没有说明原因。") or which ones by name (`facts.Unsaid`).
    The articles do not answer it; the reply says so with the answer (`Match.answered` is
    None)."""
    claim: bool = False
    """The query puts a claim about the domain to be confirmed ("RLHF里人类不用参与吧"): what
    it gets wrong weighs little (`UNKNOWN_CLAIM_WORD_WEIGHT`), so its scores run low. Not for an
    entry that misses a name of the query: "GPT-4不是2022年发布的吧" is no claim about ChatGPT's
    launch."""
    told_besides: bool = False
    """The entry says the articles lack a figure (`Entry.declines`) that the query does not
    ask for, and says more of its subject than that: what it says answers the query."""

    @property
    def not_in_sources(self) -> bool:
        """Whether the articles do not answer the query, though this entry is the one for it:
        it says so (`Entry.declines`, unless `told_besides`), it gives a figure of its
        article's time for one of another (`asked_of`), or it leaves out what is asked
        (`leaves_out_what_is_asked`)."""
        declined = self.entry.declines and not self.told_besides
        return declined or bool(self.asked_of) or self.leaves_out_what_is_asked

    @property
    def leaves_out_what_is_asked(self) -> bool:
        """Whether this entry's answer says its article leaves out what is asked (`unsaid`), or
        holds no fact of the kind asked ("它会让多少人失业" of the answer on jobs, which counts
        nobody): the reply says the articles do not answer it, then what they say."""
        return bool(self.unsaid) or not self.fact_held

    @property
    def answerable(self) -> bool:
        """Whether a score high enough may answer with this hit (else at most a suggestion)."""
        return not self.stray and not self.subject_open


@dataclass(frozen=True, slots=True)
class _Posting:
    """The entries that contain one term: numbers ascending, with BM25 weights and how much
    of the term each entry knows (None when every entry knows it fully)."""

    ids: array[int]
    weights: array[float]
    shares: array[float] | None
    champions: tuple[array[int], array[float]] | None = None
    """For a very common term: its highest-weighted entries, enough to find candidates."""

    def holds(self, number: int) -> bool:
        """Whether entry `number` contains the term."""
        at = bisect_left(self.ids, number)
        return at < len(self.ids) and self.ids[at] == number


_EMPTY: tuple[Counter[str], Counter[str]] = (Counter(), Counter())


class _Postings:
    """Inverted index over (strong, weak) term counts per entry, with BM25 weights.

    It consumes `documents`: each is replaced by an empty one once indexed.
    """

    def __init__(
        self,
        documents: MutableSequence[tuple[Counter[str], Counter[str]]],
        entities: Iterable[str] = (),
        subjects: Iterable[str] = (),
        is_everyday: Callable[[str], bool] = lambda word: False,
        is_miscut: Callable[[str], bool] = lambda word: False,
    ) -> None:
        self._is_everyday = is_everyday
        self._is_miscut = is_miscut
        count = len(documents)
        lengths = [
            sum(strong.values()) + ANSWER_WEIGHT * sum(weak.values()) for strong, weak in documents
        ]
        average = (sum(lengths) / count) if count else 1.0
        frequencies: Counter[str] = Counter()
        for strong, weak in documents:
            frequencies.update(strong.keys() | weak.keys())
        self.idf = {term: _idf(df, count) for term, df in frequencies.items()}
        self.unknown_idf = _idf(0, count)
        self.entities = frozenset(entities)
        self.subjects = frozenset(subjects)
        self.common_df = max(COMMON_DF_MIN, int(count * COMMON_TERM_SHARE))
        ids: dict[str, array[int]] = {}
        weights: dict[str, array[float]] = {}
        shares: dict[str, array[float]] = {}
        for number, length in enumerate(lengths):
            strong, weak = documents[number]
            # Dropping each document once it is indexed keeps the peak memory of a build low.
            documents[number] = _EMPTY
            norm = K1 * (1 - B + B * length / (average or 1.0))
            for term in strong.keys() | weak.keys():
                tf = strong[term] + ANSWER_WEIGHT * weak[term]
                ids.setdefault(term, array("i")).append(number)
                weights.setdefault(term, array("f")).append(
                    self.idf[term] * tf * (K1 + 1) / (tf + norm)
                )
                shares.setdefault(term, array("f")).append(
                    1.0 if term in strong else ANSWER_COVERAGE
                )
        # Popping as we go keeps the build's peak memory near the size of the finished index.
        self.terms: dict[str, _Posting] = {}
        for term in list(ids):
            term_ids, term_weights, term_shares = ids.pop(term), weights.pop(term), shares.pop(term)
            self.terms[term] = _Posting(
                term_ids,
                term_weights,
                None if min(term_shares) == 1.0 else term_shares,
                _champions(term_ids, term_weights, self.common_df),
            )

    def has(self, number: int, term: str) -> bool:
        """Whether entry `number` has the term (in its phrasings, keywords or answer)."""
        posting = self.terms.get(term)
        return posting is not None and posting.holds(number)

    def unglued(self, tokens: list[str]) -> list[str]:
        """The tokens with each pair jieba glued from a bound character and a character the
        knowledge has (能火, 多到, 就断) cut back into its characters, stopwords left out:
        the 火 of "ChatGPT为啥能火成这样" is what the entry on its popularity says. A pair some
        entry has as it is stays whole, and so does one with a character no entry has (the 耗
        of 要耗 is what the question is about). So is a compound of four characters that no
        entry has but whose two halves some entry has: 交互方式 is 交互 + 方式, what "ChatGPT用什么
        方式交互" says."""
        cut: list[str] = []
        for term in tokens:
            if (
                term not in self.idf
                and self._is_miscut(term)
                and all(c in self.idf or c in STOPWORDS for c in term)
            ):
                cut.extend(c for c in term if c not in STOPWORDS)
            elif (
                term not in self.idf
                and len(term) == COMPOUND_CHARS
                and _CJK_WORD.fullmatch(term)
                and term[:2] in self.idf
                and term[2:] in self.idf
            ):
                cut.extend((term[:2], term[2:]))
            else:
                cut.append(term)
        return cut

    def idf_of(self, term: str) -> float:
        return self.idf.get(term, self.unknown_idf)

    def weight_of(self, term: str, *, english: bool = False, claim: bool = False) -> float:
        """A term's weight in coverage: its IDF, but never low for the name of a subject, and
        never high for an everyday word.

        "ChatGPT" is in half the entries, so its IDF is low; yet "ChatGPT有多少参数" is not
        answered by an entry about 大模型's parameters just because 参数 matches.
        """
        if term in POINTING_PRONOUNS:
            return 0.0
        if term in FORM_WORDS:
            return QUESTION_WORD_WEIGHT
        idf = self.idf.get(term)
        if idf is None:
            # A word no entry knows is what the question is about (天气, 蒸馏) and weighs the
            # most, but not a lone character: jieba leaves those from grammar and slang (才, 蹦),
            # and from the pairs it glued from grammar and a character the knowledge has (能起,
            # 写个: the search cuts those back first, see `unglued`).
            if len(term) == 1:
                return UNKNOWN_CHARACTER_WEIGHT
            if english and _LATIN_WORD.match(term) and not _DIGIT.search(term):
                return min(self.unknown_idf, UNKNOWN_ENGLISH_WORD_WEIGHT)
            # In a claim, a word or a figure no entry gives (拍脑袋, the 100亿 of "GPT-3不是只有
            # 100亿参数吗") may be what the claim gets wrong.
            if claim and (_CJK.match(term) or _FIGURE.fullmatch(term)):
                return min(self.unknown_idf, UNKNOWN_CLAIM_WORD_WEIGHT)
            return self.unknown_idf
        if term in BOUND_CHARACTERS:
            return min(idf, BOUND_CHARACTER_WEIGHT)
        if term in self.entities:
            return max(idf, ENTITY_SHARE * self.unknown_idf)
        return min(idf, EVERYDAY_WORD_WEIGHT) if self._is_everyday(term) else idf

    def gather(
        self,
        terms: Iterable[str],
        factor: float,
        scores: dict[int, float],
        names: Container[str] = (),
        *,
        english: bool = False,
        claim: bool = False,
    ) -> _Gathered:
        """Add `factor` times BM25 to `scores` per entry; what coverage needs for the finalists.

        `names`: terms of the query that name something (besides the subjects), which an entry
        must know to answer it. `english`: the query is an English message (see
        `UNKNOWN_ENGLISH_WORD_WEIGHT`); `claim`: it puts a claim about the domain to be
        confirmed (see `UNKNOWN_CLAIM_WORD_WEIGHT`).

        Very common terms are not enumerated: they add little to BM25. When a query has nothing
        but common terms, their champion lists supply the candidates. Coverage is looked up
        for the finalists only, a dozen at most, rather than summed for every candidate.
        """
        distinct = list(dict.fromkeys(terms))
        # Each weight once: summed in the query's order, as the total always was.
        weights = [self.weight_of(term, english=english, claim=claim) for term in distinct]
        matched = [
            _Term(
                weight,
                posting.ids,
                posting.shares,
                term in self.entities or term in names,
                term in self.subjects,
                posting,
            )
            for term, weight in zip(distinct, weights, strict=True)
            if (posting := self.terms.get(term)) is not None
        ]
        rare = [term.posting for term in matched if term.posting.champions is None]
        get = scores.get  # the innermost loop of a search: one attribute lookup saved per entry
        for posting in rare:
            for number, weight in zip(posting.ids, posting.weights, strict=True):
                scores[number] = get(number, 0.0) + factor * weight
        if not rare:
            for term in matched:
                assert term.posting.champions is not None
                for number, weight in zip(*term.posting.champions, strict=True):
                    scores[number] = get(number, 0.0) + factor * weight
        return _Gathered(sum(weights), matched)


class _Term(NamedTuple):
    weight: float
    ids: array[int]
    """The posting's entry numbers and shares, unpacked for coverage's hot loop."""
    shares: array[float] | None
    is_name: bool
    """It names some entry's subject (ChatGPT, RLHF...) or something else (Siri, GPT-4o)."""
    is_subject: bool
    """It is (part of) some entry's subject: a concept of the knowledge, not a version."""
    posting: _Posting


class _Cover(NamedTuple):
    """How much of a query one entry knows."""

    share: float
    """The weighted share of the query's distinct terms that the entry knows."""
    unknown_names: int
    """Names in the query that the entry does not know at all."""
    unknown_subjects: int
    """Of those, the subjects of other entries (监督学习 to the entry on RLHF)."""


@dataclass(frozen=True, slots=True)
class _Gathered:
    """The query's terms that some entry knows, with their weights in coverage."""

    total_weight: float
    matched: list[_Term]

    def coverages(self, numbers: Sequence[int]) -> list[_Cover]:
        """How much of the query each entry of `numbers` (the finalists) knows.

        Term by term: a short posting meets the finalists in one set intersection, done in C,
        so only the pairs that match cost a step in Python. Each entry still adds its terms'
        weights in the query's order, so the sums come out the same to the last bit.
        """
        if not self.total_weight:
            return [_Cover(0.0, 0, 0)] * len(numbers)
        slot = {number: i for i, number in enumerate(numbers)}
        known = [0.0] * len(numbers)
        unknown_names = [0] * len(numbers)
        unknown_subjects = [0] * len(numbers)
        for weight, ids, shares, is_name, is_subject, _ in self.matched:
            held = _held(ids, slot)
            for number in held:
                if shares is None:
                    known[slot[number]] += weight
                else:
                    known[slot[number]] += weight * shares[bisect_left(ids, number)]
            if is_name and len(held) < len(numbers):
                for number, i in slot.items():
                    if number not in held:
                        unknown_names[i] += 1
                        unknown_subjects[i] += is_subject
        return [
            _Cover(total / self.total_weight, names, subjects)
            for total, names, subjects in zip(known, unknown_names, unknown_subjects, strict=True)
        ]


SHORT_POSTING = 64
"""A posting this short is intersected with the finalists whole; a longer one is bisected."""


def _held(ids: array[int], numbers: dict[int, int]) -> set[int]:
    """Which of `numbers` the posting `ids` (ascending) holds."""
    if len(ids) <= SHORT_POSTING:
        return numbers.keys() & ids
    held = set()
    for number in numbers:
        at = bisect_left(ids, number)
        if at < len(ids) and ids[at] == number:
            held.add(number)
    return held


def _champions(
    ids: array[int], weights: array[float], common_df: int
) -> tuple[array[int], array[float]] | None:
    if len(ids) <= common_df:
        return None
    best = sorted(range(len(ids)), key=weights.__getitem__, reverse=True)[:CHAMPIONS]
    return array("i", (ids[i] for i in best)), array("f", (weights[i] for i in best))


def fuzzy_key(tokens: Sequence[str], known: Container[str]) -> str:
    """The tokens as one string for edit-distance similarity; a known latin word is one character.

    Otherwise "chatgpt" would weigh as much as seven Chinese characters, and any two questions
    about ChatGPT would look alike however different the rest. A latin word the knowledge does
    not know (redis, gpt-5) keeps its full length: swapping it for ChatGPT is a big change.
    """
    return "".join(_latin_symbol(t) if t in known and _LATIN_WORD.match(t) else t for t in tokens)


def _latin_symbol(token: str) -> str:
    # A stable character in a Unicode private use plane; collisions between two different
    # words are possible but rare (1 in 65,534) and only blur one similarity a little.
    return chr(0xF0000 + zlib.crc32(token.encode()) % 0xFFFE)


_THEIR_OWN = frozenset({"大模型", "模型", "人工智能", "聊天机器人", "产品", "llm", "chatbot"})
"""What a question asks of such a company when it asks about its model ("百度的大模型叫什么")."""


def other_makers_models(tokens: Sequence[str], entities: Container[str]) -> list[str]:
    """The makers no article speaks of whose own model a question asks about ("百度的大模型叫什么",
    "百度和阿里的大模型参数各有多少"): a name the knowledge does not know, as 文心一言 is. Not one
    named after a subject of the knowledge, as what it is claimed to be ("ChatGPT是谷歌的大模型吧"
    is answered by who made it), nor one named without a model ("国内大厂比如百度为啥做不出
    ChatGPT" is about the domestic teams)."""
    found: list[str] = []
    run: list[str] = []
    for token in tokens:
        if token in facts.OTHER_MAKERS:
            run.append(token)
            continue
        if run and token in _THEIR_OWN:
            found += run
        elif token in entities:
            return found
        run = []
    return found


def latin_names(
    tokens: Sequence[str], *, english: bool, capitalised: Container[str] = ()
) -> list[str]:
    """The latin tokens that name something (the caller checks them against the knowledge).

    In a Chinese message every latin word is a name or a term (Redis, GPT-5). In an English
    message most are ordinary words ("kinds", "good"): there, only a word with a digit in it
    (GPT-5, o1) or one written with two capitals or more (`capitalised`: RAG, GAN, DALL-E) is
    taken for a name. A lone letter is none: it spells (GPT的G、P、T); nor is a number (100亿,
    2023年): it is a figure.
    """
    latin = [t for t in tokens if _LATIN_WORD.match(t) and len(t) > 1 and not _FIGURE.fullmatch(t)]
    if not english:
        return latin
    return [t for t in latin if _DIGIT.search(t) or t in capitalised]


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
        subjects: Sequence[frozenset[str]] = (),
        held: Sequence[facts.Fact] = (),
        is_everyday: Callable[[str], bool] = lambda word: False,
        own_subjects: Sequence[frozenset[str]] = (),
        domain_terms: frozenset[str] = frozenset(),
        keywords: Sequence[frozenset[str]] = (),
        concepts: Sequence[frozenset[str]] = (),
        pairs: Sequence[tuple[frozenset[str], ...]] = (),
        lacking: Sequence[facts.Fact] = (),
    ) -> None:
        self.entries = tuple(entries)
        self._lacking = lacking or [facts.Fact.NONE] * len(self.entries)
        self._pairs = pairs or [()] * len(self.entries)
        self._keywords = keywords
        self._concepts = concepts or [frozenset()] * len(self.entries)
        self._domain_terms = domain_terms
        # Terms of the domain that no entry mentions (幻觉): a question naming one is stray.
        self._unheard_terms = frozenset(t for t in domain_terms if t not in words.idf)
        self._own_subjects = own_subjects
        self._every_subject: frozenset[str] = frozenset().union(*own_subjects)
        self._held = held
        self._is_everyday = is_everyday
        self._words = words
        self._grams = grams
        self._keys = keys
        self._subjects = subjects
        self._tokenize = tokenize

    @classmethod
    def build(
        cls,
        entries: Iterable[Entry],
        *,
        tokenize: Tokenize,
        is_everyday: Callable[[str], bool] = lambda word: False,
        is_miscut: Callable[[str], bool] = lambda word: False,
        subwords: Callable[[str], list[str]] = lambda word: [],
        domain_terms: Iterable[str] = (),
    ) -> Index:
        """Tokenise every entry once and index its words and character bigrams.

        `is_everyday`, `is_miscut`: see :meth:`Analyzer.is_everyday_word` and
        :meth:`Analyzer.is_miscut`.
        `subwords`: the words inside a longer word (see :meth:`Analyzer.subwords`).
        `domain_terms`: the lexicon's words of the domain (see :attr:`Weights.term_absent`).
        """
        entries = list(entries)
        word_docs: list[tuple[Counter[str], Counter[str]]] = []
        gram_docs: list[tuple[Counter[str], Counter[str]]] = []
        keys: list[tuple[str, ...]] = []
        phrasing_tokens_of: list[list[list[str]]] = []
        for entry in entries:
            phrasing_tokens = [tokenize(p) for p in entry.phrasings]
            phrasing_tokens_of.append(phrasing_tokens)
            # Every latin word of a phrasing is in the index, so it counts as known here.
            keys.append(tuple(fuzzy_key(tokens, tokens) for tokens in phrasing_tokens))
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
        # An answer that says 准确性 knows what "ChatGPT准确吗" asks about. Only answers: in
        # phrasings the sub-words brought more near-domain confusion than help. Not a domain
        # word that no entry says as a word of its own: the lexicon names it because it means
        # something else (情感 is no 情感分析, 联网 no 互联网).
        said = {token for strong, weak in word_docs for token in strong.keys() | weak.keys()}
        unsaid = {token for term in domain_terms for token in tokenize(term) if token not in said}
        for _, weak in word_docs:
            weak.update({word for token in weak for word in subwords(token)} - weak.keys() - unsaid)
        entities = {token for entry in entries for token in tokenize(entry.subject)}
        subject_terms = frozenset(entities)
        # A model's version is a name too: "GPT-4有多少参数" is not answered by GPT-3's figure.
        # A figure is none (the 2 of "上线2个月", the 1亿 of "用户达到1亿"): the normaliser joins
        # a version to its model (GPT 4 → gpt-4), so a number alone is a figure.
        entities.update(
            term
            for strong, weak in word_docs
            for term in strong.keys() | weak.keys()
            if _LATIN_WORD.match(term) and _DIGIT.search(term) and not _FIGURE.fullmatch(term)
        )
        # The subjects an entry speaks of: its own, and those its phrasings and keywords name.
        subjects = [frozenset(strong.keys() & entities) for strong, _ in word_docs]
        # Its own subject by a shorter name, too: people call ChatGPT "gpt" ("gpt回答写一半就断了").
        shorthands = {
            name: {short for short in subject_terms if short != name and name.endswith(short)}
            for name in subject_terms
            if _LATIN_WORD.match(name)
        }
        own_subjects = [
            frozenset(
                short
                for name in tokenize(entry.subject)
                for short in (name, *shorthands.get(name, ()))
            )
            for entry in entries
        ]
        keywords = [frozenset(t for k in entry.keywords for t in tokenize(k)) for entry in entries]
        # Subjects are damped as names already, and an everyday word says little.
        terms = {
            token
            for term in domain_terms
            for token in tokenize(term)
            if token not in entities and not is_everyday(token)
        }
        # The entry's concepts: domain terms among its keywords that its phrasings ask about
        # (提示工程); not a name (Azure), nor a keyword the entry only mentions (a person).
        concept_terms = {term for term in terms if not _LATIN_WORD.match(term)}
        concepts = [
            frozenset(t for tokens in phrasings for t in tokens) & own & concept_terms
            for phrasings, own in zip(phrasing_tokens_of, keywords, strict=True)
        ]
        # The names each phrasing puts side by side ("GPT-1到GPT-4"): what the entry compares.
        pairs = [
            tuple(named for tokens in phrasings if len(named := frozenset(tokens) & entities) > 1)
            for phrasings in phrasing_tokens_of
        ]
        words = _Postings(word_docs, entities, subject_terms, is_everyday, is_miscut)
        # An entry that says the articles do not give a figure (GPT-4's parameters) holds the
        # kind its question asks for: it is the answer to that question, with or without a
        # figure of another model nearby.
        held = [
            facts.held(entry.answer)
            | (facts.asked(tokenize(entry.question)) if entry.declines else facts.Fact.NONE)
            for entry in entries
        ]
        return cls(
            entries,
            words,
            _Postings(gram_docs),
            keys,
            tokenize,
            subjects,
            held,
            is_everyday,
            own_subjects,
            frozenset(terms),
            keywords,
            concepts,
            pairs,
            [
                facts.asked(tokenize(entry.question))
                if entry.declines and facts.tells_besides_what_it_lacks(entry.answer, entry.subject)
                else facts.Fact.NONE
                for entry in entries
            ],
        )

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def vocabulary(self) -> Iterable[str]:
        """Every word some entry has (tokens of the tokenizer)."""
        return self._words.idf.keys()

    def knows(self, term: str) -> bool:
        """Some entry has this term (a token of the tokenizer)."""
        return term in self._words.idf

    def is_banter(self, tokens: Iterable[str]) -> bool:
        """Whether a query is small talk about a person (`text.PERSONAL_WORDS`) in words the
        knowledge never uses: whatever it is asked of, no entry answers it."""
        known = self._words.idf
        tokens = list(tokens)
        living, where = LIVING_AT
        return any(
            token not in known
            and (token in PERSONAL_WORDS or not PERSONAL_CHARACTERS.isdisjoint(token))
            for token in tokens
        ) or any(a == living and b in where for a, b in itertools.pairwise(tokens))

    def names_subject(self, term: str) -> bool:
        """This term names the subject of some entry (ChatGPT, 大模型...)."""
        return term in self._words.entities

    def search(
        self, query: str, *, limit: int = 5, min_score: float = 0.0, english: bool | None = None
    ) -> list[Hit]:
        """The best entries for a query, most confident first; [] when nothing shares a term.

        `english`: the message was written in English (see :func:`latin_names`); by default,
        when the query has no Chinese character.
        """
        if english is None:
            english = _CJK.search(query) is None
        return self.search_tokens(
            self._tokenize(query), limit=limit, min_score=min_score, english=english
        )

    def search_tokens(
        self,
        tokens: list[str],
        *,
        limit: int = 5,
        min_score: float = 0.0,
        english: bool = False,
        claim: bool = False,
        now: bool = False,
        years: Sequence[str] = (),
        moments: Sequence[str] = (),
        unsaid: facts.Unsaid | None = None,
        capitalised: Iterable[str] = (),
    ) -> list[Hit]:
        """:meth:`search` for a query already tokenised (by the tokenizer the index was built
        with), so that a caller who has the tokens does not pay for a second tokenisation.

        `claim`: the query puts a claim to be confirmed (`bot.core.text.checks_a_claim`);
        `now`: it asks how things stand today (`facts.asks_about_now`: the search drops 现在);
        `years`: the years it names (a figure of 2025 is no figure of the articles' time);
        `moments`: the moments it asks a figure at (`facts.moments_named`: 上线第五天);
        `unsaid`: what it asks that an answer may say its article leaves out (`facts.Unsaid`);
        `capitalised`: its words written with two capitals or more (see :func:`latin_names`).
        """
        if not tokens:
            return []
        tokens = self._words.unglued(tokens)
        # Lone Chinese characters say how something is put, not what about: "各位好" is 好 and
        # nothing else, which the usage tips' "怎样用好ChatGPT" would answer.
        if all(len(token) == 1 and _CJK.match(token) for token in tokens):
            return []
        # "RLHF是男的女的": its subject matches an entry, the rest no entry could answer.
        if self.is_banter(tokens):
            return []
        # A name the knowledge has never seen (redis, gpt-5) is what the question is about, and
        # the bot knows nothing of it: at best a did-you-mean, never a confident answer. One
        # it knows (Siri) is answered only by an entry that knows it.
        # Only an acronym the knowledge has never seen is a name in English (RAG); a known one
        # (OpenAI) weighs as the word it is, as before.
        strange = [word for word in capitalised if word not in self._words.idf]
        names = latin_names(tokens, english=english, capitalised=strange)
        # Each name once: google is a latin name already.
        names += [m for m in other_makers_models(tokens, self._words.entities) if m not in names]
        domain_terms = tuple(t for t in dict.fromkeys(tokens) if t in self._domain_terms)
        # Only a claim about the domain, naming a subject or a term of it ("RLHF没啥用吧，就是个
        # 营销噱头"): a claim about anything else ("明天会下雨吧") is not weighed as one. One
        # about what a subject can do that no entry mentions ("ChatGPT能帮我订机票吧") is stray
        # all the same (see `_asks_an_unknown_ability`).
        entities = self._words.entities
        claim = claim and (bool(domain_terms) or any(t in entities for t in tokens))
        bm25: dict[int, float] = {}
        words = self._words.gather(
            tokens, 1.0, bm25, names=frozenset(names), english=english, claim=claim
        )
        grams = self._grams.gather(char_bigrams(tokens), GRAM_WEIGHT, bm25)
        if not bm25:
            return []
        by_score = itemgetter(1)
        if len(bm25) < 1000:  # sorting in C beats heapq's loop in Python for smaller sets
            candidates = sorted(bm25.items(), key=by_score, reverse=True)[:CANDIDATES]
        else:
            candidates = heapq.nlargest(CANDIDATES, bm25.items(), key=by_score)
        key = fuzzy_key(tokens, self._words.idf)
        unknown_names = sum(1 for t in names if t not in self._words.idf)
        wanted = facts.asked(tokens)
        asked = _Asked(
            frozenset(tokens),
            wanted,
            self.heads(tokens, english=english),
            domain_terms,
            self._about_the_unknown(tokens),
            not self._unheard_terms.isdisjoint(tokens),
            self._asks_an_unknown_ability(tokens),
            # A name is asked of the subject alone: "GPT中文全称是什么" asks nothing of 中文.
            self._asked_about(tokens) if wanted & ~facts.Fact.LATIN_NAME else (),
            not COMPARING.isdisjoint(tokens),
            self._compared(tokens, entities),
        )
        numbers = [number for number, _ in candidates]
        word_covers = words.coverages(numbers)
        # Without a single bigram in the query, the grams' coverage is the words'.
        gram_covers = grams.coverages(numbers) if grams.total_weight else word_covers
        scored = [
            self._score(number, total, cover, gram_cover.share, key, unknown_names, asked)
            for (number, total), cover, gram_cover in zip(
                candidates, word_covers, gram_covers, strict=True
            )
        ]
        scored.sort(key=lambda s: (s.score, s.bm25), reverse=True)
        scored = self._answer_before_a_refusal(scored)
        if not names and not domain_terms and "它" not in tokens and entities.isdisjoint(tokens):
            scored = self._subject_left_open(scored)
        # Only the hits asked for become Hit objects: building one costs as much as scoring it.
        when = None
        if wanted:
            when = _When(now, tuple(years), bool(wanted & facts.Fact.DAY), tuple(moments))
        # A figure the query states is one it asks about ("ChatGPT是不是有1750亿参数").
        stated = facts.Fact.NUMBER if any(map(_DIGIT.search, tokens)) else facts.Fact.NONE
        return [
            self._hit(s, claim, when, unsaid, wanted | stated)
            for s in scored[:limit]
            if s.score >= min_score
        ]

    def _answer_before_a_refusal(self, scored: list[_Scored]) -> list[_Scored]:
        """An entry that says the articles do not give what it is about ("ChatGPT有多少参数": they
        do not) is no reply to a question that does not name its subject ("1750亿参数"): an entry
        that answers, fitting nearly as well (`REFUSAL_TIE`), goes first."""
        if len(scored) < 2 or scored[0].subject_named:
            return scored
        first, second = scored[0], scored[1]
        if (
            self.entries[first.number].declines
            and not self.entries[second.number].declines
            and first.score - second.score < REFUSAL_TIE
        ):
            return [second, first, *scored[2:]]
        return scored

    def _subject_left_open(self, scored: list[_Scored]) -> list[_Scored]:
        """A question that names no subject ("有什么缺点", "是什么", "how does it work") fits
        whichever subject has its form, and when entries about two subjects fit it alike, its
        words cannot tell which it asks about (`Hit.subject_open`)."""
        first = scored[0]
        subject = self.entries[first.number].subject
        if all(
            self.entries[other.number].subject == subject
            for other in scored[1:]
            if first.score - other.score < SUBJECT_TIE
        ):
            return scored
        return [first._replace(subject_open=True), *scored[1:]]

    def heads(self, tokens: Sequence[str], *, english: bool) -> tuple[str, ...]:
        """The words the question form asks about (`facts.heads`) that an entry must know.

        English puts the subject after "how" ("how do people deal with it"): in an English
        message a word the knowledge does not know is no head, only an unknown word.
        """
        found = facts.heads(tokens, is_everyday=self._is_everyday)
        if not english:
            return found
        return tuple(h for h in found if not _LATIN_WORD.match(h) or h in self._words.idf)

    def _asks_an_unknown_ability(self, tokens: list[str]) -> bool:
        """The query asks whether a subject can do something no entry mentions ("大模型能炒股吗",
        "ChatGPT能帮我算命吗"): its subject and the form 能…吗 alone would carry it to whichever
        entry asks what the subject can do ("大模型能看图吗").

        Only the bare form counts: nothing but subjects before the modal, no question word after
        it (会发生什么 asks what happens), and no word after it of two or more characters that
        an entry knows (帮 and 我 are grammar; 写代码 is known).
        """
        at = next((i for i, token in enumerate(tokens) if token in MODALS), None)
        if at is None or at == 0:
            return False
        before, after = tokens[:at], tokens[at + 1 :]
        asked = [token for token in after if len(token) > 1 and token not in NEGATED_MODALS]
        return (
            all(token in self._words.entities for token in before)
            and not any(token in QUESTION_WORDS for token in after)
            and bool(asked)
            and not any(token in self._words.terms for token in asked)
        )

    def _asked_about(self, tokens: list[str]) -> tuple[str, ...]:
        """What a question for a fact (`facts.asked`) asks it about besides its subject: its
        words that some entry knows ("ChatGPT有多少参数": 参数; "大模型的估值是多少": 估值).
        () when they are all everyday words: the 出来 of "ChatGPT是哪年出来的" says little about
        what is asked."""
        words = self._words
        # A figure is the value asked about, not what it is about: the 2023 of "ChatGPT不是2023年
        # 才出来的吗" claims a date, which the entry on its launch holds.
        found = tuple(
            token
            for token in dict.fromkeys(tokens)
            if len(token) > 1
            and token not in QUESTION_WORDS
            and not _FIGURE.fullmatch(token)
            and token not in words.entities
            and token not in facts.IN_ENGLISH
            and token in words.terms
        )
        return () if all(map(self._is_everyday, found)) else found

    @staticmethod
    def _compared(tokens: Sequence[str], entities: Container[str]) -> frozenset[str]:
        """The versions a query compares (`_Asked.compared`); empty when it compares none or one."""
        asks_which = any(t in _WHICH_ONE for t in tokens) and any(
            t.startswith("更") and len(t) > 1 for t in tokens
        )
        if COMPARING.isdisjoint(tokens) and not asks_which:
            return frozenset()
        named = frozenset(t for t in tokens if t in entities)
        versions = _versions(named)
        if versions == 1 and len(named) > 1:
            # A version against another name ("GPT-4和ChatGPT有啥区别"): GPT against ChatGPT
            # is another comparison, as GPT-3.5 against GPT-4 is.
            return named
        return frozenset(t for t in named if _DIGIT.search(t)) if versions > 1 else frozenset()

    def _about_the_unknown(self, tokens: list[str]) -> bool:
        """The query names something no entry mentions: a Chinese word of two or more characters
        that is no everyday word (租房, 减肥); the pairs jieba glued from grammar and a character
        the knowledge has (就断) are cut back before (see `unglued`). A query about 它 is about
        the chat's subject."""
        words = self._words
        return "它" not in tokens and any(
            len(token) > 1
            and not _LATIN_WORD.match(token)
            and not self._is_everyday(token)
            and words.weight_of(token) == words.unknown_idf
            for token in tokens
        )

    def _score(
        self,
        number: int,
        bm25: float,
        cover: _Cover,
        gram_coverage: float,
        key: str,
        missing_names: int,
        asked: _Asked,
    ) -> _Scored:
        coverage, unknown_names, unknown_subjects = cover
        # An entry answers about its subjects: a question that names none of them ("文心一言是哪家
        # 公司做的" against "ChatGPT是哪家公司做的") is a weaker match.
        # A concept of the domain that the entry's phrasings ask about (提示工程, 多轮对话) is
        # one of its subjects too: "提示工程在ChatGPT里扮演什么角色" names prompt-learning's.
        subject_named = (
            not self._subjects
            or not self._subjects[number].isdisjoint(asked.terms)
            or not self._concepts[number].isdisjoint(asked.domain_terms)
        )
        # Names count against an entry that does not know them, and so does a subject the query
        # names (ChatGPT) that this entry does not know at all: "ChatGPT有多少参数" is not
        # answered by the entry on 大模型's parameters. But a question that names this entry's
        # own subject may relate it to another concept ("RLHF不就是监督学习吗"): that concept is
        # no reason to doubt the entry. A version still is.
        own_named = not self._own_subjects or not self._own_subjects[number].isdisjoint(asked.terms)
        missing_names += unknown_names - (unknown_subjects if own_named else 0)
        # "GPT-2有多少参数" is not answered by an entry whose answer has no number in it.
        wanted = asked.facts
        fact_held = not wanted or not self._held or facts.answered(wanted, self._held[number])
        # Who made something is said of the entry's own subject, not of another the query asks
        # it of: "who invented transformer" is not answered by the fact that OpenAI made GPT.
        fact_held = fact_held and (
            not wanted & facts.Fact.MAKER
            or own_named
            or asked.terms.isdisjoint(self._every_subject)
        )
        head_known = all(self._words.has(number, head) for head in asked.heads)
        missing_terms = sum(1 for term in asked.domain_terms if not self._words.has(number, term))
        # "租房要注意什么" meets "使用ChatGPT要注意什么" only through its everyday words, and
        # "大模型能炒股吗" meets "大模型能看图吗" only through its subject and its form.
        # An entry that knows none of what a question for a fact asks about shares only its
        # subject with it: "大模型的估值是多少" is not answered by the entry on 大模型's parameters,
        # though its answer holds a number.
        only_the_subject = bool(asked.about) and not any(
            self._words.has(number, word) for word in asked.about
        )
        stray = (
            asked.unknown_term
            or asked.unknown_ability
            or (asked.compares and missing_names > 0)
            or (
                asked.compared
                # One version against another name strays only from a comparison of others:
                # "GPT-3和ChatGPT在安全方面有什么区别" is the safety entry's, which compares none.
                and (self._pairs[number] or _versions(asked.compared) > 1)
                and not any(len(p & asked.compared) > 1 for p in self._pairs[number])
            )
            or only_the_subject
            or (
                asked.about_the_unknown
                and not subject_named
                and not self._shares_a_term(number, asked)
            )
        )
        _, similarity, best = process.extractOne(key, self._keys[number], scorer=fuzz.ratio)
        fuzzy = similarity / 100
        score = confidence(
            coverage,
            gram_coverage,
            fuzzy,
            missing_names=missing_names,
            subject_named=subject_named,
            fact_held=fact_held,
            head_known=head_known,
            missing_terms=missing_terms,
        )
        return _Scored(
            round(score, 4),
            bm25,
            number,
            coverage,
            gram_coverage,
            fuzzy,
            best,
            missing_names,
            subject_named,
            fact_held,
            head_known,
            missing_terms,
            stray,
        )

    def _shares_a_term(self, number: int, asked: _Asked) -> bool:
        """The entry has one of its keywords, a name or a domain term of the query."""
        if self._keywords and not self._keywords[number].isdisjoint(asked.terms):
            return True
        names = (term for term in asked.terms if term in self._words.entities)
        return any(self._words.has(number, term) for term in (*asked.domain_terms, *names))

    @staticmethod
    def _unsaid(entry: Entry, unsaid: facts.Unsaid | None, when: _When | None) -> str:
        """What of the question the entry's answer says its article leaves out (`Hit.unsaid`):
        a reason or names (`facts.Unsaid`), or the day of a date it gives only to the month."""
        said = unsaid.in_answer(entry.answer) if unsaid is not None else ""
        if not said and when is not None and when.day:
            said = facts.date_without_day(entry.answer)
        return said

    def _hit(
        self,
        scored: _Scored,
        claim: bool,
        when: _When | None,
        unsaid: facts.Unsaid | None,
        wanted: facts.Fact,
    ) -> Hit:
        entry = self.entries[scored.number]
        # "那ChatGPT的参数呢" asks for no figure, and nothing the entry does not know: the entry
        # that lacks ChatGPT's figure answers it with what it does say (基于GPT-3的底层架构，拥有
        # 大量的参数). "具体多少参数" it declines, and "Gemini和ChatGPT谁的参数多" too.
        lacking = self._lacking[scored.number]
        told_besides = bool(lacking and not wanted & lacking and scored.coverage >= FULL_COVERAGE)
        return Hit(
            entry,
            scored.score,
            scored.coverage,
            scored.gram_coverage,
            scored.fuzzy,
            scored.bm25,
            entry.phrasings[scored.phrasing],
            scored.missing_names,
            scored.subject_named,
            scored.fact_held,
            scored.head_known,
            scored.missing_terms,
            scored.stray,
            scored.subject_open,
            when.of(entry.answer) if when is not None and scored.fact_held else "",
            self._unsaid(entry, unsaid, when),
            claim and not scored.missing_names,
            told_besides,
        )


class _When(NamedTuple):
    """When a question for a fact asks it of: today (现在, 如今), or years it names; and
    whether it asks the day ("11月几号")."""

    now: bool
    years: tuple[str, ...]
    day: bool = False
    moments: tuple[str, ...] = ()
    """Moments in a stretch of time it asks at (`facts.moments_named`: 上线第五天)."""

    def of(self, answer: str) -> str:
        """The time it asks of, when that is not the time of the answer: a moment the answer
        does not name, or, of an answer that gives things as they stood when its article was
        written, today or a year it does not mention; else ""."""
        if other_moments := [moment for moment in self.moments if moment not in answer]:
            return "、".join(other_moments)
        if not facts.as_of_writing(answer):
            return ""
        other_years = [f"{year}年" for year in self.years if year not in answer]
        return "现在" if self.now else "、".join(other_years)


class _Scored(NamedTuple):
    """A candidate's scores, before it becomes a Hit."""

    score: float
    bm25: float
    number: int
    coverage: float
    gram_coverage: float
    fuzzy: float
    phrasing: int
    missing_names: int
    subject_named: bool
    fact_held: bool
    head_known: bool
    missing_terms: int
    stray: bool
    subject_open: bool = False


_WHICH_ONE = frozenset({"哪个", "谁"})
"""With a word of 更 ("哪个更强", "谁更好"): which of two is better, a comparison. Not with
an aspect after 更 ("哪个更适合做客服"): an entry on that aspect of one of them answers it."""


def _versions(names: Iterable[str]) -> int:
    """How many of the names are versions (GPT-3, GPT-3.5: a digit in the name)."""
    return sum(1 for name in names if _DIGIT.search(name))


class _Asked(NamedTuple):
    """What a query asks: its terms, and the kinds of fact it wants."""

    terms: frozenset[str]
    facts: facts.Fact
    heads: tuple[str, ...]
    domain_terms: tuple[str, ...]
    about_the_unknown: bool
    unknown_term: bool
    """It names a term of the lexicon's dictionary that no entry mentions: none answers it."""
    unknown_ability: bool
    """It asks whether a subject can do something no entry mentions: none answers it."""
    about: tuple[str, ...]
    """What a question for a fact asks it about besides its subject (`Index._asked_about`)."""
    compares: bool
    """It asks how two things differ (区别, 不同): an entry that misses one of them compares
    something else ("ELMo跟GPT有啥区别" is not answered by GPT against ChatGPT)."""
    compared: frozenset[str]
    """The model versions it compares (区别, 哪个更强…), when it names two or more: only an entry
    with a phrasing that puts two of them side by side compares them ("GPT-3.5和GPT-4哪个更强" is
    not answered by which one ChatGPT is built on, though that answer names both). Not other
    names: an entry on two steps or subjects may set them apart in its answer alone ("监督学习和
    强化学习步骤有什么不同" is ChatGPT's training)."""


class Verdict(Enum):
    """What to do with a message, judged by its best hits."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    DECLINE = "decline"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Confidence cut-offs: answer at or above `answer`, or at or above `clear` when the
    runner-up scores at least `margin` less, or a claim (`Hit.claim`) at or above `suggest` when
    the runner-up scores at least `claim_lead` less (at or above `named_claim` when it names the
    entry's subject); offer choices at or above `suggest`."""

    answer: float = 0.42
    clear: float = 0.34
    margin: float = 0.02
    suggest: float = 0.28
    claim_lead: float = 0.1
    named_claim: float = 0.2
    max_suggestions: int = 3


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on a query and the hits it rests on (best first)."""

    verdict: Verdict
    hits: tuple[Hit, ...]
    asked: str | None = None
    """The part of the message judged, when not the whole: an earlier question of a long
    message, or a short one without what follows its question (see `Library.match`)."""
    described: str | None = None
    """The description of a concept whose name was asked, when the answer is the definition
    whose answer says it (see `bot.core.naming`); the best hit's score is the share it says."""

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None

    @property
    def answered(self) -> Hit | None:
        """The hit that answers the query, if any: routed to an entry with confidence, and not
        one whose answer is that the articles do not say (`Hit.not_in_sources`)."""
        best = self.best
        if self.verdict is Verdict.ANSWER and best is not None and not best.not_in_sources:
            return best
        return None


def answers(
    best: float,
    runner_up: float,
    thresholds: Thresholds,
    *,
    claim: bool = False,
    fact_held: bool = True,
    subject_named: bool = False,
) -> bool:
    """Whether the first candidate's score, and its lead on the second, make an answer.

    A claim to be confirmed scores low even against the entry that answers it: what it gets
    wrong (不用参与, 拍脑袋) is no word of that entry. A clear lead then says more than the score,
    and more still when the claim names the entry's subject ("RLHF不需要人吧,全是机器自己学的?").
    Not for an entry without the kind of fact asked (`Hit.fact_held`): "Who invented PPO?" leads
    on the entry about PPO only because nothing else is about it.
    """
    lead = best - runner_up
    claim_floor = thresholds.named_claim if subject_named else thresholds.suggest
    return (
        best >= thresholds.answer
        or (fact_held and best >= thresholds.clear and lead >= thresholds.margin)
        or (claim and best >= claim_floor and lead >= thresholds.claim_lead)
    )


def decide(hits: Sequence[Hit], thresholds: Thresholds) -> Match:
    """Answer, suggest up to `max_suggestions` questions, or decline.

    A first candidate well ahead of the second is a surer answer than the same score in a
    crowd of near-equals: two signals, not one number.
    """
    if not hits:
        return Match(Verdict.DECLINE, ())
    best = hits[0]
    runner_up = hits[1].score if len(hits) > 1 else 0.0
    if best.answerable and answers(
        best.score,
        runner_up,
        thresholds,
        claim=best.claim,
        fact_held=best.fact_held,
        subject_named=best.subject_named,
    ):
        return Match(Verdict.ANSWER, (best,))
    if best.score < thresholds.suggest:
        return Match(Verdict.DECLINE, (best,))
    suggestions = tuple(h for h in hits if h.score >= thresholds.suggest)
    return Match(Verdict.SUGGEST, suggestions[: thresholds.max_suggestions])
