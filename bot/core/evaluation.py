"""Quality checks on a library: phrasings routed elsewhere, and accuracy on question cases."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from bot.core.focus import with_pauses_marked
from bot.core.intent import asks_a_question
from bot.core.knowledge import Entry
from bot.core.library import Library
from bot.core.paging import split_sentences
from bot.core.search import Match, Verdict
from bot.errors import KnowledgeError, Problem

NONE = "none"


def find_collisions(library: Library) -> list[Problem]:
    """Every question or alternative that the matcher does not answer with its own entry."""
    problems = []
    for entry in library.entries:
        for phrasing in entry.phrasings:
            match = library.match(phrasing)
            best = match.best
            if match.verdict is Verdict.ANSWER and best is not None and best.entry.id == entry.id:
                continue
            if best is None:
                outcome = "matches nothing"
            elif best.entry.id == entry.id:
                outcome = f"is not confident enough ({best.score:.2f}, {match.verdict.value})"
            else:
                outcome = f"goes to {best.entry.id!r} ({best.score:.2f})"
            problems.append(
                Problem(entry.file, entry.line, entry.id, "alternatives", f"{phrasing!r} {outcome}")
            )
    return problems


MIN_SHARED_CHARS = 12
_BULLET = "-*•·"
_SENTENCE_TRIM = " \t。；！？，、：;!?,.:"


def answer_sentences(answer: str) -> list[str]:
    """The sentences of an answer, normalised for comparison (width, case, bullets, end marks).

    A list item is a sentence of its own even when it has no end punctuation; a line that only
    introduces what follows ("《某文》说：") says nothing by itself and is left out.
    """
    sentences = []
    for line in answer.splitlines():
        for sentence in split_sentences(line):
            text = unicodedata.normalize("NFKC", sentence).casefold().strip()
            if text.endswith(":"):
                continue
            text = text.lstrip(_BULLET).strip(_SENTENCE_TRIM)
            if text:
                sentences.append(text)
    return sentences


def find_shared_sentences(
    entries: Iterable[Entry], *, min_chars: int = MIN_SHARED_CHARS
) -> list[Problem]:
    """Answers that say the same thing twice: a sentence of one answer that another answer
    repeats, or that a sentence of the other answer contains whole.

    One place per fact: a parent summarises and its children add detail, in other words.
    Sentences shorter than `min_chars` characters (a heading such as "主要有三点") are ignored.
    """
    seen: list[tuple[Entry, list[str]]] = []
    problems = []
    for entry in entries:
        mine = [s for s in dict.fromkeys(answer_sentences(entry.answer)) if len(s) >= min_chars]
        for other, theirs in seen:
            for sentence in mine:
                twin = next((t for t in theirs if sentence in t or t in sentence), None)
                if twin is not None:
                    problems.append(
                        Problem(
                            entry.file,
                            entry.line,
                            entry.id,
                            "answer",
                            f"shares a sentence with {other.id!r}: "
                            f"{min(sentence, twin, key=len)!r}",
                        )
                    )
        seen.append((entry, mine))
    return problems


NO_STYLE = "-"
"""The style of a case whose file names none (kb_cases.yaml's format)."""


@dataclass(frozen=True, slots=True)
class Case:
    """A question and what answers it: an entry id, strings one of which the answer must
    hold (`any`), or neither for an off-topic question that must be declined."""

    question: str
    expect: str
    any: tuple[str, ...] = ()
    style: str = NO_STYLE
    strict: bool = True
    """Off-topic: only a decline passes. In the blind format a did-you-mean passes too."""

    @property
    def on_topic(self) -> bool:
        return self.expect != NONE or bool(self.any)

    def accepts(self, entry: Entry) -> bool:
        """Whether answering with this entry passes the case."""
        if self.any:
            answer = entry.answer.casefold()
            return any(text.casefold() in answer for text in self.any)
        return entry.id == self.expect


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one case went."""

    case: Case
    got: str
    verdict: Verdict
    score: float
    passed: bool


@dataclass(frozen=True, slots=True)
class Report:
    """Every case's outcome, with the accuracy figures."""

    outcomes: tuple[Outcome, ...]

    @property
    def accuracy(self) -> float:
        return sum(o.passed for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    def accuracy_of(self, *, off_topic: bool) -> float:
        """Accuracy on the off-topic cases, or on the on-topic ones."""
        chosen = [o for o in self.outcomes if o.case.on_topic != off_topic]
        return sum(o.passed for o in chosen) / len(chosen) if chosen else 0.0

    def by_style(self) -> dict[str, tuple[int, int]]:
        """(passed, total) per style, "on:" or "off:" before the style's name."""
        table: dict[str, tuple[int, int]] = {}
        for o in self.outcomes:
            key = ("on:" if o.case.on_topic else "off:") + o.case.style
            passed, total = table.get(key, (0, 0))
            table[key] = (passed + o.passed, total + 1)
        return dict(sorted(table.items()))


def load_cases(path: str | Path) -> list[Case]:
    """Read a cases file in either format.

    - ``cases: [{q: ..., expect: entry-id | none}, ...]`` (tests/cases/kb_cases.yaml);
    - ``on_topic: [{q, style, any: [...]}]`` and ``off_topic: [{q, style} | q]`` (the blind
      format of tests/cases/blind_cases.yaml and ../shared/eval/dev_questions.yaml).
    """
    path = Path(path)
    return cases_from(path, read_cases_file(path))


def read_cases_file(path: Path) -> object:
    """A cases file's data (question cases or conversations), or a KnowledgeError naming it."""
    try:
        return YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise KnowledgeError(
            [Problem(str(path), 0, None, None, f"cannot read cases: {exc}")]
        ) from exc


def cases_from(path: Path, data: object) -> list[Case]:
    """The question cases of a loaded cases file (see `load_cases`)."""
    if isinstance(data, dict) and "on_topic" in data:
        return _blind_cases(path, data)
    raw = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise KnowledgeError(
            [Problem(str(path), 1, None, "cases", "expected a 'cases' list or 'on_topic'")]
        )
    cases = []
    for number, item in enumerate(raw, start=1):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("q"), str)
            or not isinstance(item.get("expect"), str)
        ):
            raise KnowledgeError(
                [Problem(str(path), 0, None, f"cases[{number}]", "needs 'q' and 'expect' strings")]
            )
        cases.append(Case(item["q"], item["expect"]))
    return cases


