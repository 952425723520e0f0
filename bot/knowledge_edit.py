"""Edit the knowledge files the way an admin would by hand: add a way of asking to an entry.

The YAML is edited with ruamel.yaml's round trip, so comments, key order, quoting and layout
stay as they were; the whole directory is validated with the edit before the file is replaced
(atomically), so a running bot's watcher never sees a half-written or invalid file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from bot.core.knowledge import knowledge_files, load_knowledge
from bot.core.library import load_library
from bot.core.search import Verdict
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


def add_alternative(directory: Path, entry_id: str, question: str) -> Added:
    """Append `question` to the entry's alternatives, keeping the file's comments and layout."""
    question = " ".join(question.split())
    if not question:
        raise EditRefused("the question is empty")
    if len(question) > MAX_ALTERNATIVE_CHARS:
        raise EditRefused(f"the question is longer than {MAX_ALTERNATIVE_CHARS} characters")
    library = load_library(directory)
    entry = library.get(entry_id)
    if entry is None:
        raise EditRefused(f"no entry has the id {entry_id!r}")
    normalise = library.analyzer.normalise
    if normalise(question) in {normalise(p) for p in entry.phrasings}:
        raise EditRefused(f"{entry_id!r} already has that way of asking")
    path = Path(entry.file)
    yaml = _round_trip()
    document = yaml.load(path.read_text(encoding="utf-8"))
    raw = next(e for e in document["entries"] if e.get("id") == entry_id)
    raw["alternatives"].append(question)
    with tempfile.TemporaryDirectory() as scratch:
        # Validate the whole directory with the edited file in place, before touching it.
        trial = Path(scratch) / "knowledge"
        _copy_knowledge(directory, trial)
        with (trial / path.name).open("w", encoding="utf-8") as out:
            yaml.dump(document, out)
        load_knowledge(trial)
        routed = load_library(trial, previous=library).match(question)
        _replace(path, (trial / path.name).read_text(encoding="utf-8"))
    best = routed.best.entry.id if routed.verdict is Verdict.ANSWER and routed.best else None
    return Added(path, entry_id, best)


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
