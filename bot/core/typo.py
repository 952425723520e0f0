"""Correct the typos people make in the knowledge's own terms, before the search.

Two kinds, both checked against the knowledge's own terms, so that a correct word of everyday
Chinese is never "corrected" into a domain term:

- **Homophones** from pinyin input: 奖厉模型 → 奖励模型, 挑站 → 挑战, 思维连 → 思维链. A run of
  two to six characters that is not a common word is replaced by a domain term (a keyword,
  subject or lexicon word) of the same length that sounds the same (toneless pinyin of each
  character's main reading) and shares at least one character in place. Only domain terms are
  targets: against every word of the answers, 一下 became 以下 and 有什么 became 为什么.
- **Latin slips**: GTP → GPT, chatgbt → ChatGPT: a latin word that the knowledge does not know,
  one edit (or one swap of neighbours) from one it knows, with the same digits — GPT-5 is
  another model, not a typo of GPT-3. A zero beside a letter may be the o it looks like (pp0).
- **English slips**: waht → what, paramters → parameters, larg model → large model: a word of
  four letters or more that neither the knowledge nor the lexicon's English knows, two
  neighbours swapped from exactly one word of the lexicon's English, or one edit from it when
  it has eight letters or more or then makes a two-word phrase of the lexicon with a neighbour.
  Corrected before the English is mapped onto Chinese terms, which only meets words spelt
  right.

Pinyin readings come from pypinyin's character table, read directly: importing pypinyin
itself loads its phrase dictionaries too, which costs half a second at start-up.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LATIN_TYPO_CHARS = 3
MIN_ENGLISH_TYPO_CHARS = 4
"""Shorter English words are one slip from too many others (the, she, tie, thy)."""
NEIGHBOUR_CHARS = 32
"""How far around an English word its neighbours are looked for (a word is shorter)."""
MIN_ENGLISH_EDIT_CHARS = 8
"""Shorter English words are corrected only for two neighbours swapped (waht): the lexicon
knows a few hundred English words, and a word of everyday English one letter from one of them
is no typo (lunch: launch, apple: apply, raining: training)."""
WINDOW_SIZES = (6, 5, 4, 3, 2)
FUNCTION_CHARACTERS = frozenset("是的了在有不和就也都吗呢吧啊上")
"""Characters so common that one is written on purpose, not mistyped: 生成是怎么 is 生成 + 是,
not a misspelt 生成式, 训连是不是 is not 训练师, and 任务上用得多 is no 商用."""

LONG_TERM_CHARS = 4
"""A term this long, misspelt in one place only, is a typo even where the slip is a function
character: 近端策略有化 is no 近端策略 + 有化."""

SPELT_EVERYDAY = ("怎么", "什么", "为什么", "多少", "效果", "作用", "有用", "用处", "区别", "如何")
"""Words of a question, not of the domain, that a chat also spells in pinyin ("chatgpt zenme
xunlian de a", "fine-tune 之后 ChatGPT xiaoguo 咋样"): unknown latin words, they counted as
names the knowledge does not know. Two syllables or more: "yong" may be any of a dozen."""

MAX_TERM_SOUNDS = 16
"""Readings kept per term: a few characters have five or six readings each."""


def _words_across(run: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """The stretches of a run (with where they start and stop) that begin inside run[start:end]
    and end after it, no longer than a term can be."""
    longest = max(WINDOW_SIZES)
    for inner in range(start + 1, end):
        for stop in range(end + 1, min(inner + longest, len(run)) + 1):
            yield run[inner:stop], inner, stop


_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_LATIN_WORD = re.compile(r"[0-9a-z][0-9a-z.+#_-]*")
_LETTERS = re.compile(r"[a-z]+")
_LETTER_RUN = re.compile(
    r"(?<![0-9a-z.+#_-])(?P<run>[a-z]+(?: [a-z]+)*)(?![0-9a-z.+#_-])(?P<gap> (?=[\u3400-\u9fff]))?"
)
"""Latin words of letters only, one space apart: what may spell out a term in pinyin; and the
space before Chinese after them, which a term spelt out does not keep ("sheng cheng shi 人工智能"
is 生成式人工智能)."""
_DIGITS = re.compile(r"[0-9]+")
_ZERO_FOR_O = re.compile(r"(?<=[a-z])0|0(?=[a-z])")
"""A zero beside a letter, where an o was meant; not a zero of a number (gpt-3.0)."""
_ENGLISH_WORD = re.compile(
    rf"(?<![0-9a-z.+#_-])[a-z]{{{MIN_LATIN_TYPO_CHARS},}}(?![0-9a-z.+#_-])", re.IGNORECASE
)

Sound = tuple[str, ...]

MIN_INITIALS = 3
"""Two letters are the initials of too many terms, and of everyday abbreviations (nb, yy)."""
_VOWEL = re.compile("[aeiouv]")
"""What pinyin initials seldom hold and most English words do: "dmx" may be 大模型, "dam" not."""


def load_readings() -> Mapping[int, str]:
    """pypinyin's table of code point → readings ("cān,cēn,shēn"); empty when not installed."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return {}
    table = Path(spec.origin).with_name("pinyin_dict.json")
    try:
        data = json.loads(table.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {int(code): readings for code, readings in data.items()}


class TypoCorrector:
    """Rewrites a normalised text's misspelt domain words into the knowledge's spelling."""

    def __init__(
        self,
        *,
        terms: Iterable[str],
        latin_words: Iterable[str],
        english_words: Iterable[str] = (),
        english_phrases: Iterable[str] = (),
        readings: Mapping[int, str],
        is_common: Callable[[str], bool],
        abbreviated: Iterable[str] = (),
    ) -> None:
        """`terms`: the domain terms (normalised); `latin_words`: every latin word the knowledge
        has; `english_words`: the English words the lexicon maps or drops (lower case), and
        `english_phrases` the phrases of two words it maps ("large model"); `abbreviated`: the
        terms that may be typed as the initials of their pinyin (normalised);
        `is_common(word)`: a word of everyday Chinese, never a typo."""
        self._readings = readings
        self._is_common = is_common
        runs = {run for term in terms for run in _CJK_RUN.findall(term)}
        self._terms = frozenset(run for run in runs if 2 <= len(run) <= max(WINDOW_SIZES))
        self._by_sound: dict[Sound, list[str]] = {}
        for term in sorted(self._terms):
            for sound in self._term_sounds(term):
                self._by_sound.setdefault(sound, []).append(term)
        self._first_sounds = frozenset(sound[0] for sound in self._by_sound)
        # A term spelt out in pinyin ("da mo xing", "weitiao"): by its syllables run together,
        # each spelling kept only where it names one term.
        spelt: dict[str, set[str]] = {}
        for sound, found in self._by_sound.items():
            spelt.setdefault("".join(sound), set()).update(found)
        for word in SPELT_EVERYDAY:  # by their main readings: no term's typo
            spelt.setdefault("".join(map(self._sound_of, word)), set()).add(word)
        self._by_spelling = {
            spelling: next(iter(found)) for spelling, found in spelt.items() if len(found) == 1
        }
        # And by the first letters of its syllables ("dmx" → 大模型, "swl" → 思维链), as chats
        # abbreviate: only of three characters or more, and only where they name one term.
        # Each character by its main reading: initials are typed from the word as it is said.
        # Only of the terms people name (大模型, 思维链), not of every keyword: "xdm" is 兄弟们
        # to a group, not 写代码.
        initials: dict[str, set[str]] = {}
        for term in abbreviated:
            sounds = [self._sound_of(char) for char in term]
            if len(term) >= MIN_INITIALS and _CJK_RUN.fullmatch(term) and all(sounds):
                initials.setdefault("".join(sound[0] for sound in sounds), set()).add(term)
        self._by_initials = {
            letters: next(iter(found)) for letters, found in initials.items() if len(found) == 1
        }
        self._latin_set = frozenset(latin_words)
        # Known latin words by (letters' length, digits): one slip keeps the digits and changes
        # the length by at most one, so a typo is compared with three small lists. Joiners do
        # not count: gtp3 is a slip of gpt-3 as much as gtp-3 is.
        self._latin: dict[tuple[int, tuple[str, ...]], list[tuple[str, str]]] = {}
        for word in sorted(self._latin_set):
            letters = "".join(_LETTERS.findall(word))
            if _LETTERS.match(word) and len(word) >= MIN_LATIN_TYPO_CHARS:
                key = (len(letters), tuple(_DIGITS.findall(word)))
                self._latin.setdefault(key, []).append((word, letters))
        # A typed word of four letters may be a three-letter word with one letter too many.
        self._english = sorted(
            word for word in set(english_words) if len(word) >= MIN_ENGLISH_TYPO_CHARS - 1
        )
        self._english_set = frozenset(english_words)
        self._english_phrases = frozenset(english_phrases)

    def correct(self, text: str) -> str:
        """The text with its homophone and latin typos of known words corrected."""
        text = _CJK_RUN.sub(lambda m: self._correct_run(m.group(0)), text)
        text = _LETTER_RUN.sub(self._spelt_in_pinyin, text)
        return _LATIN_WORD.sub(lambda m: self._correct_latin(m.group(0)), text)

    def _spelt_in_pinyin(self, found: re.Match[str]) -> str:
        """Latin words that spell out a term in toneless pinyin, as the term ("fan hua neng li"
        → 泛化能力, "weitiao" → 微调); a word the knowledge or the lexicon's English knows is
        no pinyin (ai, model)."""
        words = found.group("run").split(" ")
        out: list[str] = []
        at = 0
        while at < len(words):
            for end in range(min(len(words), at + max(WINDOW_SIZES)), at, -1):
                span = words[at:end]
                if any(w in self._latin_set or w in self._english_set for w in span):
                    continue
                term = self._by_spelling.get("".join(span))
                if term is None and len(span) == 1 and not _VOWEL.search(span[0]):
                    term = self._by_initials.get(span[0])
                if term is not None:
                    out.append(term)
                    at = end
                    break
            else:
                out.append(words[at])
                at += 1
        spelt = " ".join(out)
        gap = found.group("gap") or ""
        return spelt if gap and not _LETTERS.search(out[-1]) else spelt + gap

    def correct_english(self, text: str) -> str:
        """A text as sent with its misspelt English words spelt right (in lower case); run
        before normalising, which maps only words spelt right onto Chinese terms."""
        return _ENGLISH_WORD.sub(self._english_word, text)

    def _english_word(self, found: re.Match[str]) -> str:
        typed = found.group(0)
        word = typed.casefold()
        if word in self._english_set or word in self._latin_set:
            return typed
        near = [
            known
            for known, _, _ in process.extract(
                word, self._english, scorer=OSA.distance, score_cutoff=1, limit=None
            )
        ]
        # Two neighbours swapped is the likeliest slip (waht: what, not want). A short word
        # takes no other slip (`MIN_ENGLISH_EDIT_CHARS`) unless it then makes a phrase of the
        # lexicon with a neighbour: "larg model" is "large model"; a word of three letters
        # only then, as it is one slip from many ("chat pgt" is "chat gpt", pgt alone no word).
        swapped = [known for known in near if sorted(known) == sorted(word)]
        if swapped and len(word) >= MIN_ENGLISH_TYPO_CHARS:
            near = swapped
        elif len(word) < MIN_ENGLISH_EDIT_CHARS:
            text, start, end = found.string, found.start(), found.end()
            before = text[max(0, start - NEIGHBOUR_CHARS) : start].casefold().split()[-1:]
            after = text[end : end + NEIGHBOUR_CHARS].casefold().split()[:1]
            near = [
                known
                for known in near
                if " ".join([*before, known]) in self._english_phrases
                or " ".join([known, *after]) in self._english_phrases
            ]
        # Two words as near leave it as typed: a guess is no correction.
        return near[0] if len(near) == 1 else typed

    def _correct_run(self, run: str) -> str:
        sounds = [self._sound_of(char) for char in run]
        out: list[str] = []
        at = 0
        while at < len(run):
            step, replacement = self._word_at(run, at, sounds)
            out.append(replacement)
            at += step
        return "".join(out)

    def _word_at(self, run: str, at: int, sounds: list[str]) -> tuple[int, str]:
        """The longest known word or correctable typo starting at `at` (else one character)."""
        # No term starts with this syllable: nothing here can be a misspelt term (most places).
        maybe_typo = sounds[at] in self._first_sounds
        prefix_term: int | None = None  # the length of the shortest term starting here, once
        for size in WINDOW_SIZES:
            if at + size > len(run):
                continue
            window = run[at : at + size]
            if window in self._terms:
                return size, window
            if self._is_common(window):
                # 用人 of "用人类反溃来训练" is 用 + 人类反馈, a term misspelt after it.
                if self._term_across(run, at, at + size, sounds):
                    return 1, run[at]
                return size, window
            if not maybe_typo:
                continue
            if prefix_term is None:
                prefix_term = self._shortest_term(run, at)
            if prefix_term < size:
                continue  # a term and the next word (训练是), not a misspelt longer term
            fixed = self._homophone(window, tuple(sounds[at : at + size]))
            if fixed is not None and not self._crosses_word(run, at, at + size):
                return size, fixed
        return 1, run[at]

    def _crosses_word(self, run: str, start: int, end: int) -> bool:
        """A term or common word spelt right starts inside run[start:end] and ends after it:
        the window's end is that word's beginning (时监督学习 is 时 + 监督学习, not a misspelt
        时间; 能理解 is 能 + 理解, not 能力)."""
        return any(
            word in self._terms or self._is_common(word)
            for word, _, _ in _words_across(run, start, end)
        )

    def _term_across(self, run: str, start: int, end: int, sounds: list[str]) -> bool:
        """A term, spelt right or as a homophone, starts inside run[start:end] and ends after
        it: the window is no word of its own there."""
        return any(
            word in self._terms
            or (
                len(word) >= LONG_TERM_CHARS
                and self._homophone(word, tuple(sounds[inner:stop])) is not None
            )
            for word, inner, stop in _words_across(run, start, end)
        )

    def _shortest_term(self, run: str, at: int) -> int:
        """The length of the shortest term of two or more characters at `at` (a large number
        when there is none): a window longer than it starts with a term."""
        for end in range(2, min(max(WINDOW_SIZES), len(run) - at)):
            if run[at : at + end] in self._terms:
                return end
        return max(WINDOW_SIZES) + 1

    def _homophone(self, window: str, sound: Sound) -> str | None:
        for term in self._by_sound.get(sound, ()):
            pairs = list(zip(term, window, strict=True))
            slips = [typed for meant, typed in pairs if meant != typed]
            if len(slips) == len(pairs):
                continue
            # A function character is written on purpose (生成是 is 生成 + 是), unless it is the
            # one slip in a long term (近端策略有化).
            if len(slips) == 1 and len(term) >= LONG_TERM_CHARS:
                return term
            if not any(typed in FUNCTION_CHARACTERS for typed in slips):
                return term
        return None

    def _sound_of(self, char: str) -> str:
        """Toneless pinyin of a character's main reading; "" when it has none."""
        return _main_reading(self._readings.get(ord(char), ""))

    def _term_sounds(self, term: str) -> list[Sound]:
        """Every way a term may be read (toneless; IMEs take no tones): 微调 is wei-tiao as well
        as 调's main reading diao, so 微条 is its typo. At most MAX_TERM_SOUNDS readings."""
        sounds: list[Sound] = [()]
        for char in term:
            readings = _readings_of(self._readings.get(ord(char), ""))
            if not readings:
                return []
            sounds = [(*sound, reading) for sound in sounds for reading in readings]
            del sounds[MAX_TERM_SOUNDS:]
        return sounds

    def _correct_latin(self, word: str) -> str:
        # An English word the lexicon drops is no slip of a name: will is not kill.
        if word in self._latin_set or word in self._english_set or len(word) < MIN_LATIN_TYPO_CHARS:
            return word
        # A zero typed for the letter it looks like: pp0 is ppo.
        looks_like = _ZERO_FOR_O.sub("o", word)
        if looks_like != word and (
            looks_like in self._latin_set or looks_like in self._english_set
        ):
            return looks_like
        letters = "".join(_LETTERS.findall(word))
        digits = tuple(_DIGITS.findall(word))
        for size in (len(letters), len(letters) - 1, len(letters) + 1):
            for known, known_letters in self._latin.get((size, digits), ()):
                if _one_slip(letters, known_letters):
                    return known
        return word


def _one_slip(typed: str, known: str) -> bool:
    """One edit apart; for three letters or fewer, only two neighbours swapped (gtp/gpt)."""
    if len(known) <= 3:
        return sorted(typed) == sorted(known) and OSA.distance(typed, known) == 1
    return OSA.distance(typed, known, score_cutoff=1) == 1


@lru_cache(maxsize=8192)
def _main_reading(readings: str) -> str:
    """'cān,cēn,shēn' → 'can'."""
    return _toneless(readings.split(",", 1)[0])


def _readings_of(readings: str) -> list[str]:
    """'diào,tiáo' → ['diao', 'tiao']: every reading, toneless, the main one first."""
    return list(dict.fromkeys(_toneless(reading) for reading in readings.split(",") if reading))


def _toneless(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
