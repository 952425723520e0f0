"""The review queue's service on a real SQLite file and a copy of the bundled knowledge."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from manual_clock import ManualClock
from samples import UNSURE

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.sqlite.review_log import ReviewLog
from bot.bootstrap import review_service
from bot.core.library import Library, load_library
from bot.core.search import Verdict
from bot.live_knowledge import LiveLibrary
from bot.review import Decision, ReviewRefused, ReviewService, Source
from bot.service import ChatService, Turn
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
OFF_TOPIC = "今天天气怎么样"
DISLIKED = "大模型有多少参数"  # answered by large-model-parameters, and disliked
ASKER, OTHER, CRITIC, ADMIN = 5, 6, 7, 1


@pytest.fixture
def live(tmp_path: Path, library: Library) -> LiveLibrary:
    directory = Path(shutil.copytree(ROOT / "knowledge", tmp_path / "knowledge"))
    # The session's library lends its text pipeline (same lexicon): half the loading time.
    return LiveLibrary(directory, load_library(directory, previous=library))


@pytest.fixture
async def chat(store: SqliteStore, live: LiveLibrary) -> ChatService:
    """A chat service on which three users asked: unsure, off topic, and a disliked answer."""
    service = ChatService(store, live.current, clock=ManualClock())
    await service.handle(Turn(ASKER, ASKER, UNSURE))
    await service.handle(Turn(OTHER, OTHER, OFF_TOPIC))
    disliked = await service.handle(Turn(CRITIC, CRITIC, DISLIKED))
    await service.vote(CRITIC, CRITIC, disliked.answer_id, -1)
    assert await service.ask_for_comment(CRITIC, CRITIC, disliked.answer_id)
    await service.comment_prompt_sent(disliked.answer_id, CRITIC, 900)
    await service.comment(CRITIC, CRITIC, 900, "我想问的是GPT-3")
    return service


def make_review(
    store: SqliteStore, live: LiveLibrary, chat: ChatService, *, answer_askers: bool = False
) -> ReviewService:
    """The review service as the bot's composition root wires it."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        knowledge_dir=live.directory,
        review_answers_asker=answer_askers,
    )
    return review_service(settings, store, live.current, reload=live.reload, chat=chat)


@pytest.fixture
def review(store: SqliteStore, live: LiveLibrary, chat: ChatService) -> ReviewService:
    return make_review(store, live, chat)


def files(live: LiveLibrary) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(live.directory.glob("*.yaml"))}


def decisions(store: SqliteStore) -> list[tuple[object, ...]]:
    with sqlite3.connect(store.path) as raw:
        return raw.execute("SELECT decision, entry_id, undone_at FROM review_decisions").fetchall()


async def pending_id(store: SqliteStore, query: str) -> int:
    return next(p.answer_id for p in await ReviewLog(store).pending() if p.query == query)


async def test_the_queue_offers_unanswered_and_disliked_questions_with_candidates(
    review: ReviewService,
) -> None:
    proposal = await review.next_item()
    assert proposal is not None and proposal.remaining == 3
    assert proposal.item.query == UNSURE and proposal.item.source is Source.UNANSWERED
    assert "reward-model" in [c.entry_id for c in proposal.candidates]
    assert len(proposal.candidates) <= 3


async def test_a_disliked_answer_offers_other_entries_than_the_one_disliked(
    review: ReviewService, store: SqliteStore
) -> None:
    for _ in range(2):  # decide the older two, so that the disliked one comes up
        first = await review.next_item()
        assert first is not None
        await review.decide(ADMIN, first.item.answer_id, Decision.SKIP)
    proposal = await review.next_item()
    assert proposal is not None and proposal.item.source is Source.DISLIKED
    assert proposal.item.entry_id == "large-model-parameters"
    assert proposal.item.comment == "我想问的是GPT-3"
    ids = [c.entry_id for c in proposal.candidates]
    assert ids and "large-model-parameters" not in ids


async def test_adding_makes_the_phrasing_answer_that_entry_and_it_is_not_offered_again(
    review: ReviewService, live: LiveLibrary, store: SqliteStore
) -> None:
    assert live.current().match(UNSURE).verdict is not Verdict.ANSWER
    answer_id = await pending_id(store, UNSURE)
    result = await review.decide(ADMIN, answer_id, Decision.ADD, "reward-model")
    assert result.decided and "reward-model" in result.text and "知识库已重新加载" in result.text
    match = live.current().match(UNSURE)  # reloaded: the live library answers it now
    assert match.verdict is Verdict.ANSWER and match.best is not None
    assert match.best.entry.id == "reward-model"
    assert result.asker is None  # BOT_REVIEW_ANSWERS_ASKER is off by default
    assert decisions(store) == [("add", "reward-model", None)]
    proposal = await review.next_item()
    assert proposal is not None and proposal.item.query != UNSURE and proposal.remaining == 2
    again = await review.decide(ADMIN, answer_id, Decision.SKIP)
    assert not again.decided and len(decisions(store)) == 1


