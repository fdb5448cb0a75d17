#!/usr/bin/env bash
# Set up (first time) and run the whole test suite offscreen.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh tests || exit $?
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "run-tests: pytest collected no tests; that is a failure here." >&2
  exit 1
fi
exit "$status"