def _blind_cases(path: Path, data: dict[str, Any]) -> list[Case]:
    cases = []
    for field_name in ("on_topic", "off_topic"):
        items = data.get(field_name) or []
        for number, item in enumerate(items if isinstance(items, list) else [None], start=1):
            if isinstance(item, str):
                item = {"q": item}
            strings = item.get("any", []) if isinstance(item, dict) else None
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("q"), str)
                or not isinstance(strings, list)
                or (field_name == "on_topic" and not strings)
            ):
                raise KnowledgeError(
                    [Problem(str(path), 0, None, f"{field_name}[{number}]", "needs 'q' and 'any'")]
                )
            cases.append(
                Case(
                    item["q"],
                    NONE,
                    tuple(str(s) for s in strings),
                    str(item.get("style", NO_STYLE)),
                    strict=False,
                )
            )
    return cases


def run_cases(library: Library, cases: Sequence[Case]) -> Report:
    """Ask every case; an answer counts only if it is the expected entry, a decline for none."""
    outcomes = []
    for case in cases:
        if asks_a_question(library.analyzer.normalise(case.question)):
            match = library.match(with_pauses_marked(case.question))
        else:
            match = Match(Verdict.DECLINE, ())  # thanks or 继续: the chat answers no entry
        best = match.best
        answered = match.answered is not None
        # An entry that says the articles do not answer a question is expected by its id.
        routed = best if match.verdict is Verdict.ANSWER else None
        got = routed.entry.id if routed is not None else NONE
        if case.on_topic:
            passed = routed is not None and case.accepts(routed.entry)
            passed = passed and (answered or not case.any)
        elif case.strict:
            passed = not answered and match.verdict is not Verdict.SUGGEST
            if match.verdict is Verdict.SUGGEST:
                got = "suggest"
        else:
            passed = not answered
        outcomes.append(Outcome(case, got, match.verdict, best.score if best else 0.0, passed))
    return Report(tuple(outcomes))


def unknown_expectations(library: Library, cases: Sequence[Case]) -> list[str]:
    """Expected entry ids that the library does not have."""
    return sorted({c.expect for c in cases if c.expect != NONE and library.get(c.expect) is None})
