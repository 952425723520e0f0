"""The local chat: the same conversation as on Telegram, in a terminal or over JSON lines.

Everything a Telegram user can do has its console form: a button is pressed by its number
(or, over JSON, by a press object), 👎 asks for a comment and the next line is that comment,
/topics lists the topics and /reset forgets the context.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

from bot.core import phrases
from bot.core.dialogue import Action, Button, Reply
from bot.service import UNSAVED, ChatService, Outcome, Turn

LOCAL_USER = 1
HELP = """在下面输入问题，例如“什么是大模型？”。输入“继续”看下一段，讲完了会接着讲相关内容。
按钮以 [1] [2] … 显示，输入方括号里的编号就等于点按钮；点 👎 后下一行是你的意见（回车跳过）。
/topics 按主题浏览问题（输入编号打开）   /help 显示这段说明   /reset 换个话题   /quit 退出"""
PRESS_ACTIONS = {"up": Action.VOTE_UP, "down": Action.VOTE_DOWN, "continue": Action.CONTINUE}
"""`chat --json` press names; besides the browser's (below), any other press is the id of an
entry offered under the answer."""
BROWSER_ACTIONS = (Action.BROWSE, Action.READ)
"""Buttons of the topic browser, pressed under no answer: `topics`, `topic:<key>:<page>` and
`read:<entry-id>` in `chat --json`."""


def render_buttons(reply: Reply) -> str:
    """The reply's buttons as one line of numbered labels."""
    return "  ".join(f"[{i}] {b.label}" for i, b in enumerate(reply.buttons, start=1))


def press_name(button: Button) -> str:
    """How `chat --json` names pressing this button."""
    if button.action is Action.ASK and button.entry_id:
        return button.entry_id
    if button.action is Action.READ:
        return f"read:{button.entry_id}"
    if button.action is Action.BROWSE:
        return f"topic:{button.topic}:{button.page}" if button.topic else "topics"
    return next(name for name, action in PRESS_ACTIONS.items() if action is button.action)


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
        "presses": [press_name(b) for b in reply.buttons],
        "answer_id": outcome.answer_id,
        "kind": reply.kind.value,
    }


def notice_json(chat: str, text: str) -> dict[str, Any]:
    """The JSON line for what is not a reply from the dialogue (a vote, a comment, /topics)."""
    return {
        "chat": chat,
        "text": text,
        "matched": False,
        "entry_id": None,
        "has_more": False,
        "buttons": [],
        "presses": [],
        "answer_id": None,
        "kind": "notice",
    }


@dataclass(frozen=True, slots=True)
class Line:
    """One input line of `chat --json`: text, or a press of a button under an answer."""

    chat: str
    user: str
    text: str = ""
    press: str | None = None
    answer_id: int | None = None

    @classmethod
    def parse(cls, raw: str, *, chat: str, user: str) -> Line:
        """Plain text, {"chat", "user", "text"} or {"chat", "user", "press", "answer"}."""
        line = raw.rstrip("\n")
        data: object = None
        if line.lstrip().startswith("{"):
            with contextlib.suppress(json.JSONDecodeError):
                data = json.loads(line)
        if not isinstance(data, dict):
            return cls(chat, user, line)
        chat, user = str(data.get("chat", chat)), str(data.get("user", user))
        if "press" in data:
            answer = data.get("answer")
            answer_id = answer if isinstance(answer, int) and not isinstance(answer, bool) else 0
            return cls(chat, user, press=str(data["press"]), answer_id=answer_id)
        return cls(chat, user, str(data.get("text", "")))


