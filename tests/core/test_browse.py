"""The topic browser's pure views over the bundled knowledge, and the deep links into it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.core import browse, phrases
from bot.core.knowledge import KnowledgeBase, Topic
from bot.core.library import Library
from bot.core.reply import Action, ReplyKind


def test_page_count_rounds_up_and_an_empty_topic_has_one_page() -> None:
    assert [browse.page_count(n, 8) for n in (0, 1, 8, 9, 16, 17)] == [1, 1, 1, 2, 2, 3]
    with pytest.raises(ValueError):
        browse.page_count(3, 0)


def test_the_topic_list_offers_every_topic_with_its_first_page(library: Library) -> None:
    view = browse.topics_view(library)
    assert view.kind is ReplyKind.BROWSE
    keys = [Path(t.file).stem for t in library.topics]
    assert [(b.action, b.topic, b.page) for b in view.buttons] == [
        (Action.BROWSE, key, 1) for key in keys
    ]
    first = library.topics[0]
    assert view.buttons[0].label == f"{first.name}（{len(answering(library, first))}）"
    assert "点选一个主题" in view.text


def test_a_long_topic_is_paged_and_every_question_is_on_exactly_one_page(
    library: Library,
) -> None:
    topic = max(library.topics, key=lambda t: len(t.entry_ids))
    key = browse.topic_key(topic)
    first = browse.topic_page(library, key, 1)
    ids = answering(library, topic)
    assert first is not None and first.pages == -(-len(ids) // browse.PAGE_SIZE) > 1
    seen = []
    for number in range(1, first.pages + 1):
        page = browse.topic_page(library, key, number)
        assert page is not None and 1 <= len(page.entries) <= browse.PAGE_SIZE
        seen += [e.id for e in page.entries]
    assert seen == ids
    assert browse.topic_page(library, key, 0) is None
    assert browse.topic_page(library, key, first.pages + 1) is None
    assert browse.topic_page(library, "no_such_topic", 1) is None


def test_a_topic_page_has_its_questions_then_paging_then_the_way_back(library: Library) -> None:
    topic = max(library.topics, key=lambda t: len(t.entry_ids))
    key = browse.topic_key(topic)
    first, second = (browse.view(library, key, n) for n in (1, 2))
    assert first is not None and second is not None
    questions = [b for b in first.buttons if b.action is Action.READ]
    assert [b.entry_id for b in questions] == answering(library, topic)[: browse.PAGE_SIZE]
    first_entry = library.get(topic.entry_ids[0])
    assert first_entry is not None and questions[0].label == first_entry.question
    labels = [b.label for b in first.buttons if b.action is Action.BROWSE]
    assert labels == [phrases.NEXT_PAGE, phrases.ALL_TOPICS]
    assert phrases.PREVIOUS_PAGE in [b.label for b in second.buttons]
    back = first.buttons[-1]
    assert back.topic is None and browse.view(library, back.topic) == browse.topics_view(library)
    assert f"“{topic.name}”" in first.text and "第 1/" in first.text


def test_a_topic_whose_file_name_cannot_be_a_key_is_left_out(library: Library) -> None:
    entry = library.entries[0]
    odd = Topic("奇怪的主题", "knowledge/Odd Name.yaml", (entry.id,))
    empty = Topic("空主题", "knowledge/empty.yaml", ("gone-entry",))
    base = KnowledgeBase(library.entries, (*library.topics, odd, empty))
    assert browse.browsable(replace(library, base=base)) == library.topics


def test_every_bundled_entry_id_can_be_a_deep_link(library: Library) -> None:
    refused = [e.id for e in library.entries if not browse.DEEP_LINK_PAYLOAD.fullmatch(e.id)]
    assert refused == [] and browse.DEEP_LINK_TOPICS not in {e.id for e in library.entries}
    assert browse.deep_link("@AiFaqBot", "chatgpt-definition") == (
        "https://t.me/AiFaqBot?start=chatgpt-definition"
    )
    assert not browse.DEEP_LINK_PAYLOAD.fullmatch("a" * 65)
    assert not browse.DEEP_LINK_PAYLOAD.fullmatch("什么是大模型")


def answering(library: Library, topic: Topic) -> list[str]:
    """The topic's entries that answer their question, in the file's order."""
    return [i for i in topic.entry_ids if (e := library.get(i)) is not None and not e.declines]


def test_questions_the_articles_do_not_answer_are_not_offered(library: Library) -> None:
    declining = [e for e in library.entries if e.declines]
    assert declining  # the bundled knowledge has some (GPT-4's parameters)
    offered = {
        e.id
        for topic in browse.browsable(library)
        for number in range(1, 5)
        if (page := browse.topic_page(library, browse.topic_key(topic), number)) is not None
        for e in page.entries
    }
    assert offered and offered.isdisjoint(e.id for e in declining)
