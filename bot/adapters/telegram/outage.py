"""A Bot API outage seen from a polling bot: logged when it starts, once a minute while it
lasts, and when the API answers again.

PTB retries a failed getUpdates on its own; it hands most failures to the error handler, but a
timeout it retries at once and logs at DEBUG only, so an API that stops answering would leave no
trace. :class:`WatchedPolls` sits under every poll instead, so it sees every failure (and the
first answer after them) in one place, and tells the :class:`Outage`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus

from telegram._utils.types import ODVInput
from telegram.error import NetworkError
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)


class Outage:
    """Bot API failures outside any update (polling): a line when they start, then one a
    minute at most (not one a poll), and a line when the API answers again."""

    def __init__(self, clock: Callable[[], float], every: float = 60.0) -> None:
        self._clock = clock
        self._every = every
        self._last = -every
        self._failures = 0
        self._announced = False

    def report(self, reason: object) -> None:
        """A failed call (the error, or what the API said): logged if no failure was in the
        last minute."""
        self._failures += 1
        now = self._clock()
        if now - self._last >= self._every:
            log.warning(
                "the Bot API is not answering (%s); retrying (%s so far)",
                reason,
                _failed_calls(self._failures),
            )
            self._last = now
            self._announced = True

    def answered(self) -> None:
        """A call that got an answer: the end of the failures so far."""
        if self._announced:  # so a flapping API is logged once a minute too, not once a flap
            log.warning("the Bot API answers again after %s", _failed_calls(self._failures))
        self._failures = 0
        self._announced = False


def _failed_calls(count: int) -> str:
    return f"{count} failed call{'s' if count != 1 else ''}"


class WatchedPolls(BaseRequest):
    """The getUpdates request object: passes every call to `inner` and tells `outage` about
    failures (network errors, timeouts, server errors) and answers."""

    __slots__ = ("_inner", "_outage")

    def __init__(self, inner: BaseRequest, outage: Outage) -> None:
        self._inner = inner
        self._outage = outage

    @property
    def read_timeout(self) -> float | None:
        return self._inner.read_timeout

    async def initialize(self) -> None:
        await self._inner.initialize()

    async def shutdown(self) -> None:
        await self._inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        try:
            code, payload = await self._inner.do_request(
                url,
                method,
                request_data,
                read_timeout,
                write_timeout,
                connect_timeout,
                pool_timeout,
            )
        except NetworkError as error:  # timeouts included
            self._outage.report(error)
            raise
        if code >= HTTPStatus.INTERNAL_SERVER_ERROR:
            self._outage.report(_status_phrase(code))
        elif code < HTTPStatus.MULTIPLE_CHOICES:
            self._outage.answered()
        return code, payload


def _status_phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return f"HTTP {code}"
