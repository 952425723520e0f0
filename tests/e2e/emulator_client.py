"""Test only: processes for the end-to-end tests, and the emulator's user side as a client.

telegram-test-api plays Telegram for the bot and the users for the test: users write messages
and press buttons through its user-side routes, and the test reads what the bot sent back.
Every wait here is bounded; every process is stopped by the context manager that started it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx

T = TypeVar("T")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TOKEN = "5555555555:AAE2eFakeTokenForTheEmulator_abc"
"""Well-formed but fake; the emulator keeps each token's messages apart."""

BOT_USER = {"id": 666, "is_bot": True, "first_name": "Test First name", "username": "TestNameBot"}
"""The emulator's bot, whatever the token."""


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(check: Callable[[], T], *, what: str, timeout: float = 20.0) -> T:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


@contextmanager
def running(
    args: Sequence[str], *, log: Path, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A subprocess writing to `log`, stopped (SIGTERM, then SIGKILL) on the way out."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd
        )
    try:
        yield process
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes], timeout: float = 15.0) -> int:
    """Stop a process politely, then not; its exit code."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
    return process.returncode


def chat(chat_id: int) -> dict[str, Any]:
    """A chat as Telegram describes it: positive ids are private chats, -100… supergroups."""
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"user{chat_id}"}
    kind = "supergroup" if str(chat_id).startswith("-100") else "group"
    return {"id": chat_id, "type": kind, "title": "AI 学习群"}


def user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"}


def entities(text: str) -> list[dict[str, Any]]:
    """A leading command and @mentions, with offsets in UTF-16 units as Telegram marks them."""
    found = []
    for match in re.finditer(r"^/\S+|@\w+", text):
        kind = "bot_command" if match.group().startswith("/") else "mention"
        offset = len(text[: match.start()].encode("utf-16-le")) // 2
        found.append(
            {"type": kind, "offset": offset, "length": len(match.group().encode("utf-16-le")) // 2}
        )
    return found


@dataclass(frozen=True)
class BotMessage:
    """A message the bot sent, as the emulator stored it."""

    message_id: int
    chat_id: int
    text: str
    reply_markup: dict[str, Any]
    reply_to: int | None

    @classmethod
    def from_store(cls, item: Mapping[str, Any]) -> BotMessage:
        sent = item["message"]
        reply = sent.get("reply_parameters")
        if isinstance(reply, str):  # form fields arrive JSON-encoded
            reply = json.loads(reply)
        return cls(
            message_id=int(item["messageId"]),
            chat_id=int(sent["chat_id"]),
            text=str(sent["text"]),
            reply_markup=sent.get("reply_markup") or {},
            reply_to=int(reply["message_id"]) if reply else None,
        )

    @property
    def buttons(self) -> dict[str, str]:
        """label -> callback data."""
        rows = self.reply_markup.get("inline_keyboard", [])
        return {button["text"]: button["callback_data"] for row in rows for button in row}

    def as_telegram_sends_it(self) -> dict[str, Any]:
        """The message as it appears inside an update (replied to, or under a pressed button)."""
        message = {
            "message_id": self.message_id,
            "date": int(time.time()),
            "chat": chat(self.chat_id),
            "from": BOT_USER,
            "text": self.text,
        }
        # Telegram shows only inline keyboards on a message inside an update (not ForceReply).
        if "inline_keyboard" in self.reply_markup:
            message["reply_markup"] = self.reply_markup
        return message


class Emulator:
    """The user side of the emulator: write, press, read what the bot sent."""

    def __init__(self, url: str, token: str, request_log: Path) -> None:
        self.url = url
        self.token = token
        self._request_log = request_log
        self._http = httpx.Client(base_url=url, timeout=10.0)

    def close(self) -> None:
        self._http.close()

    def send(
        self,
        text: str,
        *,
        user_id: int,
        chat_id: int | None = None,
        reply_to: BotMessage | None = None,
        **extra: Any,
    ) -> int:
        """A user's message (a command if it starts with "/"); its message id."""
        self.write(text, user_id=user_id, chat_id=chat_id, reply_to=reply_to, **extra)
        return self._last_message_id_from(user_id)

    def write(
        self,
        text: str,
        *,
        user_id: int,
        chat_id: int | None = None,
        reply_to: BotMessage | None = None,
        **extra: Any,
    ) -> None:
        """A user's message, without looking up its id (the emulator keeps none for webhooks)."""
        self._post(
            *self.message_request(
                text, user_id=user_id, chat_id=chat_id, reply_to=reply_to, **extra
            )
        )

    def message_request(
        self,
        text: str,
        *,
        user_id: int,
        chat_id: int | None = None,
        reply_to: BotMessage | None = None,
        **extra: Any,
    ) -> tuple[str, dict[str, Any]]:
        """The route and body that post a user's message (for clients of one's own)."""
        message: dict[str, Any] = {
            "botToken": self.token,
            "from": user(user_id),
            "chat": chat(user_id if chat_id is None else chat_id),
            "date": int(time.time()),
            **extra,
        }
        if text:
            message.update(text=text, entities=entities(text))
        if reply_to is not None:
            message["reply_to_message"] = reply_to.as_telegram_sends_it()
        # /sendCommand without entities would crash the emulator; ours always has them.
        return ("/sendCommand" if text.startswith("/") else "/sendMessage"), message

    def press(self, data: str, on: BotMessage, *, user_id: int) -> None:
        """A user's press on a button of a bot message."""
        self._post(*self.press_request(data, on, user_id=user_id))

    def press_request(
        self, data: str, on: BotMessage, *, user_id: int
    ) -> tuple[str, dict[str, Any]]:
        """The route and body that post a press (for clients of one's own)."""
        body = {
            "botToken": self.token,
            "from": user(user_id),
            "message": on.as_telegram_sends_it(),
            "data": data,
        }
        return "/sendCallback", body

    def replies(self, chat_id: int, count: int = 1, *, timeout: float = 20.0) -> list[BotMessage]:
        """Wait for `count` new bot messages in a chat; all that arrived, in order."""
        collected: list[BotMessage] = []

        def enough() -> bool:
            collected.extend(self.unread(chat_id))
            return len(collected) >= count

        wait_for(enough, what=f"{count} bot message(s) in chat {chat_id}", timeout=timeout)
        return collected

    def unread(self, chat_id: int) -> list[BotMessage]:
        """Bot messages in a chat not read by the test yet (reading marks them read)."""
        items = self._post("/getUpdates", {"token": self.token, "chatId": chat_id})
        return sorted((BotMessage.from_store(i) for i in items), key=lambda m: m.message_id)

    def quiet(self, chat_id: int, seconds: float = 1.0) -> list[BotMessage]:
        """What the bot sends to a chat within `seconds` (usually: nothing)."""
        time.sleep(seconds)
        return self.unread(chat_id)

    def callback_answers(self) -> list[str | None]:
        """Texts of the bot's answerCallbackQuery calls, oldest first."""
        return [body.get("text") for body in self.callback_answer_requests()]

    def callback_answer_requests(self) -> list[dict[str, Any]]:
        """The bodies of the bot's answerCallbackQuery calls, from the emulator's request log.

        The emulator does not store them; its request log (DEBUG=TelegramServer:request) does.
        """
        return [
            json.loads(line.split("Request: ", 1)[1])["body"]
            for line in self.request_log().splitlines()
            if "/answerCallbackQuery" in line and "Request: " in line
        ]

    def presses(self) -> dict[str, tuple[int, str]]:
        """Every button press users made: callback query id -> (user id, callback data).

        Only for a polling bot: for a webhook the emulator passes updates on without keeping them.
        """
        return {
            str(item["callbackId"]): (
                int(item["callbackQuery"]["from"]["id"]),
                str(item["callbackQuery"]["data"]),
            )
            for item in self.history()
            if "callbackQuery" in item
        }

    def bot_has_polled(self) -> bool:
        """Whether the bot has asked for updates at least once."""
        return self.polls() > 0

    def polls(self) -> int:
        """How many times a bot has asked for updates so far."""
        return self.request_log().count(f"/bot{self.token}/getUpdates")

    def request_log(self) -> str:
        """Every request the emulator received so far, one JSON line each."""
        return self._request_log.read_text(encoding="utf-8", errors="replace")

    def history(self) -> list[dict[str, Any]]:
        """Everything the emulator holds, both directions, oldest first, each with its
        arrival time in ms ("time")."""
        items: list[dict[str, Any]] = self._post("/getUpdatesHistory", {"token": self.token})
        return items

    def _last_message_id_from(self, user_id: int) -> int:
        ids = [
            int(item["messageId"])
            for item in self.history()
            if (item.get("message") or {}).get("from", {}).get("id") == user_id
        ]
        assert ids, f"the emulator holds no message from user {user_id}"
        return max(ids)

    def _post(self, route: str, payload: Mapping[str, Any]) -> Any:
        response = self._http.post(route, json=payload)
        response.raise_for_status()
        return response.json()["result"]


