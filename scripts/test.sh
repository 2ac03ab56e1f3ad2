#!/usr/bin/env bash
# The whole test suite, from a clean clone: set up .venv with the test extras, lint, test.
# Extra arguments go to pytest (for example -k store or -m "not model").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
.venv/bin/ruff check src tests
exec .venv/bin/python -m pytest "$@"
