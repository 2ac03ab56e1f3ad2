#!/usr/bin/env bash
# The main job on the embedded default: bundled sample articles -> events in a local
# DuckDB file (newsevents.duckdb) -> a readable summary. Extra arguments go to
# `newsevents demo` (for example --db other.duckdb).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/newsevents demo "$@"
