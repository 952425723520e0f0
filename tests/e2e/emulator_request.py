"""Test only: PTB's HTTPXRequest with the Bot API emulator's responses put into Bot API shape.

telegram-test-api 4.2.1 answers in ways that make python-telegram-bot 22 raise before any
handler runs (see ../shared/telegram-emulator/README.md, copied in spirit here). This class
rewrites *responses* only; requests go out exactly as the product sends them, so the bot's
request layer, polling loop, keyboards and callback data are exercised for real.

What it smooths, each seen against the emulator:
  * getMe has no ``is_bot``                       -> PTB TypeError in Bot.initialize()
  * sent messages carry ``date`` in milliseconds  -> PTB "year 58863 is out of range"
  * callback queries have no ``chat_instance``    -> the update fails to parse and is lost
  * sent messages have no ``from`` and always ``chat.type == "private"``, even in groups
  * editMessage*, answerCallbackQuery, deleteMessage, setWebhook return ``result: null``
    -> ``true``
  * the client's ``botToken`` is copied into every update's message -> removed

Methods the emulator does not implement (setMyCommands ...) are left failing on purpose: the
bot must survive a Bot API server that refuses them.

The bot loads this class only through tests/e2e/run_bot_under_emulator.py; nothing in the
product knows it exists. It refuses to talk to the real Telegram.
"""

from __future__ import annotations

import json
from typing import Any

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import HTTPXRequest, RequestData

EMULATOR_BOT = {
    "id": 666,
    "is_bot": True,
    "first_name": "Test First name",
    "username": "TestNameBot",
}
"""The emulator's fixed identity, whatever the token."""
NULL_MEANS_TRUE = frozenset(
    {
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "deleteMessage",
        "setWebhook",
    }
)
REAL_TELEGRAM = "api.telegram.org"


class EmulatorRequest(HTTPXRequest):
    """HTTPXRequest whose responses from telegram-test-api are rewritten into Bot API shape."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if REAL_TELEGRAM in url:
            raise RuntimeError("EmulatorRequest is for the Bot API emulator, never for Telegram")
        code, payload = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        return fix_response(url.rstrip("/").rsplit("/", 1)[-1], code, payload)


def fix_response(api_method: str, code: int, payload: bytes) -> tuple[int, bytes]:
    """One emulator response in Bot API shape (unchanged when nothing needs fixing)."""
    if not 200 <= code <= 299:
        return code, payload
    try:
        data = json.loads(payload)
    except ValueError:
        return code, payload
    if not isinstance(data, dict) or not data.get("ok"):
        return code, payload
    result = data.get("result")
    if api_method == "getMe" and isinstance(result, dict):
        result.setdefault("is_bot", True)
    elif api_method == "getUpdates" and isinstance(result, list):
        for update in result:
            fix_update(update)
    elif result is None and api_method in NULL_MEANS_TRUE:
        data["result"] = True
    elif isinstance(result, dict) and "message_id" in result:
        _fix_message(result, sent_by_bot=True)
    else:
        return code, payload
    return code, json.dumps(data, ensure_ascii=False).encode()


def fix_update(update: Any) -> None:
    """Fill in what the emulator leaves out of an update (in place)."""
    if not isinstance(update, dict):
        return
    _fix_message(update.get("message"))
    query = update.get("callback_query")
    if isinstance(query, dict):
        message = query.get("message") or {}
        query.setdefault("chat_instance", f"emulator-{(message.get('chat') or {}).get('id', 0)}")
        _fix_message(message)


def _fix_message(message: Any, *, sent_by_bot: bool = False) -> None:
    if not isinstance(message, dict):
        return
    message.pop("botToken", None)
    date = message.get("date")
    if isinstance(date, int | float) and date > 10**11:  # milliseconds
        message["date"] = int(date // 1000)
    chat = message.get("chat")
    if isinstance(chat, dict) and int(chat.get("id", 0)) < 0 and chat.get("type") == "private":
        chat["type"] = "supergroup" if str(chat["id"]).startswith("-100") else "group"
        chat.pop("first_name", None)
    if sent_by_bot:
        message.setdefault("from", dict(EMULATOR_BOT))
    _fix_message(message.get("reply_to_message"))
