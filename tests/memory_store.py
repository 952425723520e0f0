"""An in-memory ChatStore: the service's store Protocol in plain dicts, for fast service tests.

It keeps the contract that tests/adapters/test_chat_store_contract.py checks on both stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.dialogue import ChatState
from bot.service import AnswerRecord, StoredAnswer


@dataclass
class _Row:
    record: AnswerRecord
    bot_message_id: int | None = None


@dataclass
class MemoryChatStore:
    """The ChatStore Protocol (bot.service) held in memory."""

    states: dict[str, ChatState] = field(default_factory=dict)
    answers: dict[int, _Row] = field(default_factory=dict)
    votes: dict[tuple[int, int], int] = field(default_factory=dict)
    prompts: dict[tuple[int, int], tuple[int, int | None]] = field(default_factory=dict)
    """(answer id, user id) -> (chat id, prompt message id)."""
    comments: list[tuple[int, int, str, float]] = field(default_factory=list)
    _next_id: int = 1

    async def load_state(self, key: str) -> ChatState | None:
        return self.states.get(key)

    async def latest_states(self, prefix: str, *, besides: str, limit: int) -> list[ChatState]:
        found = [s for k, s in self.states.items() if k.startswith(prefix) and k != besides]
        return sorted(found, key=lambda state: state.updated_at, reverse=True)[:limit]

    async def save_turn(self, key: str, state: ChatState, record: AnswerRecord) -> int:
        answer_id, self._next_id = self._next_id, self._next_id + 1
        self.answers[answer_id] = _Row(record)
        self.states[key] = state
        return answer_id

    async def answer(self, answer_id: int) -> StoredAnswer | None:
        row = self.answers.get(answer_id)
        return _stored(answer_id, row) if row else None

    async def answer_for_message(self, chat_id: int, message_id: int) -> StoredAnswer | None:
        for answer_id, row in self.answers.items():
            if row.record.chat_id == chat_id and row.bot_message_id == message_id:
                return _stored(answer_id, row)
        return None

    async def attach_message(self, answer_id: int, message_id: int) -> None:
        if answer_id in self.answers:
            self.answers[answer_id].bot_message_id = message_id

    async def record_vote(self, answer_id: int, user_id: int, value: int, at: float) -> int:
        previous = self.votes.get((answer_id, user_id), 0)
        if answer_id in self.answers:
            self.votes[(answer_id, user_id)] = value
        return previous

    async def request_comment(self, answer_id: int, user_id: int, chat_id: int, at: float) -> bool:
        if answer_id not in self.answers or (answer_id, user_id) in self.prompts:
            return False
        self.prompts[(answer_id, user_id)] = (chat_id, None)
        return True

    async def attach_comment_prompt(self, answer_id: int, user_id: int, message_id: int) -> None:
        if (answer_id, user_id) in self.prompts:
            chat_id, _ = self.prompts[(answer_id, user_id)]
            self.prompts[(answer_id, user_id)] = (chat_id, message_id)

    async def add_comment_to_prompt(
        self, chat_id: int, user_id: int, prompt_message_id: int, text: str, at: float
    ) -> int | None:
        for (answer_id, asked), prompt in self.prompts.items():
            if asked == user_id and prompt == (chat_id, prompt_message_id):
                if answer_id not in self.answers:
                    return None
                self.comments.append((answer_id, user_id, text, at))
                return answer_id
        return None

    def forget(self, answer_id: int) -> None:
        """Delete an answer as a prune would (its prompts stay, as in the SQLite test)."""
        self.answers.pop(answer_id, None)
        self.votes = {k: v for k, v in self.votes.items() if k[0] != answer_id}


def _stored(answer_id: int, row: _Row) -> StoredAnswer:
    r = row.record
    return StoredAnswer(answer_id, r.chat_id, r.user_id, r.entry_id, r.page, r.kind)
