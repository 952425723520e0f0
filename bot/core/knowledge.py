"""The knowledge base: entries read from ``knowledge/*.yaml``, validated as a whole.

A knowledge directory holds one YAML file per topic and a ``lexicon/`` folder (the jieba
domain dictionary and the synonyms table, read by :mod:`bot.core.text`). Loading is
all-or-nothing: :func:`load_knowledge` either returns a complete :class:`KnowledgeBase` or
raises :class:`KnowledgeError` listing every problem with file, line, entry id and field.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.core.source_file import YAML_FAILURES, parse_failure, read_yaml_source
from bot.errors import KnowledgeError, Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_CHARS = 40
"""A suggestion button carries "a:<answer id>:<entry id>" in Telegram's 64 bytes of callback
data; with answer ids of up to 18 digits, 43 characters are left for the entry id."""
MAX_ANSWER_CHARS = 3000
MIN_ALTERNATIVES = 3
ENTRY_FIELDS = frozenset(
    {
        "id",
        "question",
        "alternatives",
        "keywords",
        "subject",
        "answer",
        "related",
        "source",
        "tags",
        "reviewed",
        "declines",
    }
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One FAQ entry: a canonical question, other ways to ask it, and its answer."""

    id: str
    question: str
    alternatives: tuple[str, ...]
    keywords: tuple[str, ...]
    subject: str
    answer: str
    related: tuple[str, ...] = ()
    source: str = ""
    tags: tuple[str, ...] = ()
    reviewed: dt.date | None = None
    declines: bool = False
    """The articles do not answer this question (GPT-4's parameter count): the entry's answer
    says what they do say nearby, and the bot gives it as a decline, not as an answer."""
    topic: str = ""
    file: str = ""
    line: int = 0

    @property
    def phrasings(self) -> tuple[str, ...]:
        """The canonical question followed by its alternatives."""
        return (self.question, *self.alternatives)


@dataclass(frozen=True, slots=True)
class Topic:
    """A knowledge file: a titled group of entries."""

    name: str
    file: str
    entry_ids: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    """All entries of one knowledge directory, by id, in file order."""

    entries: tuple[Entry, ...]
    topics: tuple[Topic, ...] = ()
    by_id: Mapping[str, Entry] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {entry.id: entry for entry in self.entries})

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self.by_id.get(entry_id)

    def __len__(self) -> int:
        return len(self.entries)


def knowledge_files(directory: Path) -> list[Path]:
    """The topic files of a knowledge directory, in a stable order."""
    return sorted(p for p in directory.glob("*.yaml") if not p.name.startswith("."))


def load_knowledge(directory: str | Path) -> KnowledgeBase:
    """Read and validate every topic file; raise KnowledgeError listing all problems."""
    directory = Path(directory)
    if not directory.is_dir():
        raise KnowledgeError([Problem(str(directory), 0, None, None, "not a directory")])
    files = knowledge_files(directory)
    if not files:
        raise KnowledgeError([Problem(str(directory), 0, None, None, "no *.yaml topic files")])
    problems: list[Problem] = symlink_loops(directory)
    entries: list[Entry] = []
    topics: list[Topic] = []
    broken: set[str] = set()  # ids of entries that exist but could not be read
    unreadable = False
    for path in files:
        topic, file_entries = _read_topic_file(path, problems, broken)
        entries.extend(file_entries)
        if topic is not None:
            topics.append(topic)
        unreadable = unreadable or topic is None
    # A `related` id that points at a broken entry, or possibly into a file that could not be
    # parsed at all, is no problem of its own: reporting it would bury the one that matters.
    problems.extend(validate_entries(entries, broken=None if unreadable else broken))
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(tuple(entries), tuple(topics))


