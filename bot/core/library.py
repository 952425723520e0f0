"""The knowledge in service: entries, their search index, and the analyzer that built it.

A :class:`Library` is immutable and built completely before anyone sees it, so a reload can
replace the old one in a single assignment: a message is answered by one library or the other,
never by a half-loaded mix.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.core import facts, memo, naming
from bot.core.focus import earlier_questions, question_before_its_tail, question_focus
from bot.core.knowledge import Entry, KnowledgeBase, Topic, knowledge_files, load_knowledge
from bot.core.script import to_simplified
from bot.core.search import Hit, Index, Match, Thresholds, Verdict, decide, latin_names
from bot.core.source_file import MAX_FILE_BYTES
from bot.core.text import (
    FORM_WORDS,
    LEXICON_DIR,
    MAX_ANALYSED_CHARS,
    Analyzer,
    Lexicon,
    checks_a_claim,
    load_lexicon,
    set_aside,
    without_an_empty_denial,
)
from bot.core.typo import TypoCorrector, load_readings
from bot.core.vocabulary import Vocabulary
from bot.errors import KnowledgeError, Problem

UNEXPECTED = (RecursionError, ValueError, TypeError, IndexError, KeyError, AttributeError)
"""Failures of a reader on a file it has no check for yet (UnicodeError is a ValueError)."""


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.+#_-]*")
ENGLISH_WORDS_PER_CHARACTER = 3
"""English words per Chinese character from which a message is read as English."""
_CAPITALS = re.compile(r"[A-Z].*[A-Z]")


def written_in_english(text: str) -> bool:
    """A message in English (see `latin_names`): no Chinese character, or three English words
    for each one there is ("…my boss keeps talking about 大模型 in every meeting, but what is a
    large model?" is English with a Chinese term in it, not Chinese with thirty names)."""
    chinese = len(_CJK.findall(text))
    return chinese == 0 or len(_LATIN.findall(text)) >= ENGLISH_WORDS_PER_CHARACTER * chinese


REMEMBERED_SEARCHES = 4096
REMEMBERED_ANSWER_PIECES = 1024
"""Recent short searches a library keeps the hits of (a few kilobytes each; see `bot.core.memo`)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """How a message was read: the question part, normalised, with typos corrected."""

    focus: str
    normalised: str
    corrected: str
    english: bool
    claim: bool = False
    """It puts a claim to be confirmed (see :func:`bot.core.text.checks_a_claim`)."""
    now: bool = False
    """It asks how things stand today (see :func:`bot.core.facts.asks_about_now`)."""
    years: tuple[str, ...] = ()
    """The years it names (see :func:`bot.core.facts.years_named`)."""
    moments: tuple[str, ...] = ()
    """The moments it asks a figure at (see :func:`bot.core.facts.moments_named`)."""
    unsaid: facts.Unsaid | None = None
    """What it asks that an answer may say its article leaves out (see `facts.Unsaid`)."""
    tokens: tuple[str, ...] = ()
    """The corrected text's tokens that the search weighs."""
    set_aside: tuple[str, ...] = ()
    """Tokens left out as what the question is not about ("除了聊天": see `text.set_aside`)."""
    capitalised: frozenset[str] = frozenset()
    """Its latin words written with two capitals or more (RAG, DALL-E), folded: names even in
    an English message (see `search.latin_names`)."""


@dataclass(frozen=True)
class Library:
    """A loaded, validated and indexed knowledge directory."""

    base: KnowledgeBase
    index: Index
    analyzer: Analyzer
    lexicon: Lexicon
    fingerprint: str
    corrector: TypoCorrector
    thresholds: Thresholds = field(default_factory=Thresholds)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.base.entries

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.base.topics

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self.base.get(entry_id)

    # Built on first use rather than at load: a conversation needs them, `ask` and `kb` do not.
    # (cached_property writes the instance dict directly, which a frozen dataclass allows.)
    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        """The names and terms the entries know, for telling follow-ups from new questions."""
        return Vocabulary.build(self.entries, normalise=self.analyzer.normalise)

    @functools.cached_property
    def linked_from(self) -> dict[str, tuple[str, ...]]:
        """For each entry id, the ids of the entries that list it as related."""
        links: dict[str, list[str]] = {}
        for entry in self.entries:
            for target in entry.related:
                links.setdefault(target, []).append(entry.id)
        return {target: tuple(sources) for target, sources in links.items()}

    @functools.cached_property
    def answer_words(self) -> Callable[[str], frozenset[str]]:
        """The words of a piece of an answer (a page, a line) as the search reads them. Kept:
        answers are few and fixed until a reload, and a long answer's pieces are read for every
        question it answers (see `dialogue._said_later`)."""

        @functools.lru_cache(maxsize=REMEMBERED_ANSWER_PIECES)
        def words(text: str) -> frozenset[str]:
            return frozenset(self.analyzer.tokenise(text))

        return words

    def search(self, text: str, *, limit: int = 5, english: bool | None = None) -> list[Hit]:
        """The best hits for a text, most confident first; `english`: read it as English (by
        default, when it has no Chinese character; see `written_in_english`).

        A group asks the same questions again and again (什么是大模型, ChatGPT怎么训练的): the
        hits of recent short texts are kept, so that a repeated question skips the search.
        The library never changes, so they stay right until a reload replaces it.
        """
        return list(self._remembered_search(text, limit, english))

    @functools.cached_property
    def _remembered_search(self) -> Callable[[str, int, bool | None], tuple[Hit, ...]]:
        def search(text: str, limit: int, english: bool | None) -> tuple[Hit, ...]:
            return tuple(self._search(text, limit, english))

        return memo.ShortTextMemo(search, size=REMEMBERED_SEARCHES)

    def _search(self, text: str, limit: int, english: bool | None) -> list[Hit]:
        reading = self.read(text, english=english)
        return self.index.search_tokens(
            list(reading.tokens),
            limit=limit,
            english=reading.english,
            claim=reading.claim,
            now=reading.now,
            years=reading.years,
            moments=reading.moments,
            unsaid=reading.unsaid,
            capitalised=reading.capitalised,
        )

    def read(self, text: str, *, english: bool | None = None) -> Reading:
        """The message as the search reads it, stage by stage (`ask --explain` shows them)."""
        focus = self.focus(text)
        normalised = self.analyzer.normalise(focus)
        corrected = self.normalise_corrected(focus)  # the chat has read it so already
        tokens, aside = set_aside(
            self.analyzer.segment(corrected), is_subject=self.index.names_subject
        )
        tokens = without_an_empty_denial(tokens, is_subject=self.index.names_subject)
        # The question words of an English message become Chinese when normalised: whether it
        # was English is judged on the message as written.
        return Reading(
            focus,
            normalised,
            corrected,
            english=written_in_english(text) if english is None else english,
            claim=checks_a_claim(normalised),
            now=facts.asks_about_now(normalised),
            years=facts.years_named(normalised),
            moments=facts.moments_named(normalised),
            unsaid=facts.Unsaid.asked(corrected, tokens),
            tokens=tuple(tokens),
            set_aside=tuple(aside),
            capitalised=frozenset(
                word.casefold() for word in _LATIN.findall(focus) if _CAPITALS.search(word)
            ),
        )

    def normalise_corrected(self, text: str) -> str:
        """A text normalised with its typos corrected: how the chat reads a follow-up ("那gtp-4呢"
        names GPT-4). Remembered for recent short texts, as searches are."""
        return self._remembered_corrected(text)

    @functools.cached_property
    def _remembered_corrected(self) -> Callable[[str], str]:
        def corrected(text: str) -> str:
            # Only what the normaliser reads: a 4,000-character message is cut there too.
            spelt = self.corrector.correct_english(text[:MAX_ANALYSED_CHARS])
            return self._corrected(self.analyzer.normalise(spelt))

        return memo.ShortTextMemo(corrected, size=REMEMBERED_SEARCHES)

    def _corrected(self, normalised: str) -> str:
        """The normalised text with its typos corrected, and normalised again where corrected:
        生成试ai is normalised as 生成试 + 人工智能, and only once 生成式 is spelt right does the
        whole become the term 生成式ai."""
        corrected = self.corrector.correct(normalised)
        return corrected if corrected == normalised else self.analyzer.normalise(corrected)

    def focus(self, text: str) -> str:
        """The part of a message that asks the question (see :mod:`bot.core.focus`)."""
        index = self.index
        english = written_in_english(text)

        # A clause may be read for its known words and for its strange names: tokenised once.
        tokens = functools.cache(self._tokens)
        return question_focus(
            text,
            known_words=lambda clause: [t for t in tokens(clause) if index.knows(t)],
            unknown_names=lambda clause: self._strange_names(tokens(clause), english=english),
            is_subject=index.names_subject,
            is_term=self.vocabulary.is_term,
            is_everyday=self.analyzer.is_everyday_word,
            simplified=to_simplified,
        )

    def match(self, text: str) -> Match:
        """Search and judge: answer, suggest or decline.

        A long message whose last question is not answered is judged again as if it ended
        after each of its earlier questions, and the surest answer among those wins: the last
        question may only follow up the first ("GPT一共出过几个版本？最早那版是哪家机构搞出来
        的？"). Never one that leaves out a name the knowledge does not know ("ChatGPT能写代码吗？
        Copilot是不是更好用？" is about Copilot). A short message that is not answered is
        judged again without what follows its question (`_without_an_aside`); only then, as
        the tail may be what is asked ("ChatGPT不就只会聊天吗，还能干别的不")."""
        match = self._judged(text)
        if match.verdict is Verdict.ANSWER:
            return match
        if (by_description := self._named_by_description(text)) is not None:
            return by_description
        earlier = earlier_questions(text, to_simplified)
        if (asked := self._without_an_aside(text)) is not None:
            earlier.append(asked)
        if not earlier:
            return match
        english = written_in_english(text)
        strange = set(self._strange_names(self._tokens(text), english=english))
        answered = [
            replace(judged, asked=asked)
            for asked in earlier
            if strange <= set(self._strange_names(self._tokens(asked), english=english))
            and (judged := self._judged(asked)).answered is not None
        ]
        return max(answered, key=lambda judged: judged.hits[0].score, default=match)

    def _named_by_description(self, text: str) -> Match | None:
        """The definition a question describing a concept asks the name of, when its answer
        says the description surely (see :mod:`bot.core.naming`); else None."""
        if not naming.may_ask_a_name(text):
            return None
        description = naming.described(self.normalise_corrected(text))
        if description is None:
            return None
        index = self.index
        as_written = to_simplified(text).casefold()
        found = naming.named(
            self.analyzer.segment(description),
            self.entries,
            answer_words=self.answer_words,
            says_nothing=lambda word: word in FORM_WORDS or index.names_subject(word),
            written=lambda word: word in as_written,
        )
        if not naming.sure(found):
            return None
        best = found[0]
        hit = Hit(best.entry, best.coverage, best.coverage, 0.0, 0.0, 0.0, best.entry.question)
        return Match(Verdict.ANSWER, (hit,), described=description)

    def _without_an_aside(self, text: str) -> str | None:
        """A short message up to its question, when what follows tells of the asker ("思维链
        到底是个啥，作业要写一段"): words the knowledge knows (作业, 写) that weigh against the
        question, with no subject (", ChatGPT" asks about it) and no word the knowledge does not
        know ("ChatGPT怎么样？我想买会员" may be about the price); else None."""
        cut = question_before_its_tail(text, to_simplified)
        if cut is None:
            return None
        tail = self._tokens(cut[1])
        if all(map(self.index.knows, tail)) and not any(map(self.index.names_subject, tail)):
            return cut[0]
        return None

    def _judged(self, text: str) -> Match:
        return decide(self.search(text, limit=self.thresholds.max_suggestions + 2), self.thresholds)

    def _tokens(self, text: str) -> tuple[str, ...]:
        """A text's tokens as the search reads them: normalised, its typos corrected."""
        return tuple(self.analyzer.segment(self._corrected(self.analyzer.normalise(text))))

    def _strange_names(self, tokens: Sequence[str], *, english: bool) -> list[str]:
        """The latin names among tokens that the knowledge has never seen (Gemini, Copilot)."""
        return [t for t in latin_names(tokens, english=english) if not self.index.knows(t)]


def load_library(
    directory: str | Path,
    *,
    thresholds: Thresholds | None = None,
    previous: Library | None = None,
) -> Library:
    """Load, validate and index a knowledge directory (KnowledgeError when it is unusable).

    The jieba instance takes about a second to build, so a reload reuses the previous
    library's analyzer when the lexicon has not changed.
    """
    directory = Path(directory)
    try:
        base = load_knowledge(directory)
        lexicon = load_lexicon(directory)
    except UNEXPECTED as exc:
        # The readers turn every bad file they know of into a KnowledgeError; this names the
        # folder for any they do not, so that `kb check` and a reload still say what is wrong.
        reason = f"cannot load: {type(exc).__name__}: {exc}"
        raise KnowledgeError([Problem(str(directory), 0, None, None, reason)]) from exc
    if previous is not None and previous.lexicon == lexicon:
        analyzer = previous.analyzer
    else:
        analyzer = Analyzer(lexicon)
    index = Index.build(
        base.entries,
        tokenize=analyzer.tokenise,
        is_everyday=analyzer.is_everyday_word,
        is_miscut=analyzer.is_miscut,
        subwords=analyzer.subwords,
        domain_terms=lexicon.words,
    )
    return Library(
        base=base,
        index=index,
        analyzer=analyzer,
        lexicon=lexicon,
        fingerprint=fingerprint(directory),
        corrector=_typo_corrector(base, lexicon, analyzer, index),
        thresholds=thresholds or (previous.thresholds if previous else Thresholds()),
    )


def _typo_corrector(
    base: KnowledgeBase, lexicon: Lexicon, analyzer: Analyzer, index: Index
) -> TypoCorrector:
    # Not the synonyms' terms: besides domain terms they hold everyday words (使用, 数据).
    terms = [
        *lexicon.words,
        *(term for entry in base.entries for term in (*entry.keywords, entry.subject)),
    ]
    return TypoCorrector(
        terms=[analyzer.normalise(term) for term in terms],
        latin_words=index.vocabulary,
        english_words=analyzer.english_words,
        english_phrases=analyzer.english_phrases,
        readings=pinyin_readings(),
        is_common=analyzer.is_common_word,
        # What people name: the lexicon's terms and the entries' subjects.
        abbreviated=[
            analyzer.normalise(term)
            for term in {*lexicon.synonyms.values(), *(entry.subject for entry in base.entries)}
        ],
    )


@functools.cache
def pinyin_readings() -> Mapping[int, str]:
    """The pinyin table, read once per process (it does not change with the knowledge)."""
    return load_readings()


def fingerprint(directory: Path) -> str:
    """A short hash of every knowledge and lexicon file: equal fingerprints, equal knowledge."""
    digest = hashlib.sha256()
    paths: Sequence[Path] = [
        *knowledge_files(directory),
        *sorted((directory / LEXICON_DIR).glob("*")),
    ]
    for path in paths:
        if not path.is_file():
            continue
        digest.update(path.name.encode())
        size = path.stat().st_size
        # A file too big to load is refused by the loader; reading it here would not be cheap.
        digest.update(path.read_bytes() if size <= MAX_FILE_BYTES else f"{size}".encode())
    return digest.hexdigest()[:12]
