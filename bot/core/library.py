"""The knowledge in service: entries, their search index, and the analyzer that built it.

A :class:`Library` is immutable and built completely before anyone sees it, so a reload can
replace the old one in a single assignment: a message is answered by one library or the other,
never by a half-loaded mix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bot.core.knowledge import Entry, KnowledgeBase, Topic, knowledge_files, load_knowledge
from bot.core.search import Hit, Index, Match, Thresholds, decide
from bot.core.text import LEXICON_DIR, Analyzer, Lexicon, load_lexicon
from bot.core.vocabulary import Vocabulary


@dataclass(frozen=True)
class Library:
    """A loaded, validated and indexed knowledge directory."""

    base: KnowledgeBase
    index: Index
    analyzer: Analyzer
    lexicon: Lexicon
    fingerprint: str
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
    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The names and terms the entries know, for telling follow-ups from new questions."""
        return Vocabulary.build(self.entries, normalise=self.analyzer.normalise)

    @cached_property
    def linked_from(self) -> dict[str, tuple[str, ...]]:
        """For each entry id, the ids of the entries that list it as related."""
        links: dict[str, list[str]] = {}
        for entry in self.entries:
            for target in entry.related:
                links.setdefault(target, []).append(entry.id)
        return {target: tuple(sources) for target, sources in links.items()}

    def search(self, text: str, *, limit: int = 5) -> list[Hit]:
        """The best hits for a text, most confident first."""
        return self.index.search(text, limit=limit)

    def match(self, text: str) -> Match:
        """Search and judge: answer, suggest or decline."""
        return decide(self.search(text, limit=self.thresholds.max_suggestions + 2), self.thresholds)


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
    base = load_knowledge(directory)
    lexicon = load_lexicon(directory)
    if previous is not None and previous.lexicon == lexicon:
        analyzer = previous.analyzer
    else:
        analyzer = Analyzer(lexicon)
    index = Index.build(base.entries, tokenize=analyzer.tokenise)
    return Library(
        base=base,
        index=index,
        analyzer=analyzer,
        lexicon=lexicon,
        fingerprint=fingerprint(directory),
        thresholds=thresholds or (previous.thresholds if previous else Thresholds()),
    )


def fingerprint(directory: Path) -> str:
    """A short hash of every knowledge and lexicon file: equal fingerprints, equal knowledge."""
    digest = hashlib.sha256()
    paths: Sequence[Path] = [
        *knowledge_files(directory),
        *sorted((directory / LEXICON_DIR).glob("*")),
    ]
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
