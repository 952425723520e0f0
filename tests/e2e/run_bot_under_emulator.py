"""Test only: `python -m bot run`, with the emulator's request class injected.

Exactly what bot.cli.main() and bot.cli.run() do for `run` (settings from the environment,
logging, the token check, then bot.cli.serve_telegram: live knowledge, run_telegram), plus one
keyword: request_class, and the same fixes for updates that arrive by webhook. This keeps
the product free of any switch that loads test code; the emulator's quirks live in this folder.

usage: python tests/e2e/run_bot_under_emulator.py   (configured by BOT_* environment variables)
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from emulator_request import REAL_TELEGRAM, EmulatorRequest, fix_update
from telegram import Bot, Update

from bot.cli import EXIT_OK, EXIT_USAGE, serve_telegram
from bot.settings import Settings


def smooth_webhook_updates() -> None:
    """Webhook updates never pass through the request class: fix them as PTB parses them."""
    parse = Update.de_json

    def de_json(data: dict[str, Any] | None, bot: Bot | None = None) -> Update:
        fix_update(data)
        return parse(data, bot)

    Update.de_json = de_json  # type: ignore[method-assign,assignment]


def main() -> int:
    """Run the bot against the emulator named by BOT_API_BASE_URL."""
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    problem = settings.token_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    if REAL_TELEGRAM in settings.api_base_url:
        print("BOT_API_BASE_URL must point at the emulator, not Telegram", file=sys.stderr)
        return EXIT_USAGE
    smooth_webhook_updates()
    serve_telegram(settings, request_class=EmulatorRequest)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
