"""The pure dialogue step over the bundled knowledge."""

from __future__ import annotations

import pytest

from bot.core.dialogue import ChatState, ReplyKind, step
from bot.core.library import Library


@pytest.mark.parametrize(
    ("question", "follow_up", "expected"),
    [
        ("什么是思维链", "它的原理是什么", "chain-of-thought"),
        ("RLHF是什么", "它能做什么", "rlhf"),
        ("什么是多模态", "它有什么缺点", "multimodal"),
        ("什么是提示学习", "它是怎么训练的", "prompt-learning"),
    ],
)
def test_a_pronoun_means_the_subject_even_when_the_words_alone_fit_another_entry(
    library: Library, question: str, follow_up: str, expected: str
) -> None:
    # "它的原理是什么" alone is closest to the entry on ChatGPT's principle; after a question
    # about 思维链, "它" is 思维链.
    first, state = step(ChatState(), question, library, now=0.0)
    assert first.kind is ReplyKind.ANSWER and first.entry_id == expected
    reply, _ = step(state, follow_up, library, now=1.0)
    assert reply.kind is ReplyKind.ANSWER
    assert reply.entry_id == expected
    assert library.match(follow_up).best.entry.id != expected  # the words alone point elsewhere
