#!/usr/bin/env bash
# Create .venv (if missing) and install newsevents into it, with optional extras.
# Usage: scripts/bootstrap.sh [EXTRAS]    e.g. scripts/bootstrap.sh test
# Re-running is cheap: the install is skipped while pyproject.toml is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
fi
spec="."
[ -n "$extras" ] && spec=".[$extras]"
stamp=".venv/.newsevents-installed-${extras:-base}"
digest="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "installing newsevents${extras:+[$extras]} into .venv (first run takes about a minute)…" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
    echo "$digest" > "$stamp"
fi
