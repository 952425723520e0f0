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
# The report's layout test looks at the page in headless Chromium (with a CJK font). Install it
# where we can; elsewhere that one test says why it is skipped (and fails in CI).
if [ "${1:-}" = "--test" ] && ! command -v chromium >/dev/null && command -v apt-get >/dev/null \
    && [ "$(id -u)" = 0 ]; then
  echo "installing chromium for the report's layout test (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium fonts-wqy-microhei >/dev/null
fi