def symlink_loops(directory: Path) -> list[Problem]:
    """Links in the folder that lead back into themselves: whatever copies or walks the folder
    (kb add-alternative, a backup, a file watcher) would go round them until it fails."""
    problems = []
    for folder, subfolders, files in os.walk(directory):
        for name in [*subfolders, *files]:
            link = Path(folder) / name
            if link.is_symlink() and _loops(link):
                problems.append(Problem(str(link), 0, None, None, "symlink loop: remove the link"))
    return problems


def _loops(link: Path) -> bool:
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:  # dangling: harmless here
        return False
    except (RuntimeError, OSError):  # a -> b -> a: no end to resolve to
        return True
    return target.is_dir() and link.parent.resolve().is_relative_to(target)


def validate_entries(
    entries: Iterable[Entry], *, broken: Collection[str] | None = ()
) -> list[Problem]:
    """Cross-entry checks: duplicate ids and `related` ids that point nowhere.

    `broken` ids exist but failed validation; None means any id might (a file was unreadable).
    """
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    entries = list(entries)
    for entry in entries:
        if entry.id in seen:
            first = seen[entry.id]
            problems.append(
                Problem(
                    entry.file,
                    entry.line,
                    entry.id,
                    "id",
                    f"duplicate id, first defined at {first.file}:{first.line}",
                )
            )
        else:
            seen[entry.id] = entry
    for entry in entries:
        for target in entry.related:
            if target not in seen:
                if broken is None or target in broken:
                    continue
                problems.append(
                    Problem(
                        entry.file,
                        entry.line,
                        entry.id,
                        "related",
                        f"refers to unknown entry {target!r}",
                    )
                )
            elif target == entry.id:
                problems.append(
                    Problem(entry.file, entry.line, entry.id, "related", "refers to itself")
                )
    return problems


def _read_topic_file(
    path: Path, problems: list[Problem], broken: set[str]
) -> tuple[Topic | None, list[Entry]]:
    name = str(path)
    try:
        document, lines = _parse(read_yaml_source(path))
    except KnowledgeError as exc:
        problems.extend(exc.problems)
        return None, []
    except YAML_FAILURES as exc:
        problems.append(parse_failure(path, exc))
        return None, []
    if not isinstance(document, Mapping) or not isinstance(document.get("entries"), list):
        problems.append(
            Problem(name, 1, None, None, "expected a mapping with 'topic' and an 'entries' list")
        )
        return None, []
    topic_name = document.get("topic")
    if not isinstance(topic_name, str) or not topic_name.strip():
        problems.append(Problem(name, 1, None, "topic", "missing topic name"))
        topic_name = path.stem
    entries = []
    for index, raw in enumerate(document["entries"]):
        # The node tree and the document agree (merge keys are flattened in both); should they
        # not, a problem says line 0 rather than the load failing.
        line, key_lines = lines[index] if index < len(lines) else (0, {})
        entry = _parse_entry(raw, name, line, key_lines, topic_name.strip(), problems)
        if entry is not None:
            entries.append(entry)
        elif isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
            broken.add(raw["id"])
    return Topic(topic_name.strip(), name, tuple(e.id for e in entries)), entries


