"""Remembering what a pure function of a short text gave: a group sends the same questions
again and again (什么是大模型, ChatGPT怎么训练的), while a long message is seldom sent twice and
would only crowd the memory."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

SHORT_TEXT_CHARS = 200
"""Texts up to this long are remembered; longer ones are worked out afresh."""


class ShortTextMemo(Generic[P, T]):
    """A pure `function` of a text, remembering its results for the `size` most recent short
    texts (its other arguments too must be hashable; a remembered result is never worked out
    again, so only for pure functions)."""

    def __init__(self, function: Callable[Concatenate[str, P], T], *, size: int) -> None:
        self._function = function
        self._remembered = functools.lru_cache(maxsize=size)(function)
        self.cache_info = self._remembered.cache_info

    def __call__(self, text: str, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if len(text) > SHORT_TEXT_CHARS:
            return self._function(text, *args, **kwargs)
        # lru_cache types its arguments as Hashable, which a ParamSpec cannot promise.
        return self._remembered(text, *args, **kwargs)  # type: ignore[arg-type]