class ConsoleChat:
    """Turns lines of input into turns of the service and prints the replies."""

    def __init__(self, service: ChatService, *, chat_id: int) -> None:
        self._service = service
        self._chat_id = chat_id
        self._last: Outcome | None = None
        # Whose next line is a comment on which answer (after their 👎), per chat and user.
        self._commenting: dict[tuple[int, int], int] = {}

    async def interactive(self, read: Any = input, out: TextIO = sys.stdout) -> None:
        """A prompt loop with line editing (readline) until /quit or end of input."""
        with contextlib.suppress(ImportError):  # line editing where the platform has it
            import readline  # noqa: F401
        print("AI概念问答 · 本地对话（输入 /help 查看用法）", file=out)
        while True:
            try:
                line = read("你> ").strip()
            except (EOFError, KeyboardInterrupt):
                print(file=out)
                return
            if line in ("/quit", "/exit", "/q"):
                return
            shown = await self._local_line(line)
            if shown is not None:
                print(f"机器人> {shown}", file=out)

    async def json_lines(self, lines: Iterable[str], out: TextIO = sys.stdout) -> None:
        """One JSON line per input line: the reply, or a notice for a vote or a comment."""
        for raw in lines:
            line = Line.parse(raw, chat=str(self._chat_id), user=str(LOCAL_USER))
            # As on Telegram, a negative chat id is a group: each member has their own context.
            turn = Turn(
                _as_id(line.chat), _as_id(line.user), "", is_group=line.chat.startswith("-")
            )
            browsing = browser_button(line.press) if line.press is not None else None
            if browsing is not None:
                result = await self._browse(turn, browsing)
            elif line.press is not None:
                action = PRESS_ACTIONS.get(line.press, Action.ASK)
                entry_id = line.press if action is Action.ASK else None
                result = await self._press(turn, line.answer_id or 0, action, entry_id)
            else:
                result = await self._text(turn, line.text)
            if isinstance(result, Outcome):
                data = reply_json(line.chat, result)
            else:
                data = notice_json(line.chat, result)
            print(json.dumps(data, ensure_ascii=False), file=out, flush=True)

    async def _local_line(self, line: str) -> str | None:
        """What the interactive console shows for a line (None for an empty line)."""
        turn = Turn(self._chat_id, LOCAL_USER, "")
        commenting = (turn.chat_id, turn.user_id) in self._commenting
        if not line and not commenting:
            return None
        if line in ("/help", "/start"):
            return HELP
        button = None if commenting else self._button(line)
        if button is not None and button.action in BROWSER_ACTIONS:
            result = await self._browse(turn, button)
        elif button is not None and self._last is not None:
            answer_id = self._last.answer_id
            result = await self._press(turn, answer_id, button.action, button.entry_id)
        else:
            result = await self._text(turn, line)
        if not isinstance(result, Outcome):
            return result
        self._last = result
        if not result.reply.buttons:
            return result.reply.text
        return f"{result.reply.text}\n        {render_buttons(result.reply)}"

    async def _text(self, turn: Turn, text: str) -> Outcome | str:
        """A message: the comment a 👎 asked for, /topics, or a turn of the conversation."""
        answer_id = self._commenting.pop((turn.chat_id, turn.user_id), None)
        if answer_id is not None:
            stored = (
                await self._service.comment(turn.chat_id, turn.user_id, answer_id, text)
                if text.strip()
                else None
            )
            return phrases.COMMENT_THANKS if stored is not None else phrases.COMMENT_SKIPPED
        if text.strip() == "/topics":
            return await self._browse(turn, Button("", Action.BROWSE))
        if text.strip() == "/reset":
            return await self._service.reset(Turn(turn.chat_id, turn.user_id, text, turn.is_group))
        return await self._service.handle(Turn(turn.chat_id, turn.user_id, text, turn.is_group))

    async def _press(
        self, turn: Turn, answer_id: int, action: Action, entry_id: str | None
    ) -> Outcome | str:
        """A button pressed: the new reply, or the vote's notice (after a 👎, the request for a
        comment, which the next line of this user answers)."""
        pressed = await self._service.press(turn, answer_id, action, entry_id)
        if pressed.outcome is not None:
            return pressed.outcome
        if pressed.ask_comment:
            # No message ids here: the answer id stands in for the prompt's message id.
            await self._service.comment_prompt_sent(answer_id, turn.user_id, answer_id)
            self._commenting[(turn.chat_id, turn.user_id)] = answer_id
            return phrases.COMMENT_PROMPT_NEXT_LINE
        return pressed.vote_notice() if pressed.vote is not None else phrases.BUTTON_EXPIRED

    async def _browse(self, turn: Turn, button: Button) -> Outcome | str:
        """A press in the topic browser: the next view (under no answer) or an answer."""
        result = await self._service.browse_press(
            turn, button.action, topic=button.topic, page=button.page, entry_id=button.entry_id
        )
        if result is None:
            return phrases.BUTTON_EXPIRED
        return result if isinstance(result, Outcome) else Outcome(result, UNSAVED)

    def _button(self, line: str) -> Button | None:
        """A bare number right after a reply with buttons means pressing that button."""
        if self._last is None or not line.isdigit():
            return None
        buttons = self._last.reply.buttons
        return buttons[int(line) - 1] if 1 <= int(line) <= len(buttons) else None


def browser_button(press: str) -> Button | None:
    """The browser button a `chat --json` press names (see press_name), or None."""
    kind, _, rest = press.partition(":")
    if press == "topics":
        return Button("", Action.BROWSE)
    if kind == "read" and rest:
        return Button("", Action.READ, rest)
    topic, _, page = rest.partition(":")
    if kind == "topic" and topic and page.isdigit():
        return Button("", Action.BROWSE, topic=topic, page=int(page))
    return None


def _as_id(value: str) -> int:
    """Ids from JSON may be any string: numbers stay numbers, other names get a stable number."""
    try:
        return int(value)
    except ValueError:
        return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=6).digest(), "big")
