"""Split a long answer into pages at paragraph, then sentence boundaries."""

from __future__ import annotations

import re

# A sentence ends after Chinese end punctuation, or after ". ! ?" followed by a space, so
# that "GPT-3.5" and "e.g." stay whole; closing quotes and brackets stay with their sentence.
_SENTENCE_END = re.compile(r"(?<=[。！？；!?])[”’」』）)]*|(?<=[.!?])[\"')\]]*(?=\s)")


def split_pages(text: str, size: int) -> list[str]:
    """Pages of at most `size` characters where possible, never cutting a sentence or a word.

    Paragraphs are packed greedily; a paragraph longer than a page is split into sentences,
    and a single sentence longer than a page becomes a page of its own.
    """
    if size <= 0:
        raise ValueError("page size must be positive")
    pieces: list[tuple[str, str]] = []  # (text, separator that joins it to the previous piece)
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if not paragraph:
            continue
        if len(paragraph) <= size:
            pieces.append((paragraph, "\n\n"))
            continue
        for i, sentence in enumerate(split_sentences(paragraph)):
            pieces.append((sentence, "\n\n" if i == 0 else ""))
    pages: list[str] = []
    current = ""
    for piece, separator in pieces:
        candidate = current + separator + piece if current else piece
        if current and len(candidate) > size:
            pages.append(current.strip())
            current = piece.lstrip()
        else:
            current = candidate
    if current.strip():
        pages.append(current.strip())
    return pages or [""]


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, each keeping its end punctuation and leading newline."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if end > start:
            sentences.append(paragraph[start:end])
            start = end
    if start < len(paragraph):
        sentences.append(paragraph[start:])
    return [s for s in sentences if s.strip()]
