"""End-to-end benchmark: the real bot (webhook mode) against the Bot API emulator on loopback.

Simulated users, in private chats and in groups (where they ask with /ask), send a realistic mix
(questions, 继续, pronoun and ellipsis follow-ups, off-topic, and 👍 under every third reply) at
a fixed offered rate: each user sends its next message on schedule, whether or not the last
reply has come (open loop, as real users do). Latency is from the moment a user sends to the
moment the emulator receives the bot's reply (it stamps each with the same wall clock), so the
load generator never polls for replies. Every vote pressed must be in the database.

Run twice: with Telegram's sending limits (PTB's AIORateLimiter: at most 30 messages a second in
all, 20 a minute per group; the run checks the busiest second and group-minute) and with the
limiter switched off (BOT_RATE_LIMITER=false) at rising rates, to show the headroom. The same
run measures what the emulator alone sustains from plain clients, so the figures read as a
fraction of the ceiling this setup allows.

    python bench/e2e.py [--rates 100 200 300 400] [--limited-rates 25 60] [--vote-every 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT))

from emulator_client import (  # noqa: E402
    BotMessage,
    BotProcess,
    Emulator,
    bot_environment,
    bot_running,
    emulator_running,
    free_port,
    rows,
    webhook_ready,
)

MIX = [
    "什么是大模型？",
    "它有多少参数",
    "ChatGPT是怎么训练的",
    "继续",
    "那GPT呢？",
    "今天天气怎么样",
    "RLHF是什么",
    "继续",
    "思维链是啥",
    "GPT和ChatGPT有什么区别",
]
GROUP_EVERY = 4
"""Every fourth user asks in a group of their own, with /ask."""
GROUP_INTERVAL = 5.0
"""Seconds between questions in a group: 12 a minute, within Telegram's 20 replies a minute."""
VOTE_EVERY = 3
"""Before every third message, a private user presses 👍 under the latest reply it has
(--vote-every 0: no votes)."""
IN_FLIGHT = 64
"""Requests a plain client keeps open at once when measuring the emulator's ceiling."""


@dataclass(frozen=True)
class Run:
    """What one load run measured."""

    offered: float
    sent: int
    answered: int
    seconds: float
    latencies: list[float]
    busiest_second: int
    busiest_group_minute: int
    bot_cpu_seconds: float
    bot_peak_rss_mb: float
    votes_pressed: int
    votes_stored: int

    def line(self) -> str:
        p50 = statistics.median(self.latencies) if self.latencies else float("nan")
        p99 = percentile(self.latencies, 0.99)
        return (
            f"offered {self.offered:4.0f}/s: {self.answered / self.seconds:5.0f} answers/s "
            f"({self.answered}/{self.sent} answered), p50 {p50:6.1f} ms, p99 {p99:7.1f} ms; "
            f"busiest second {self.busiest_second} sends, "
            f"busiest group minute {self.busiest_group_minute}; "
            f"bot CPU {1000 * self.bot_cpu_seconds / max(1, self.answered):.2f} ms/answer, "
            f"peak RSS {self.bot_peak_rss_mb:.0f} MB; "
            f"votes stored {self.votes_stored}/{self.votes_pressed}"
        )


def percentile(samples: list[float], share: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def chat_of(number: int) -> int | None:
    """The group user `number` asks in, or None for a private chat."""
    return None if number % GROUP_EVERY else -(1000 + number)


async def vote_on_last_reply(http: httpx.AsyncClient, emulator: Emulator, user_id: int) -> int:
    """Press 👍 under the latest unread reply in a user's chat, if one has it; 1 if pressed."""
    response = await http.post("/getUpdates", json={"token": emulator.token, "chatId": user_id})
    response.raise_for_status()
    with_votes = [BotMessage.from_store(item) for item in response.json()["result"]]
    with_votes = [m for m in with_votes if "👍" in m.buttons]
    if not with_votes:
        return 0
    latest = max(with_votes, key=lambda m: m.message_id)
    route, body = emulator.press_request(latest.buttons["👍"], latest, user_id=user_id)
    (await http.post(route, json=body)).raise_for_status()
    return 1


async def offer_load(
    emulator: Emulator, users: int, rate: float, seconds: float, vote_every: int
) -> tuple[dict[int, list[float]], int]:
    """Every user sends the mix on a fixed schedule, `rate` messages a second in all.

    Returns the wall-clock times (ms) at which each chat's messages were sent, and how many
    votes the users pressed.
    """
    groups = len([n for n in range(users) if chat_of(n) is not None])
    private_interval = (users - groups) / (rate - groups / GROUP_INTERVAL)
    sent: dict[int, list[float]] = defaultdict(list)
    votes: Counter[int] = Counter()
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=emulator.url, limits=limits, timeout=60) as http:

        async def user(number: int) -> None:
            user_id = 10_000 + number
            group = chat_of(number)
            interval = private_interval if group is None else GROUP_INTERVAL
            start = time.perf_counter() + interval * number / users  # staggered
            for n in range(max(1, round(seconds / interval))):
                await asyncio.sleep(max(0.0, start + n * interval - time.perf_counter()))
                text = MIX[n % len(MIX)]
                if group is not None:
                    text = f"/ask {text}"
                if group is None and vote_every and n % vote_every == vote_every - 1:
                    votes[user_id] += await vote_on_last_reply(http, emulator, user_id)
                route, body = emulator.message_request(text, user_id=user_id, chat_id=group)
                sent[user_id if group is None else group].append(time.time() * 1000)
                (await http.post(route, json=body)).raise_for_status()

        await asyncio.gather(*(user(n) for n in range(users)))
    return sent, sum(votes.values())


