"""The one clock tests move by hand (the service's clock, the flood gate's clock)."""

from __future__ import annotations


class ManualClock:
    """Returns `now`, which the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
