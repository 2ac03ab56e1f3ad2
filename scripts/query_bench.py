#!/usr/bin/env python3
"""Query speed on a big synthetic store: /api/timeseries and /api/events as served.

Builds a store of --events synthetic events (default 10 million; a few minutes and about
7 GB of disk at that size) and times each benchmark query: the first (cold) run, then the
median and 95th percentile of --repeats runs, in milliseconds. The goal is under 200 ms.

    .venv/bin/python scripts/query_bench.py                         # 10M events
    .venv/bin/python scripts/query_bench.py --events 100000 --repeats 5
    .venv/bin/python scripts/query_bench.py --db big.duckdb --reuse --json

The store goes to $TMPDIR unless --db is given, and is deleted afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from newsevents.store.query_benchmark import LAYOUTS, run_query_benchmark

GOAL_MS = 200.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--layout", choices=LAYOUTS, default="arrival")
    parser.add_argument("--db", help="store file (default: a temporary file)")
    parser.add_argument("--reuse", action="store_true", help="time an existing --db")
    parser.add_argument("--keep", action="store_true", help="keep the store afterwards")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    path = Path(args.db or Path(tempfile.gettempdir()) / f"query-bench-{args.events}.duckdb")
    try:
        result = run_query_benchmark(path, args.events, layout=args.layout,
                                     repeats=args.repeats, reuse=args.reuse)
    finally:
        if not args.keep and not args.reuse:
            for leftover in (path, path.with_name(path.name + ".wal")):
                leftover.unlink(missing_ok=True)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
        return 0
    if result.store:
        store = result.store
        print(f"{store.events:,} events, {store.event_actors:,} event_actors rows, "
              f"{store.articles:,} articles, layout {store.layout}: built in "
              f"{store.seconds:.0f} s, {store.megabytes:,.0f} MB")
    print(f"{'query':48} {'first':>9} {'median':>9} {'p95':>9}  (ms)")
    for timing in result.timings:
        flag = "" if timing.p95_ms < GOAL_MS else "  over goal"
        print(f"{timing.name:48} {timing.first_ms:9.1f} {timing.median_ms:9.1f} "
              f"{timing.p95_ms:9.1f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