def replies(emulator: Emulator, since_ms: float) -> dict[int, list[float]]:
    """When the emulator received each bot message sent after `since_ms`, per chat."""
    received: dict[int, list[float]] = defaultdict(list)
    for item in emulator.history():
        if "chat_id" in item["message"] and item["time"] >= since_ms:
            received[int(item["message"]["chat_id"])].append(float(item["time"]))
    return received


def peak_rss_mb(pid: int) -> float:
    """The most memory a process has held so far (Linux: VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    emulator: Emulator, bot: BotProcess, rate: float, seconds: float, users: int, vote_every: int
) -> Run:
    """Offer the load, wait for the replies, pair each chat's questions and replies in order."""
    since, cpu = time.time() * 1000, cpu_seconds(bot.process.pid)
    votes_before = stored_votes(bot)
    asked, votes = asyncio.run(offer_load(emulator, users, rate, seconds, vote_every))
    count = sum(map(len, asked.values()))
    received, last_change = -1, time.monotonic()
    while (now := sum(map(len, (answered := replies(emulator, since)).values()))) < count:
        if now != received:
            received, last_change = now, time.monotonic()
        elif time.monotonic() - last_change > 10:
            break  # nothing more is coming
        time.sleep(0.5)
    deadline = time.monotonic() + 10
    while stored_votes(bot) - votes_before < votes and time.monotonic() < deadline:
        time.sleep(0.2)
    latencies = [
        reply - question
        for chat, questions in asked.items()
        for question, reply in zip(questions, sorted(answered[chat]), strict=False)
    ]
    sends = sorted(t for times in answered.values() for t in times)
    first = min(min(times) for times in asked.values())
    return Run(
        offered=rate,
        sent=count,
        answered=len(sends),
        seconds=max(1e-3, ((sends[-1] if sends else first) - first) / 1000),
        latencies=latencies,
        busiest_second=busiest(sends, 1000),
        busiest_group_minute=max(
            (busiest(sorted(t), 60_000) for c, t in answered.items() if c < 0), default=0
        ),
        bot_cpu_seconds=cpu_seconds(bot.process.pid) - cpu,
        bot_peak_rss_mb=peak_rss_mb(bot.process.pid),
        votes_pressed=votes,
        votes_stored=stored_votes(bot) - votes_before,
    )


def stored_votes(bot: BotProcess) -> int:
    return int(rows(bot.database, "SELECT COUNT(*) FROM votes")[0][0])


def busiest(times: list[float], window_ms: float) -> int:
    """The most events in any window of this length (times sorted)."""
    most, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= window_ms:
            start += 1
        most = max(most, end - start + 1)
    return most


async def emulator_ceiling(emulator: Emulator, count: int) -> tuple[float, float]:
    """Plain clients at full speed: user messages/s (no webhook set) and bot sendMessage/s."""
    async with httpx.AsyncClient(base_url=emulator.url, timeout=60) as http:
        gate = asyncio.Semaphore(IN_FLIGHT)

        async def post(route: str, body: dict[str, Any]) -> None:
            async with gate:
                (await http.post(route, json=body)).raise_for_status()

        async def rate(bodies: Iterator[tuple[str, dict[str, Any]]]) -> float:
            started = time.perf_counter()
            await asyncio.gather(*(post(route, body) for route, body in bodies))
            return count / (time.perf_counter() - started)

        users = rate(
            emulator.message_request("ping", user_id=90_000 + n % 50) for n in range(count)
        )
        incoming = await users
        bot = f"/bot{emulator.token}/sendMessage"
        outgoing = await rate(
            (bot, {"chat_id": 90_000 + n % 50, "text": "pong"}) for n in range(count)
        )
    return incoming, outgoing


@contextmanager
def bot_under_load(
    workdir: Path, emulator: Emulator, *, rate_limiter: bool
) -> Iterator[BotProcess]:
    port = free_port()
    env = bot_environment(
        emulator,
        workdir / f"bot-{time.time_ns()}.sqlite3",
        webhook_url=f"http://127.0.0.1:{port}/hook",
        webhook_listen="127.0.0.1",
        webhook_port=str(port),
        rate_limiter=str(rate_limiter).lower(),
        flood_limit_per_minute="100000",
        log_level="WARNING",
    )
    with bot_running(workdir, env, ready=webhook_ready(port)) as bot:
        yield bot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", type=float, nargs="+", default=[100, 200, 300, 400])
    parser.add_argument("--limited-rates", type=float, nargs="*", default=[25, 60])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--vote-every", type=int, default=VOTE_EVERY)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        with emulator_running(workdir, log_requests=False) as emulator:
            incoming, outgoing = asyncio.run(emulator_ceiling(emulator, 3000))
        ceiling = 1 / (1 / incoming + 1 / outgoing)
        print(
            f"emulator alone: {incoming:.0f} user messages/s, {outgoing:.0f} bot "
            f"sendMessage/s; so at most ~{ceiling:.0f} answered messages/s in this setup"
        )
        runs = [(True, rate) for rate in args.limited_rates] + [(False, r) for r in args.rates]
        for limiter, rate in runs:
            # A fresh emulator for every run: it keeps every message and scans them all on
            # each read, so a long history would slow down the next run.
            with (
                emulator_running(workdir, log_requests=False) as emulator,
                bot_under_load(workdir, emulator, rate_limiter=limiter) as bot,
            ):
                run = measure(emulator, bot, rate, args.seconds, args.users, args.vote_every)
            print(f"limiter {'on ' if limiter else 'off'} {run.line()}", flush=True)


if __name__ == "__main__":
    main()
