#!/usr/bin/env bash
# The whole test suite, from a clean clone: set up .venv with the test extras, lint, test.
# Extra arguments go to pytest (for example -k store or -m "not model").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
# The dashboard test drives Debian's chromium through Playwright (which never downloads a
# browser of its own); install it where we can, say so where we cannot.
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing Debian's chromium for the dashboard test…" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "note: /usr/bin/chromium is missing and cannot be installed here (needs root" \
             "and apt-get); tests/test_dashboard.py will be skipped." \
             "Install it with: sudo apt-get install chromium" >&2
    fi
fi
.venv/bin/ruff check src tests
exec .venv/bin/python -m pytest "$@"