# --- the processes -------------------------------------------------------------------------


@dataclass(frozen=True)
class BotProcess:
    """The bot under test: its process, database file and log."""

    process: subprocess.Popen[bytes]
    database: Path
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def emulator_running(workdir: Path, *, log_requests: bool = True) -> Iterator[Emulator]:
    """telegram-test-api on a free loopback port, logging every request it receives.

    Benchmarks turn the request log off: writing it is a good part of the emulator's work.
    """
    if shutil.which("node") is None or not (ROOT / "node_modules" / "telegram-test-api").is_dir():
        raise AssertionError("the Bot API emulator is missing: install Node 20, run `npm install`")
    port = free_port()
    env = {**os.environ, "DEBUG_COLORS": "0"}
    if log_requests:
        env["DEBUG"] = "TelegramServer:request"
    log = workdir / "emulator.log"
    with running(["node", str(HERE / "emulator.js"), str(port)], log=log, env=env, cwd=ROOT):
        wait_for(lambda: "READY" in log.read_text(errors="replace"), what="the emulator")
        client = Emulator(f"http://127.0.0.1:{port}", TOKEN, log)
        try:
            yield client
        finally:
            client.close()


def clean_environment(settings: Mapping[str, str] = {}) -> dict[str, str]:
    """This process's environment without a single BOT_* variable, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(settings)
    return env


def bot_command(
    *args: str, settings: Mapping[str, str] = {}, stdin: str = "", timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` as a user runs it, configured only by `settings` (BOT_* names)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=ROOT,
        env=clean_environment(settings),
        timeout=timeout,
    )


def bot_environment(emulator: Emulator, database: Path, **settings: str) -> dict[str, str]:
    """The environment of `python -m bot run` against the emulator: only these BOT_* set."""
    env = clean_environment()
    env.update(
        PYTHONPATH=str(ROOT),
        BOT_TELEGRAM_TOKEN=emulator.token,
        BOT_API_BASE_URL=f"{emulator.url}/bot",
        BOT_DATABASE_PATH=str(database),
        BOT_KNOWLEDGE_DIR=str(ROOT / "knowledge"),
        BOT_POLL_INTERVAL="0.1",  # the emulator has no long polling
        BOT_WATCH_KNOWLEDGE="false",
        BOT_WEBHOOK_URL="",
    )
    env.update({f"BOT_{name.upper()}": value for name, value in settings.items()})
    return env


@contextmanager
def bot_running(
    workdir: Path, env: Mapping[str, str], *, ready: Callable[[], bool]
) -> Iterator[BotProcess]:
    """The bot, started as tests/e2e/run_bot_under_emulator.py, once `ready()` says so."""
    log = workdir / "bot.log"
    runner = [sys.executable, str(HERE / "run_bot_under_emulator.py")]
    # cwd: a scratch folder, so that a developer's .env cannot leak into the test.
    with running(runner, log=log, env=env, cwd=workdir) as process:
        bot = BotProcess(process, Path(env["BOT_DATABASE_PATH"]), log)
        wait_for(lambda: process.poll() is not None or ready(), what="the bot", timeout=60)
        assert process.poll() is None, f"the bot exited:\n{bot.log_text()[-3000:]}"
        yield bot


def accepts_connections(port: int) -> bool:
    """Whether something listens on this loopback port."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def rows(database: Path, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    """Rows of a query on the bot's database file, read as a separate process would."""
    with contextlib.closing(sqlite3.connect(database)) as raw:
        return raw.execute(sql, parameters).fetchall()


def webhook_ready(port: int) -> Callable[[], bool]:
    """Readiness of a webhook bot: its server listening on `port`.

    A post before setWebhook would crash the emulator (an unhandled rejection in Node); PTB
    calls setWebhook before its server listens, so a listening server is a registered one.
    """
    return lambda: accepts_connections(port)


def entry_of(bot: BotProcess, message: BotMessage) -> str | None:
    """The entry a bot message answered, from the answer log.

    The bot records which message carried an answer just after sending it: wait for that.
    """
    found = wait_for(
        lambda: rows(
            bot.database,
            "SELECT entry_id FROM answers WHERE bot_message_id = ?",
            message.message_id,
        ),
        what=f"message {message.message_id} in the answer log",
    )
    return str(found[0][0]) if found[0][0] is not None else None
