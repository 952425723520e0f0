"""The offline Bot API and update factories the Telegram handler tests share.

`OfflineBotApi` answers the few Bot API methods the bot uses from memory and fails the test on
any other: no test built on it can reach a network. `Updates` builds updates the way Telegram
sends them.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram import Update
from telegram.request import HTTPXRequest, RequestData

from bot.adapters.sqlite.chat_store import SqliteStore
from bot.adapters.telegram_app import BotApplication
from bot.adapters.telegram_app import build_application as build
from bot.bootstrap import telegram_config
from bot.core.dialogue import DialogueConfig
from bot.core.library import Library
from bot.service import ChatService
from bot.settings import Settings

TOKEN = "123456789:AAFakeTokenForOfflineTests_abcdefgh"
BOT = {"id": 666, "is_bot": True, "first_name": "Test", "username": "TestNameBot"}
ADMIN, ALICE, BOB = 1, 101, 102
GROUP, OTHER_GROUP = -1001234, -1005678
FLOOD_LIMIT = 4


class OfflineBotApi(HTTPXRequest):
    """The Bot API methods the bot uses, answered from memory; any other fails the test.

    `do_request` never calls the parent, so no socket is ever opened.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.sent: list[dict[str, Any]] = []
        self.refused: set[str] = set()
        self.unexpected: list[str] = []
        self._ids = itertools.count(10_000)

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *_: Any, **__: Any
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((name, params))
        if name in self.refused:
            return 500, b'{"ok": false, "description": "refused by the test"}'
        if name == "getMe":
            result: Any = BOT
        elif name == "sendMessage":
            result = self._message(params)
        elif name in (
            "answerCallbackQuery",
            "setMyCommands",
            "answerInlineQuery",
            "sendChatAction",
        ):
            result = True
        else:
            self.unexpected.append(name)
            return 400, json.dumps({"ok": False, "description": f"unexpected {name}"}).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": chat(chat_id),
            "from": BOT,
            "text": params["text"],
        }
        # As Telegram does: a sent message shows only an inline keyboard (not ForceReply).
        if "inline_keyboard" in params.get("reply_markup", {}):
            message["reply_markup"] = params["reply_markup"]
        message["_reply_to"] = (params.get("reply_parameters") or {}).get("message_id")
        if params.get("message_thread_id") is not None:  # as Telegram shows a topic's message
            message.update(message_thread_id=params["message_thread_id"], is_topic_message=True)
        self.sent.append(message)
        return message

    def texts(self, chat_id: int | None = None) -> list[str]:
        """What the bot sent, in order (to one chat, if given)."""
        return [m["text"] for m in self.sent if chat_id is None or m["chat"]["id"] == chat_id]

    def params_of(self, method: str) -> list[dict[str, Any]]:
        """The parameters of every call of one Bot API method, in order."""
        return [params for name, params in self.calls if name == method]

    def callback_answers(self) -> list[str | None]:
        """The texts of the answerCallbackQuery calls, in order."""
        return [p.get("text") for name, p in self.calls if name == "answerCallbackQuery"]


# --- factories -----------------------------------------------------------------------------


def chat(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"user{chat_id}"}
    return {"id": chat_id, "type": "supergroup", "title": "AI 学习群"}


def user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"}


def entities(text: str) -> list[dict[str, Any]]:
    """Commands and @mentions with UTF-16 offsets, as Telegram's servers mark them."""
    found = []
    for match in re.finditer(r"^/\S+|@\w+", text):
        offset = utf16_length(text[: match.start()])
        length = utf16_length(match.group())
        kind = "bot_command" if match.group().startswith("/") else "mention"
        found.append({"type": kind, "offset": offset, "length": length})
    return found


def utf16_length(text: str) -> int:
    """Telegram's measure: UTF-16 code units, a lone surrogate being one of them."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class Updates:
    """Builds updates the way Telegram sends them, with fresh ids."""

    def __init__(self, app: BotApplication) -> None:
        self._bot = app.bot
        self._ids = itertools.count(1)

    def message(
        self,
        text: str,
        *,
        user_id: int = ALICE,
        chat_id: int | None = None,
        reply_to: dict[str, Any] | None = None,
        **extra: Any,
    ) -> Update:
        message: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": chat(user_id if chat_id is None else chat_id),
            "from": user(user_id),
            **extra,
        }
        if text:
            message.setdefault("entities", entities(text))  # unless the test marks them itself
            message["text"] = text
        if reply_to is not None:
            message["reply_to_message"] = {k: v for k, v in reply_to.items() if k[0] != "_"}
        return self.update(message=message)

    def press(self, data: str, on: dict[str, Any], *, user_id: int = ALICE) -> Update:
        """A press of `data` on the bot message `on` (its keyboard as sent, unless changed)."""
        sent = {k: v for k, v in on.items() if k[0] != "_"}
        query = {
            "id": str(next(self._ids)),
            "from": user(user_id),
            "chat_instance": "ci",
            "data": data,
            "message": sent,
        }
        return self.update(callback_query=query)

    def inline(self, query: str, *, user_id: int = ALICE) -> Update:
        """An inline query (`@bot query` typed in any chat)."""
        inline_query = {"id": str(next(self._ids)), "from": user(user_id), "query": query}
        return self.update(inline_query={**inline_query, "offset": ""})

    def update(self, **content: Any) -> Update:
        return Update.de_json({"update_id": next(self._ids), **content}, self._bot)


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """label -> callback data of a sent message's keyboard."""
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


def with_keyboard(message: dict[str, Any], *datas: str) -> dict[str, Any]:
    """The message as a forger would present it: with buttons carrying any payload."""
    keyboard = {"inline_keyboard": [[{"text": "x", "callback_data": d} for d in datas]]}
    return {**message, "reply_markup": keyboard}


def api(app: BotApplication) -> OfflineBotApi:
    request = app.bot.request
    assert isinstance(request, OfflineBotApi)
    return request


def rows(store: SqliteStore, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(store.path) as raw:
        return raw.execute(sql).fetchall()


@asynccontextmanager
async def bot_on(
    store: Any,
    library: Library,
    *,
    admins: frozenset[int] = frozenset({ADMIN}),
    request_class: type[OfflineBotApi] = OfflineBotApi,
    **options: Any,
) -> AsyncIterator[BotApplication]:
    """The product's application on an offline API, for a test that needs its own options
    (a store of its own, other admins, a typing delay, a request class that refuses more)."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=TOKEN,
        admin_ids=admins,
        rate_limiter=False,
    )
    service = ChatService(store, lambda: library, DialogueConfig(page_size=80))
    application = build(telegram_config(settings), service, request_class=request_class, **options)
    async with application:
        yield application
    assert api(application).unexpected == []
