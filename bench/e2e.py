"""End-to-end benchmark: the real bot (webhook mode) against the Bot API emulator on loopback.

Simulated users in private chats and one group each send a mix (questions, 继续, follow-ups,
off-topic) one message at a time, waiting for the bot's reply before the next; latency is from
the user's message to the bot's reply appearing in the emulator. Run twice: with Telegram's
sending limits (PTB's AIORateLimiter) and with the limiter switched off (BOT_RATE_LIMITER=false).
The same run measures what the emulator alone sustains (a plain client sending messages), so the
figures read as a fraction of the ceiling the setup allows.

    python bench/e2e.py [--users 20] [--messages 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT))

from emulator_client import (  # noqa: E402
    Emulator,
    bot_environment,
    bot_running,
    emulator_running,
    free_port,
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


def user_session(emulator: Emulator, user_id: int, count: int, out: list[float]) -> None:
    """One user: send, wait for the reply (polling the emulator every 2 ms), repeat."""
    for number in range(count):
        started = time.perf_counter()
        emulator.write(MIX[number % len(MIX)], user_id=user_id)
        while not emulator.unread(user_id):
            if time.perf_counter() - started > 30:
                raise TimeoutError(f"user {user_id} got no reply")
            time.sleep(0.002)
        out.append((time.perf_counter() - started) * 1000)


def run_users(emulator: Emulator, users: int, messages: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    threads = [
        threading.Thread(target=user_session, args=(emulator, 10_000 + u, messages, latencies))
        for u in range(users)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - started


def emulator_ceiling(emulator: Emulator, count: int) -> float:
    """Messages per second the emulator takes from a plain client (no bot reading them)."""
    started = time.perf_counter()
    for number in range(count):
        emulator.write("ping", user_id=90_000 + number % 50)
    return count / (time.perf_counter() - started)


def measure(rate_limiter: bool, users: int, messages: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        with emulator_running(workdir) as emulator:
            port = free_port()
            env = bot_environment(
                emulator,
                workdir / "bot.sqlite3",
                webhook_url=f"http://127.0.0.1:{port}/hook",
                webhook_listen="127.0.0.1",
                webhook_port=str(port),
                rate_limiter=str(rate_limiter).lower(),
                flood_limit_per_minute="1000",
                log_level="WARNING",
            )

            with bot_running(workdir, env, ready=webhook_ready(emulator, port)):
                latencies, elapsed = run_users(emulator, users, messages)
                ceiling = emulator_ceiling(emulator, 500)
    p99 = sorted(latencies)[int(len(latencies) * 0.99)]
    return (
        f"limiter {'on ' if rate_limiter else 'off'}: {len(latencies) / elapsed:6.0f} answers/s, "
        f"p50 {statistics.median(latencies):6.1f} ms, p99 {p99:6.1f} ms "
        f"({users} users × {messages} messages); emulator alone takes {ceiling:.0f} msgs/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=10)
    args = parser.parse_args()
    for limiter in (True, False):
        print(measure(limiter, args.users, args.messages), flush=True)


if __name__ == "__main__":
    main()
