#!/usr/bin/env bash
# Refresh the English source of the user-visible strings (every tr() in gui/) that
# translators start from: policyeditor/resources/translations/policyeditor_en.ts. A translation
# is a copy named policyeditor_<lang>.ts, compiled with pyside6-lrelease to .qm;
# gui/app.py loads the .qm for the user's language.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
.venv/bin/pyside6-lupdate $(find policyeditor/gui -name '*.py' | sort) \
  -source-language en -no-obsolete -ts policyeditor/resources/translations/policyeditor_en.ts
