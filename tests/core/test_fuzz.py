"""Property-based tests: any text at all gets an answer or a decline, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.dialogue import ChatState, ReplyKind, step
from bot.core.library import Library
from bot.core.paging import split_pages
from bot.core.search import Verdict
from bot.core.text import Analyzer

# Any code point, lone surrogates and control characters included (hypothesis leaves surrogates
# out unless told), plus domain words so that the search is exercised beyond the empty case.
anything = st.text(alphabet=st.characters(exclude_categories=()), max_size=300) | st.text(
    alphabet=st.sampled_from(list("大模型ChatGPT是什么训练继续它那呢 \x00\n\t🙂")), max_size=60
)
slow = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@slow
@given(text=anything)
def test_the_pipeline_never_fails(analyzer: Analyzer, text: str) -> None:
    assert isinstance(analyzer.normalise(text), str)
    assert all(token.strip() for token in analyzer.tokenise(text))


@slow
@given(text=anything)
def test_search_scores_stay_in_range(library: Library, text: str) -> None:
    hits = library.search(text)
    assert all(0.0 <= hit.score <= 1.0 for hit in hits)
    assert library.match(text).verdict in Verdict


@slow
@given(text=anything, page=st.integers(-5, 50), entry=st.sampled_from(["chatgpt-training", "x"]))
def test_a_dialogue_step_always_replies(library: Library, text: str, page: int, entry: str) -> None:
    state = ChatState(
        entry_id=entry, page=page, subject="ChatGPT", last_question=text, updated_at=0.0
    )
    reply, new_state = step(state, text, library, now=1.0)
    assert reply.text and reply.kind in ReplyKind
    assert isinstance(new_state, ChatState)


@given(text=st.text(max_size=2000), size=st.integers(1, 400))
def test_paging_loses_nothing(text: str, size: int) -> None:
    pages = split_pages(text, size)
    assert "".join("".join(p.split()) for p in pages) == "".join(text.split())


def test_ten_thousand_characters(library: Library) -> None:
    reply, _ = step(ChatState(), "大模型" * 3334, library, now=0.0)
    assert reply.kind in ReplyKind


def test_continue_on_an_entry_that_a_reload_removed_says_so(library: Library) -> None:
    state = ChatState(entry_id="an-entry-that-was-removed", page=1, updated_at=0.0)
    reply, new_state = step(state, "继续", library, now=1.0)
    assert reply.kind is ReplyKind.GONE and "更新或移除" in reply.text
    assert new_state.entry_id is None
