"""Edit the knowledge files the way an admin would by hand: add a way of asking to an entry.

The YAML is edited with ruamel.yaml's round trip, so comments, key order, quoting and layout
stay as they were; the whole directory is validated with the edit before the file is replaced
(atomically), so a running bot's watcher never sees a half-written or invalid file.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from bot.core.knowledge import knowledge_files, load_knowledge
from bot.core.library import Library, load_library
from bot.core.search import Match, Thresholds, Verdict
from bot.core.text import LEXICON_DIR
from bot.errors import BotError

MAX_ALTERNATIVE_CHARS = 200


class EditRefused(BotError):
    """The edit was not made; the message says why."""


@dataclass(frozen=True, slots=True)
class Added:
    """Where the new alternative went, and where the matcher now sends it."""

    file: Path
    entry_id: str
    routed_to: str | None


def add_alternative(
    directory: Path,
    entry_id: str,
    question: str,
    *,
    force: bool = False,
    thresholds: Thresholds | None = None,
) -> Added:
    """Append `question` to the entry's alternatives, keeping the file's comments and layout.

    Refused (EditRefused) when the matcher would route the phrasing to another entry, since
    `kb check` would then fail, unless `force`.
    """
    question = " ".join(question.split())
    if not question:
        raise EditRefused("问题是空的")
    if len(question) > MAX_ALTERNATIVE_CHARS:
        raise EditRefused(f"问题超过 {MAX_ALTERNATIVE_CHARS} 个字")
    library = load_library(directory, thresholds=thresholds)
    entry = library.get(entry_id)
    if entry is None:
        raise EditRefused(_unknown_id(library, entry_id))
    normalise = library.analyzer.normalise
    if normalise(question) in {normalise(p) for p in entry.phrasings}:
        raise EditRefused(f"{entry_id} 已经有这种问法")
    path = Path(entry.file)
    edit = _EntryEdit(path, entry_id)
    edit.alternatives.append(question)
    with edit.trial(directory) as trial:
        edited = load_library(trial, previous=library)
        routed = edited.match(question)
        answered_by = _answered_by(routed)
        if answered_by != entry_id and not force:
            raise EditRefused(_routed_elsewhere(entry_id, routed))
        stolen = _new_collisions(library, edited)
        if stolen and not force:
            raise EditRefused(
                f"没有添加：加上后这些已有的问法会被匹配到别处，kb check 会报错："
                f"{'；'.join(stolen)}。换个问法；确实要加，用 --force"
            )
        edit.save(trial)
    return Added(path, entry_id, answered_by)


def _new_collisions(before: Library, after: Library) -> list[str]:
    """Existing phrasings that the edit takes from their own entry (`kb check` would fail)."""
    already = _misrouted(before)
    return [f"{e} 的“{p}”" for e, p in sorted(_misrouted(after) - already) if p][:3]


def _misrouted(library: Library) -> set[tuple[str, str]]:
    return {
        (entry.id, phrasing)
        for entry in library.entries
        for phrasing in entry.phrasings
        if _answered_by(library.match(phrasing)) != entry.id
    }


def _answered_by(match: Match) -> str | None:
    best = match.best
    return best.entry.id if match.verdict is Verdict.ANSWER and best is not None else None


def _unknown_id(library: Library, entry_id: str) -> str:
    """No such id; the nearest ids by spelling, as a mistyped id usually is close to one."""
    close = difflib.get_close_matches(entry_id, [e.id for e in library.entries], n=3, cutoff=0.6)
    names = "、".join(close[:-1]) + f" 或 {close[-1]}" if len(close) > 1 else "".join(close)
    hint = f"。你是不是想输入 {names}？" if close else "。条目 id 在 knowledge/*.yaml 的 id: 行。"
    return f"没有 id 为 {entry_id} 的条目{hint}"


def _routed_elsewhere(entry_id: str, match: Match) -> str:
    best = match.best
    if best is None:
        outcome = "匹配不到任何条目"
    elif best.entry.id == entry_id:
        rivals = "、".join(hit.entry.id for hit in match.hits[1:])
        tie = f"，与 {rivals} 难分高下" if rivals else ""
        outcome = f"对 {entry_id} 不够有把握（{best.score:.2f}，{_verdict(match.verdict)}{tie}）"
    else:
        outcome = f"会交给 {best.entry.id}（“{best.entry.question}”，{best.score:.2f}）"
    return (
        f"没有添加：加上后匹配器{outcome}，kb check 会报错。"
        f"先调整 {entry_id} 的 keywords 或换个问法；确实要加，用 --force"
    )


def _verdict(verdict: Verdict) -> str:
    return {Verdict.ANSWER: "会回答", Verdict.SUGGEST: "只会给出选项", Verdict.DECLINE: "会拒答"}[
        verdict
    ]


def _copy_knowledge(directory: Path, trial: Path) -> None:
    """Copy what the loader reads, and only that: a copy of the whole folder would follow a
    symlink loop in it (./self -> .) until the path is too long."""
    (trial / LEXICON_DIR).mkdir(parents=True)
    for path in knowledge_files(directory):
        shutil.copyfile(path, trial / path.name)
    for path in (directory / LEXICON_DIR).glob("*"):
        if path.is_file():
            shutil.copyfile(path, trial / LEXICON_DIR / path.name)


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _replace(path: Path, text: str) -> None:
    """Write next to the file, then rename over it: readers see the old file or the new one."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_alternative(directory: Path, entry_id: str, question: str) -> Path:
    """Take `question` out of the entry's alternatives again (undoing add_alternative).

    The same round trip, validation and atomic replace as adding; refused (EditRefused) when
    the entry or the phrasing is no longer there, or when the folder would not load without it.
    """
    library = load_library(directory)
    entry = library.get(entry_id)
    if entry is None:
        raise EditRefused(_unknown_id(library, entry_id))
    path = Path(entry.file)
    edit = _EntryEdit(path, entry_id)
    # The last copy: add_alternative appended it, so that is the one to take back.
    where = [n for n, text in enumerate(edit.alternatives) if str(text) == question]
    if not where:
        raise EditRefused(f"{entry_id} 的问法里已经没有“{question}”")
    del edit.alternatives[where[-1]]
    # A KnowledgeError (e.g. too few alternatives left) leaves the file as it was.
    with edit.trial(directory) as trial:
        edit.save(trial)
    return path


class _EntryEdit:
    """One entry of a knowledge file, loaded for a round-trip edit (comments and layout kept),
    tried on a copy of the whole folder before the file itself is replaced."""

    def __init__(self, path: Path, entry_id: str) -> None:
        self.path = path
        self._yaml = _round_trip()
        self._document = self._yaml.load(path.read_text(encoding="utf-8"))
        raw = next(e for e in self._document["entries"] if e.get("id") == entry_id)
        self.alternatives: Any = raw["alternatives"]

    @contextmanager
    def trial(self, directory: Path) -> Iterator[Path]:
        """A copy of `directory` with the edited file in place, validated (KnowledgeError if
        it would not load); gone after the block."""
        with tempfile.TemporaryDirectory() as scratch:
            trial = Path(scratch) / "knowledge"
            _copy_knowledge(directory, trial)
            with (trial / self.path.name).open("w", encoding="utf-8") as out:
                self._yaml.dump(self._document, out)
            load_knowledge(trial)
            yield trial

    def save(self, trial: Path) -> None:
        """Replace the real file, atomically, with the validated edit."""
        _replace(self.path, (trial / self.path.name).read_text(encoding="utf-8"))
