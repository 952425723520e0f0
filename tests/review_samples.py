"""Questions the review tests share, so that a change in matching is followed in one place."""

UNSURE = "奖励信号怎么来的"
"""A did-you-mean with the bundled knowledge; reward-model is among its candidates, and adding
it there as a phrasing makes the question answered."""