async def test_a_phrasing_the_matcher_routes_elsewhere_is_refused_with_the_reason(
    review: ReviewService, live: LiveLibrary, store: SqliteStore
) -> None:
    before = files(live)
    answer_id = await pending_id(store, DISLIKED)
    result = await review.decide(ADMIN, answer_id, Decision.ADD, "scale-and-emergence")
    assert not result.decided
    assert "没有添加" in result.text and "会交给 large-model-parameters" in result.text
    assert "--force" not in result.text  # a chat has no --force
    assert files(live) == before and decisions(store) == []
    assert (await review.decide(ADMIN, answer_id, Decision.SKIP)).decided  # still pending


async def test_undoing_an_add_restores_the_file_byte_for_byte_and_the_queue(
    review: ReviewService, live: LiveLibrary, store: SqliteStore
) -> None:
    before = files(live)
    answer_id = await pending_id(store, UNSURE)
    assert (await review.decide(ADMIN, answer_id, Decision.ADD, "reward-model")).decided
    assert files(live) != before
    [logged] = await review.decisions()
    said = await review.undo(logged.id)
    assert "reward-model" in said and UNSURE in said
    assert files(live) == before
    assert live.current().match(UNSURE).verdict is not Verdict.ANSWER
    proposal = await review.next_item()
    assert proposal is not None and proposal.item.query == UNSURE
    with pytest.raises(ReviewRefused, match="已经撤销过了"):
        await review.undo(logged.id)
    with pytest.raises(ReviewRefused, match="没有编号为 99"):
        await review.undo(99)


async def test_skip_and_not_ours_leave_the_queue_and_undo_puts_them_back(
    review: ReviewService, live: LiveLibrary, store: SqliteStore
) -> None:
    before = files(live)
    await review.decide(ADMIN, await pending_id(store, UNSURE), Decision.SKIP)
    await review.decide(ADMIN, await pending_id(store, OFF_TOPIC), Decision.NOT_OURS)
    proposal = await review.next_item()
    assert proposal is not None and proposal.item.query == DISLIKED and proposal.remaining == 1
    assert files(live) == before
    newest = (await review.decisions())[0]
    assert newest.decision.decision is Decision.NOT_OURS and newest.decision.admin_id == ADMIN
    await review.undo(newest.id)
    assert (await review.next_item()).remaining == 2  # type: ignore[union-attr]


async def test_the_same_question_from_two_users_is_one_item_decided_once(
    review: ReviewService, chat: ChatService
) -> None:
    await chat.handle(Turn(OTHER + 1, OTHER + 1, "今天天气怎么样？"))
    items = []
    while (proposal := await review.next_item()) is not None:
        items.append((proposal.item.query, proposal.times))
        await review.decide(ADMIN, proposal.item.answer_id, Decision.SKIP)
    assert items == [(OFF_TOPIC, 2), (UNSURE, 1), (DISLIKED, 1)]


async def test_the_asker_is_answered_only_when_the_setting_allows(
    store: SqliteStore, live: LiveLibrary, chat: ChatService
) -> None:
    review = make_review(store, live, chat, answer_askers=True)
    answer_id = await pending_id(store, UNSURE)
    result = await review.decide(ADMIN, answer_id, Decision.ADD, "reward-model")
    assert result.asker is not None and result.asker_chat_id == ASKER
    assert result.asker.reply.entry_id == "reward-model"
    assert result.asker.reply.text.startswith(f"你之前问过“{UNSURE}”")
    with sqlite3.connect(store.path) as raw:
        logged = raw.execute(
            "SELECT chat_id, kind, entry_id FROM answers WHERE id = ?", (result.asker.answer_id,)
        ).fetchall()
    assert logged == [(ASKER, "answer", "reward-model")]


async def test_a_question_not_in_the_queue_is_not_decided(
    review: ReviewService, store: SqliteStore, chat: ChatService
) -> None:
    answered = await chat.handle(Turn(OTHER, OTHER, "什么是大模型"))  # answered, no complaint
    for decision in Decision:
        result = await review.decide(ADMIN, answered.answer_id, decision, "gpt-3")
        assert not result.decided
    assert decisions(store) == []
