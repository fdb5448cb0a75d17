#!/usr/bin/env bash
# Installs what policyeditor needs on a fresh Debian/Ubuntu machine (as root, or
# with sudo), into a virtual environment at .venv. Safe to run again: it only
# installs what is missing.
#
#   bash scripts/setup.sh app     what the application needs to run (scripts/run-app.sh):
#                                 git, Python's venv, the libraries Qt loads (also
#                                 offscreen), fonts; .venv with policyeditor and the
#                                 Python packages of pyproject.toml's dependencies.
#   bash scripts/setup.sh tests   the above, plus the test tools (scripts/run-tests.sh,
#                                 .ci/run): poppler (pdftotext/pdftoppm), LibreOffice
#                                 Writer (opens the DOCX exports), Xvfb, Chromium and
#                                 Node/npm with axe-core (the notice site's accessibility
#                                 check), a C compiler and Python's headers (the
#                                 redline engine compiled with mypyc), desktop-file-utils
#                                 and appstream (the .deb's desktop entry and metainfo),
#                                 and the extras test, speedups and packaging (pytest,
#                                 PyInstaller...).
# Without an argument: tests (everything).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-tests}
case "$MODE" in app|tests) ;; *) echo "setup: say 'app' or 'tests'." >&2; exit 2 ;; esac

APP_PACKAGES=(
  git ca-certificates python3 python3-venv
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1
  fonts-dejavu-core fonts-liberation
)
TEST_PACKAGES=(
  python3-pip
  poppler-utils xvfb xauth
  libreoffice-writer-nogui
  chromium nodejs
  gcc libc6-dev python3-dev
  desktop-file-utils appstream
)
PACKAGES=("${APP_PACKAGES[@]}")
EXTRAS=""
if [ "$MODE" = tests ]; then
  PACKAGES+=("${TEST_PACKAGES[@]}")
  EXTRAS="[test,speedups,packaging]"
fi

need=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
  done
fi
if ((${#need[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# One stamp per mode and pyproject.toml: the tests' install includes the app's.
stamp=.venv/.installed-$MODE-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$EXTRAS"
  rm -f .venv/.installed-"$MODE"-*; touch "$stamp"
  [ "$MODE" = tests ] && touch .venv/.installed-app-"${stamp##*-}"
fi
[ "$MODE" = app ] && exit 0

# axe-core (npm) for the notice site's accessibility test, run in headless Chromium.
# npm comes with some Node builds and is a separate Debian package otherwise.
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
if [ ! -f .venv/node_modules/axe-core/axe.min.js ]; then
  npm install --prefix .venv --no-audit --no-fund --silent axe-core@4
fi

# The redline engine compiled with mypyc (about 1.5x faster; the same code and
# results). Rebuilt only when its sources changed; without it the sources run.
if ! .venv/bin/python scripts/build_speedups.py --if-stale; then
  echo "setup: could not compile the redline engine; policyeditor runs it uncompiled (slower)." >&2
fi
