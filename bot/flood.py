"""A per-sender question limit: past it, one polite notice, then silence until the window passes.

Platform neutral, pure and synchronous: an adapter keeps a gate per kind of sender (a user, a
group) and passes the time (a monotonic clock), so tests need no sleeps. Other senders are
never affected: every one has their own window.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum

WINDOW_SECONDS = 60.0
_SWEEP_EVERY = 1024
"""Forget idle users now and then, so the table does not grow with every user ever seen."""


class Admission(Enum):
    """What to do with a user's question."""

    ANSWER = "answer"
    NOTICE = "notice"  # the first question over the limit: say so, once
    SILENCE = "silence"  # over the limit and already told


@dataclass
class _Window:
    times: deque[float] = field(default_factory=deque)
    told: bool = False


class FloodGate:
    """Admits at most `limit` questions per user in any `window` seconds."""

    def __init__(self, limit: int, *, window: float = WINDOW_SECONDS) -> None:
        if limit < 1:
            raise ValueError("the limit must be at least one question")
        self._limit = limit
        self._window = window
        self._users: dict[int, _Window] = {}
        self._calls = 0

    def admit(self, user_id: int, now: float) -> Admission:
        """Count a question from a user at `now` and say whether to answer it."""
        self._calls += 1
        if self._calls % _SWEEP_EVERY == 0:
            self._sweep(now)
        window = self._users.setdefault(user_id, _Window())
        while window.times and window.times[0] <= now - self._window:
            window.times.popleft()
        if len(window.times) < self._limit:
            window.times.append(now)
            window.told = False
            return Admission.ANSWER
        if window.told:
            return Admission.SILENCE
        window.told = True
        return Admission.NOTICE

    @property
    def tracked(self) -> int:
        """How many senders the gate holds a window for (idle ones are swept now and then)."""
        return len(self._users)

    def _sweep(self, now: float) -> None:
        idle = [
            user
            for user, window in self._users.items()
            if not window.times or window.times[-1] <= now - self._window
        ]
        for user in idle:
            del self._users[user]
