#!/usr/bin/env bash
# Set up (first time) and run every check: lint, types, knowledge validation and accuracy,
# Dockerfile lint, and the whole test suite (unit, adapters, end-to-end against the emulator).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
py=.venv/bin/python
echo "== ruff";            $py -m ruff check bot tests bench
echo "== mypy";            $py -m mypy
echo "== kb check";        $py -m bot kb check
echo "== kb test";         $py -m bot kb test tests/cases/kb_cases.yaml --min-accuracy 0.95
echo "== kb test (blind)"; $py -m bot kb test tests/cases/blind_cases.yaml --min-accuracy 0.96
echo "== kb test (fresh)"; $py -m bot kb test tests/cases/fresh_cases.yaml --min-accuracy 0.91
echo "== kb test (colloquial)"; $py -m bot kb test tests/cases/colloquial_cases.yaml --min-accuracy 0.65
echo "== kb test (third)"; $py -m bot kb test tests/cases/third_cases.yaml --min-accuracy 0.94
echo "== kb test (fourth)"; $py -m bot kb test tests/cases/fourth_cases.yaml --min-accuracy 0.88
echo "== kb test (fifth)"; $py -m bot kb test tests/cases/fifth_cases.yaml --min-accuracy 0.88
echo "== kb test (sixth)"; $py -m bot kb test tests/cases/sixth_cases.yaml --min-accuracy 0.89
echo "== kb test (seventh)"; $py -m bot kb test tests/cases/seventh_cases.yaml --min-accuracy 0.88
echo "== kb test (eighth)"; $py -m bot kb test tests/cases/eighth_cases.yaml --min-accuracy 0.90
# Held out: measured, never fitted on (see their headers); the floors only guard against regressions.
echo "== kb test (held out)"; $py -m bot kb test tests/heldout/second_fresh_cases.yaml --min-accuracy 0.89
echo "== kb test (held out, third)"; $py -m bot kb test tests/heldout/third_heldout_cases.yaml --min-accuracy 0.89
echo "== kb test (held out, fourth)"; $py -m bot kb test tests/heldout/fourth_heldout_cases.yaml --min-accuracy 0.92
# The development set written by someone who never saw the knowledge (../shared/eval, beside
# the project in CI). Its floor only rises: raise it as the matching improves.
dev=../shared/eval/dev_questions.yaml
if [ -f "$dev" ]; then echo "== kb test (dev set)"; $py -m bot kb test "$dev" --min-accuracy 0.96
else echo "== kb test (dev set): $dev not found, skipped"; fi
if [ -f Dockerfile ]; then echo "== hadolint"; .venv/bin/hadolint Dockerfile; fi
echo "== pytest";          $py -m pytest "$@"
