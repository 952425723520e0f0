"""Telegram's sending limits, as PTB's rate limiter and our group gate apply them.

Telegram lets a bot send about 30 messages a second in all and 20 a minute to one group.
PTB's AIORateLimiter is a leaky bucket: it lets a full bucket go at once and then refills it, so
a bucket as big as the limit would allow twice the limit within one window. The bursts below
plus one window's refill stay within the limit in *any* window.
"""

from __future__ import annotations

from telegram.ext import AIORateLimiter

OVERALL_BURST, OVERALL_PER_SECOND = 5, 25  # at most 5 + 25 = 30 in any second
GROUP_BURST, GROUP_PER_MINUTE = 4, 16  # at most 4 + 16 = 20 in any minute

GROUP_QUESTIONS_PER_MINUTE = GROUP_PER_MINUTE
"""Questions answered per group per minute. More could only queue behind the group limit,
each holding a worker while private chats wait; past it a group gets one notice, then
silence until the minute has passed."""


def rate_limiter() -> AIORateLimiter:
    """PTB's limiter, paced so that no window sees more than Telegram allows."""
    return AIORateLimiter(
        overall_max_rate=OVERALL_BURST,
        overall_time_period=OVERALL_BURST / OVERALL_PER_SECOND,
        group_max_rate=GROUP_BURST,
        group_time_period=GROUP_BURST * 60 / GROUP_PER_MINUTE,
    )
