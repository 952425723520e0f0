#!/usr/bin/env bash
# Create .venv and install the project (and, with --test, the test tools and the Bot API emulator).
# Idempotent: a second run only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed
want=$(cat pyproject.toml package.json | sha256sum | cut -c1-16)"${1:-}"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  if [ "${1:-}" = "--test" ]; then
    .venv/bin/python -m pip install --quiet -e ".[test]"
  else
    .venv/bin/python -m pip install --quiet -e .
  fi
  # jieba builds its dictionary cache on first use (about a second): build it now, not at start.
  .venv/bin/python -c "from bot.core.text import Analyzer; Analyzer()"
  echo "$want" > "$stamp"
fi
if [ "${1:-}" = "--test" ] && [ ! -d node_modules/telegram-test-api ]; then
  npm install --silent --no-audit --no-fund
fi
