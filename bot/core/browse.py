"""The topic browser as pure views: the topics, a topic's questions page by page, as Replies.

A topic is named by its key, the stem of its knowledge file ("chatgpt", "large_models"): it
stays the same across reloads, unlike a position, so a button under an old view still opens
the topic it says (or, if the topic is gone, is answered as expired).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from bot.core import phrases
from bot.core.knowledge import Entry, Topic
from bot.core.library import Library
from bot.core.reply import Action, Button, Reply, ReplyKind

PAGE_SIZE = 8
"""Questions per page: eight one-line buttons fit a phone's screen above the keyboard."""
TOPIC_KEY = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
"""What a topic key may be (a file stem of this shape; other files are left out of the browser,
so that every key fits a button payload as it is)."""
MAX_KEY_LENGTH = 40
DEEP_LINK_TOPICS = "topics"
"""`t.me/<bot>?start=topics` opens the browser."""
DEEP_LINK_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What Telegram lets a `start` parameter be; every entry id must be one (a test checks)."""


@dataclass(frozen=True, slots=True)
class TopicPage:
    """One page of a topic's questions."""

    topic: Topic
    key: str
    page: int
    pages: int
    entries: tuple[Entry, ...]


def topic_key(topic: Topic) -> str:
    """The key a topic is browsed by: its file's stem."""
    return PurePath(topic.file).stem


def browsable(library: Library) -> tuple[Topic, ...]:
    """The topics the browser offers: those with a usable key and at least one entry."""
    return tuple(
        topic for topic in library.topics if _usable(topic_key(topic)) and _answered(library, topic)
    )


def _answered(library: Library, topic: Topic) -> tuple[Entry, ...]:
    """A topic's entries that answer their question: not those saying the articles do not."""
    found = (library.get(entry_id) for entry_id in topic.entry_ids)
    return tuple(entry for entry in found if entry is not None and not entry.declines)


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """How many pages `total` questions take (an empty topic still has its one page)."""
    if size <= 0:
        raise ValueError("page size must be positive")
    return max(1, -(-total // size))


def topic_page(library: Library, key: str, page: int, *, size: int = PAGE_SIZE) -> TopicPage | None:
    """Page `page` (from 1) of the topic `key`; None for an unknown topic or a page out of range."""
    topic = next((t for t in browsable(library) if topic_key(t) == key), None)
    if topic is None:
        return None
    entries = _answered(library, topic)
    pages = page_count(len(entries), size)
    if not 1 <= page <= pages:
        return None
    return TopicPage(topic, key, page, pages, entries[(page - 1) * size : page * size])


def topics_view(library: Library) -> Reply:
    """The list of topics, each a button that opens its first page."""
    topics = browsable(library)
    counts = [(t.name, len(_answered(library, t))) for t in topics]
    buttons = tuple(
        Button(f"{name}（{count}）", Action.BROWSE, topic=topic_key(topic), page=1)
        for topic, (name, count) in zip(topics, counts, strict=True)
    )
    return Reply(phrases.topic_list(counts, browsing=True), ReplyKind.BROWSE, buttons=buttons)


def topic_view(page: TopicPage) -> Reply:
    """A page of a topic: its questions as buttons, then ◀ ▶ and the way back to the topics."""
    buttons = [Button(e.question, Action.READ, e.id) for e in page.entries]
    if page.page > 1:
        buttons.append(
            Button(phrases.PREVIOUS_PAGE, Action.BROWSE, topic=page.key, page=page.page - 1)
        )
    if page.page < page.pages:
        buttons.append(Button(phrases.NEXT_PAGE, Action.BROWSE, topic=page.key, page=page.page + 1))
    buttons.append(Button(phrases.ALL_TOPICS, Action.BROWSE))
    text = phrases.topic_questions(page.topic.name, page.page, page.pages)
    return Reply(text, ReplyKind.BROWSE, page=page.page, pages=page.pages, buttons=tuple(buttons))


def view(library: Library, key: str | None = None, page: int = 1) -> Reply | None:
    """The browser at `key` and `page` (no key: the topics); None for a topic or page not there."""
    if key is None:
        return topics_view(library)
    found = topic_page(library, key, page)
    return topic_view(found) if found is not None else None


def deep_link(bot_username: str, entry_id: str) -> str:
    """The link that opens a private chat with the bot on this entry's answer."""
    return f"https://t.me/{bot_username.removeprefix('@')}?start={entry_id}"


def _usable(key: str) -> bool:
    return len(key) <= MAX_KEY_LENGTH and TOPIC_KEY.fullmatch(key) is not None
