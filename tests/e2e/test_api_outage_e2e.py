"""The Bot API goes away, answers HTTP 500 or stops answering while the bot runs, then comes
back: the bot keeps running, logs the outage without a storm, and recovers on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from emulator_client import (
    HERE,
    ROOT,
    TOKEN,
    Emulator,
    bot_environment,
    bot_running,
    emulator_running,
    free_port,
    running,
    stop,
    wait_for,
)

OUTAGE_SECONDS = 6
POLL_TIMEOUT = 3
"""The bot's long poll here (BOT_POLL_TIMEOUT; 10 s by default), so that a hang outlasts it soon."""
MAX_LOG_LINES = 40
"""A poll every 0.1 s would log 60 failures in 6 s; PTB backs off and the bot logs once a minute."""


def start_emulator(port: int, log: Path) -> tuple[subprocess.Popen[bytes], Emulator]:
    """The emulator on a given port, so that it can come back where the bot expects it."""
    env = {**os.environ, "DEBUG": "TelegramServer:request", "DEBUG_COLORS": "0"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["node", str(HERE / "emulator.js"), str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    wait_for(lambda: "READY" in log.read_text(errors="replace"), what="the emulator")
    return process, Emulator(f"http://127.0.0.1:{port}", TOKEN, log)


def test_the_bot_survives_an_outage_and_recovers(tmp_path: Path) -> None:
    port = free_port()
    bot_log = tmp_path / "bot.log"
    first, emulator = start_emulator(port, tmp_path / "first.log")
    second = None
    env = bot_environment(emulator, tmp_path / "bot.sqlite3")
    runner = [sys.executable, str(HERE / "run_bot_under_emulator.py")]
    try:
        with running(runner, log=bot_log, env=env, cwd=tmp_path) as bot:
            wait_for(emulator.bot_has_polled, what="the bot to poll", timeout=60)
            emulator.send("什么是大模型？", user_id=401)
            emulator.replies(401)
            emulator.close()
            stop(first)  # the API is gone: every poll fails for a while
            lines_before = len(bot_log.read_text().splitlines())
            time.sleep(OUTAGE_SECONDS)
            assert bot.poll() is None, bot_log.read_text()[-3000:]
            during = len(bot_log.read_text().splitlines()) - lines_before
            # Logged, but no storm: a poll every 0.1 s would be 60 failures; PTB backs off.
            assert during < MAX_LOG_LINES, bot_log.read_text()[-3000:]
            second, back = start_emulator(port, tmp_path / "second.log")
            wait_for(back.bot_has_polled, what="the bot to poll again", timeout=60)
            back.send("什么是思维链？", user_id=402)
            [answer] = back.replies(402, timeout=30)
            assert answer.text.startswith("【什么是思维链？】")
            assert "the Bot API answers again after" in bot_log.read_text()
            back.close()
            assert bot.poll() is None
    finally:
        for process in (first, second):
            if process is not None:
                stop(process)


class FlakyApi:
    """A loopback proxy in front of the emulator that can fail like a Bot API on a bad day:
    "error" answers every request with HTTP 500, "hang" holds every request unanswered until
    the mode changes (then a 504)."""

    def __init__(self, upstream: str) -> None:
        self.mode = "pass"
        self.upstream = httpx.Client(base_url=upstream, timeout=30.0)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    @contextmanager
    def serving(self) -> Iterator[FlakyApi]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.mode = "pass"  # lets held requests go
            self._server.shutdown()
            self._server.server_close()
            self.upstream.close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the bot's connection pool expects

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if api.mode == "hang":
                    while api.mode == "hang":
                        time.sleep(0.05)
                    # Not forwarded: the emulator would mark updates read for a client long gone.
                    self._reply(
                        504, b'{"ok":false,"error_code":504,"description":"Gateway Timeout"}'
                    )
                    return
                if api.mode == "error":
                    self._reply(
                        500, b'{"ok":false,"error_code":500,"description":"Internal Server Error"}'
                    )
                    return
                headers = {"Content-Type": self.headers.get("Content-Type", "application/json")}
                answer = api.upstream.post(self.path, content=body, headers=headers)
                self._reply(answer.status_code, answer.content)

            do_GET = do_POST

            def _reply(self, status: int, content: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot timed out and hung up: that is the point of "hang"

            def log_message(self, *_: object) -> None:
                pass

        return Handler


# A hang must outlast a long poll (POLL_TIMEOUT) plus its read timeout (5 s) for the bot to
# time out.
@pytest.mark.parametrize(
    ("fault", "seconds"), [("error", OUTAGE_SECONDS), ("hang", POLL_TIMEOUT + 8)]
)
def test_the_bot_rides_out_http_500s_and_timeouts(
    tmp_path: Path, fault: str, seconds: float
) -> None:
    with emulator_running(tmp_path) as emulator, FlakyApi(emulator.url).serving() as api:
        env = bot_environment(emulator, tmp_path / "bot.sqlite3")
        env["BOT_API_BASE_URL"] = f"{api.url}/bot"
        env["BOT_POLL_TIMEOUT"] = str(POLL_TIMEOUT)
        with bot_running(tmp_path, env, ready=emulator.bot_has_polled) as bot:
            emulator.send("什么是大模型？", user_id=421)
            emulator.replies(421)
            lines_before = len(bot.log_text().splitlines())
            api.mode = fault
            emulator.write("什么是思维链？", user_id=422)  # asked during the outage
            time.sleep(seconds)
            assert bot.process.poll() is None, bot.log_text()[-3000:]
            during = bot.log_text().splitlines()[lines_before:]
            assert len(during) < MAX_LOG_LINES, "\n".join(during)
            assert any("not answering" in line for line in during), "\n".join(during)
            api.mode = "pass"
            # Back by itself: the question asked during the outage is answered, and a new one.
            [late] = emulator.replies(422, timeout=60)
            assert late.text.startswith("【什么是思维链？】")
            emulator.write("什么是RLHF？", user_id=423)
            [answer] = emulator.replies(423, timeout=30)
            assert answer.text.startswith("【什么是RLHF？】")
            assert "the Bot API answers again after" in bot.log_text()
