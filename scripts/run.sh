#!/usr/bin/env bash
# Set up (first time) and run the bot: the Telegram bot when BOT_TELEGRAM_TOKEN is set
# (in .env or the environment), otherwise the local chat in this terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m bot "$@"
