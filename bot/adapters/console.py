"""The local chat: the same conversation as on Telegram, in a terminal or over JSON lines."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from bot.core.dialogue import Action, Button, Reply
from bot.service import ChatService, Outcome, Turn

LOCAL_USER = 1
HELP = """在下面输入问题，例如“什么是大模型？”。回答较长时输入“继续”看下一段。
按钮以 [1] [2] … 显示，输入方括号里的编号就等于点按钮。
/help 显示这段说明   /reset 换个话题   /quit 退出"""


def render_buttons(reply: Reply) -> str:
    """The reply's buttons as one line of numbered labels."""
    return "  ".join(f"[{i}] {b.label}" for i, b in enumerate(reply.buttons, start=1))


def reply_json(chat: str, outcome: Outcome) -> dict[str, Any]:
    """The JSON line that `chat --json` prints for a reply."""
    reply = outcome.reply
    return {
        "chat": chat,
        "text": reply.text,
        "matched": reply.matched,
        "entry_id": reply.entry_id,
        "has_more": reply.has_more,
        "buttons": [b.label for b in reply.buttons],
    }


class ConsoleChat:
    """Turns lines of input into turns of the service and prints the replies."""

    def __init__(self, service: ChatService, *, chat_id: int) -> None:
        self._service = service
        self._chat_id = chat_id
        self._last: Outcome | None = None

    async def interactive(self, read: Any = input, out: TextIO = sys.stdout) -> None:
        """A prompt loop with line editing (readline) until /quit or end of input."""
        with contextlib.suppress(ImportError):  # line editing where the platform has it
            import readline  # noqa: F401
        print("AI概念问答 · 本地对话（输入 /help 查看用法）", file=out)
        while True:
            try:
                line = read("你> ")
            except (EOFError, KeyboardInterrupt):
                print(file=out)
                return
            line = line.strip()
            if not line:
                continue
            if line in ("/quit", "/exit", "/q"):
                return
            if line in ("/help", "/start"):
                print(HELP, file=out)
                continue
            if line == "/reset":
                line = "换个话题"
            button = self._button(line)
            if button is not None:
                self._show(await self._press(button), out)
            else:
                self._show(await self._service.handle(Turn(self._chat_id, LOCAL_USER, line)), out)

    async def json_lines(self, lines: Iterable[str], out: TextIO = sys.stdout) -> None:
        """One JSON reply per input line: plain text, or {"chat", "user", "text"}."""
        for raw in lines:
            line = raw.rstrip("\n")
            chat, user, text = str(self._chat_id), str(LOCAL_USER), line
            if line.lstrip().startswith("{"):
                try:
                    data = json.loads(line)
                except json.JSONDecodeError:
                    data = None
                if isinstance(data, dict):
                    chat = str(data.get("chat", chat))
                    user = str(data.get("user", user))
                    text = str(data.get("text", ""))
            # As on Telegram, a negative chat id is a group: each member has their own context.
            turn = Turn(_as_id(chat), _as_id(user), text, is_group=chat.startswith("-"))
            outcome = await self._service.handle(turn)
            print(json.dumps(reply_json(chat, outcome), ensure_ascii=False), file=out, flush=True)

    def _button(self, line: str) -> Button | None:
        """A bare number right after a reply with buttons means pressing that button."""
        if self._last is None or not line.isdigit():
            return None
        buttons = self._last.reply.buttons
        return buttons[int(line) - 1] if 1 <= int(line) <= len(buttons) else None

    async def _press(self, button: Button) -> Outcome | None:
        assert self._last is not None
        turn = Turn(self._chat_id, LOCAL_USER, "")
        answer_id = self._last.answer_id
        if button.action is Action.CONTINUE:
            return await self._service.continue_answer(turn, answer_id)
        if button.action is Action.ASK and button.entry_id:
            return await self._service.pick(turn, answer_id, button.entry_id)
        value = 1 if button.action is Action.VOTE_UP else -1
        await self._service.vote(self._chat_id, LOCAL_USER, answer_id, value)
        return None

    def _show(self, outcome: Outcome | None, out: TextIO) -> None:
        if outcome is None:
            print("机器人> 收到，谢谢你的反馈！", file=out)
            return
        self._last = outcome
        print(f"机器人> {outcome.reply.text}", file=out)
        if outcome.reply.buttons:
            print(f"        {render_buttons(outcome.reply)}", file=out)


def _as_id(value: str) -> int:
    """Ids from JSON may be any string: numbers stay numbers, other names get a stable number."""
    try:
        return int(value)
    except ValueError:
        return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=6).digest(), "big")
