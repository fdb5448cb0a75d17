#!/usr/bin/env bash
# Set up (first time) and open policyeditor on its demo library.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec .venv/bin/policyeditor gui --demo "$@"
