#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine, then run lint and the whole test suite.
#   bash scripts/test.sh            # everything
#   bash scripts/test.sh -k export  # extra arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium; a browser is never downloaded at run time.
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium >/dev/null
fi
# The deployment tests (tests/test_deploy.py) put Debian's nginx in front of the page.
if [ ! -x /usr/sbin/nginx ]; then
  echo "== installing Debian's nginx"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q nginx >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
echo "== installing Python packages"
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt -e .

# axe-core, the accessibility engine tests/test_a11y.py injects into the pages (package-lock.json).
if ! command -v npm >/dev/null; then
  echo "== installing Debian's npm"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q npm >/dev/null
fi
echo "== installing npm packages"
npm ci --no-audit --no-fund --loglevel=error >/dev/null

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "== validate the shipped data"
.venv/bin/python -m timeline validate

echo "== pytest"
.venv/bin/python -m pytest "$@"

if [ $# -eq 0 ]; then
  echo "== load test (25 concurrent browser sessions)"
  .venv/bin/python -m pytest -m load -s tests/test_load.py
fi
