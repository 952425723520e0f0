"""Questions several tests share, so that a change in matching is followed in one place."""

UNSURE = "奖励信号怎么来的"
"""A did-you-mean with the bundled knowledge; reward-model is among its candidates, and adding
it there as a phrasing makes the question answered."""

AMBIGUOUS = ("数据和资源", "反馈和模型", "模型和资源", "大模型的训练和微调")
"""Messages of which some get a did-you-mean with two or more choices (tests pick those)."""