def _parse_entry(
    raw: Any,
    file: str,
    line: int,
    key_lines: Mapping[str, int],
    topic: str,
    problems: list[Problem],
) -> Entry | None:
    if not isinstance(raw, Mapping):
        problems.append(Problem(file, line, None, None, "entry is not a mapping"))
        return None
    entry_id = raw.get("id")
    label = entry_id if isinstance(entry_id, str) else None
    before = len(problems)

    def problem(field_name: str, reason: str) -> None:
        problems.append(Problem(file, key_lines.get(field_name, line), label, field_name, reason))

    # A key may be any YAML node, even an alias bomb: only text keys are ever turned into text.
    for unknown in sorted({key for key in raw if isinstance(key, str)} - ENTRY_FIELDS):
        problem(unknown, "unknown field")
    if not all(isinstance(key, str) for key in raw):
        problem("id", "field names must be plain text")
    if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
        problem("id", "must be a lowercase slug such as 'chatgpt-definition'")
    elif len(entry_id) > MAX_ID_CHARS:
        problem("id", f"too long for a button: {len(entry_id)} characters (at most {MAX_ID_CHARS})")
    question = _text(raw, "question", problem)
    answer = _text(raw, "answer", problem)
    if answer and len(answer) > MAX_ANSWER_CHARS:
        problem("answer", f"too long: {len(answer)} characters (at most {MAX_ANSWER_CHARS})")
    alternatives = _texts(raw, "alternatives", problem)
    if len(alternatives) < MIN_ALTERNATIVES:
        problem("alternatives", f"needs at least {MIN_ALTERNATIVES} other ways to ask")
    keywords = _texts(raw, "keywords", problem)
    if not keywords:
        problem("keywords", "needs at least one keyword")
    subject = raw.get("subject", keywords[0] if keywords else "")
    if not isinstance(subject, str) or not subject.strip():
        problem("subject", "must be a non-empty string")
        subject = ""
    source = raw.get("source", "")
    if not isinstance(source, str) or not source.strip():
        problem("source", "must name the seed file and section")
        source = ""
    reviewed = raw.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, dt.date):
        problem("reviewed", "must be a date such as 2026-11-24")
        reviewed = None
    declines = raw.get("declines", False)
    if not isinstance(declines, bool):
        problem("declines", "must be true or false")
    if len(problems) > before:
        return None
    return Entry(
        id=str(entry_id),
        question=question,
        alternatives=tuple(alternatives),
        keywords=tuple(keywords),
        subject=subject.strip(),
        answer=answer,
        related=tuple(_texts(raw, "related", problem)),
        source=source.strip(),
        tags=tuple(_texts(raw, "tags", problem)),
        reviewed=reviewed,
        declines=declines,
        topic=topic,
        file=file,
        line=line,
    )


def _text(raw: Mapping[str, Any], key: str, problem: Any) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        problem(key, "must be a non-empty string")
        return ""
    return _tidy(value)


def _texts(raw: Mapping[str, Any], key: str, problem: Any) -> list[str]:
    value = raw.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problem(key, "must be a list of non-empty strings")
        return []
    return [v.strip() for v in value]


def _tidy(text: str) -> str:
    """Strip every line and keep exactly one blank line between paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    tidy = ("\n".join(line.strip() for line in p.splitlines() if line.strip()) for p in paragraphs)
    return "\n\n".join(p for p in tidy if p)


EntryLines = tuple[int, dict[str, int]]
"""Where an item of `entries` starts, and where each of its keys is (1-based lines)."""


def _parse(source: str) -> tuple[Any, list[EntryLines]]:
    """The document, and the lines of the items of its `entries` list for the problems.

    The safe loader runs in C (ruamel.yaml.clib), seven times faster than the round-trip one,
    which was a quarter of the start-up; its node tree still knows every line. A file it
    refuses is read again by the Python parser, whose reasons are more precise (it names the
    tab character that libyaml only calls "a character that cannot start any token").
    """
    try:
        return _compose_and_construct(YAML(typ="safe"), source)
    except YAMLError:
        return _compose_and_construct(YAML(typ="safe", pure=True), source)


def _compose_and_construct(yaml: YAML, source: str) -> tuple[Any, list[EntryLines]]:
    root = yaml.compose(source)
    document = yaml.constructor.construct_document(root) if root is not None else None
    return document, _entry_lines(root)


def _entry_lines(root: Node | None) -> list[EntryLines]:
    entries = next(
        (
            value
            for key, value in (root.value if isinstance(root, MappingNode) else ())
            if isinstance(key, ScalarNode) and key.value == "entries"
        ),
        None,
    )
    if not isinstance(entries, SequenceNode):
        return []
    return [
        (
            item.start_mark.line + 1,
            {
                key.value: key.start_mark.line + 1
                for key, _ in (item.value if isinstance(item, MappingNode) else ())
                if isinstance(key, ScalarNode)
            },
        )
        for item in entries.value
    ]
