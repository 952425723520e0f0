"""The flood gate: a limit per sender, pure, with the time passed in."""

from __future__ import annotations

import pytest

from bot.flood import Admission, FloodGate


def test_flood_gate_notices_once_then_stays_silent_until_the_window_passes() -> None:
    gate = FloodGate(3)
    verdicts = [gate.admit(1, now) for now in (0.0, 1.0, 2.0, 3.0, 4.0, 5.0)]
    assert verdicts == [Admission.ANSWER] * 3 + [Admission.NOTICE] + [Admission.SILENCE] * 2
    assert gate.admit(2, 5.0) is Admission.ANSWER  # another user is not affected
    assert gate.admit(1, 59.9) is Admission.SILENCE
    assert gate.admit(1, 60.0) is Admission.ANSWER  # the first question left the window
    assert gate.admit(1, 60.5) is Admission.NOTICE  # a new burst gets a new notice


def test_flood_gate_forgets_idle_users() -> None:
    gate = FloodGate(1)
    for user in range(2000):
        gate.admit(user, float(user))
    assert gate.tracked < 1100  # swept: only the last minute's users are kept


def test_flood_gate_needs_a_positive_limit() -> None:
    with pytest.raises(ValueError):
        FloodGate(0)
