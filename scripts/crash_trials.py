#!/usr/bin/env python
"""Kill ``newsevents process`` with SIGKILL at random moments, re-run it, check the store.

A reference run processes a corpus (the bundled samples, copies of them with shifted
publication dates so that they hash differently, and a few bad lines) without
interruption. Then trials start the same command on a trial store and SIGKILL it after a
random delay between 0 and the reference run's duration, so kills land while the store is
created and migrated, while the model loads, and between and during batch writes. After
every kill the store must open and be consistent (no duplicate ids, no event without its
article, no article missing some of its events, migrations all-or-nothing); the next run
resumes on the same store. When a run is not killed (it finished first) its store must
hold exactly the reference's document, event and error ids, and a fresh store starts.

    .venv/bin/python scripts/crash_trials.py --trials 50 --seed 7
    .venv/bin/python scripts/crash_trials.py --trials 8 --json   # what CI runs

Exit status 0 when every check held, 1 otherwise; the report gives documents in,
processed, failed, lost (must be 0) and kill trials survived.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from newsevents.samples import sample_path

# The `newsevents` console script's entry point, run with this interpreter.
_CLI = [sys.executable, "-c", "from newsevents.cli import main; main()"]
_CHILD_ENV = {**os.environ, "PYTHONFAULTHANDLER": "1"}
_BAD_LINES = [
    '{"id": "truncated", "text": "Talks were cut off mid-',
    json.dumps({"id": "empty", "text": "   "}),
    json.dumps({"id": "spanish", "published": "2019-03-01", "text": " ".join(
        ["Los ministros de Chile y Perú se reunieron en Lima para hablar del comercio y "
         "de la frontera marítima, según informó la cancillería."] * 4)}),
]


@dataclass
class StoreState:
    """What a store holds, by content-hash id."""

    documents: set[str]
    events: set[str]
    errors: set[str]


@dataclass
class Report:
    trials: int
    seed: int
    documents: int = 0
    processed: int = 0
    failed: int = 0
    events: int = 0
    lost: int = 0
    kills: int = 0
    survived: int = 0
    completed_runs: int = 0
    verified_stores: int = 0
    stored_at_kill: list[int] = field(default_factory=list)  # articles in the store
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def build_corpus(folder: Path, variants: int) -> Path:
    """The samples, ``variants`` date-shifted copies of each, then the bad lines."""
    samples = [json.loads(line) for line in sample_path().read_text("utf-8").splitlines()
               if line.strip()]
    lines = []
    for copy in range(variants + 1):
        for record in samples:
            shifted = dict(record)
            if copy:
                day = dt.date.fromisoformat(record["published"][:10])
                shifted["published"] = (day + dt.timedelta(days=7 * copy)).isoformat()
                shifted["raw_id"] = f"{record['raw_id']}-v{copy}"
            lines.append(json.dumps(shifted, ensure_ascii=False))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines + _BAD_LINES) + "\n", encoding="utf-8")
    return path


def command(corpus: Path, db: Path, batch_size: int) -> list[str]:
    return [*_CLI, "process", str(corpus), "--db", str(db), "--json", "--quiet",
            "--batch-size", str(batch_size)]


def run_to_end(args: list[str], timeout: float) -> tuple[int, dict[str, object]]:
    """Run to completion; a run that hangs is aborted with its Python stacks reported."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=_CHILD_ENV)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)  # faulthandler prints every thread's stack
        _, stderr = process.communicate()
        raise SystemExit(f"run hung for {timeout:.0f} s: {stderr[-4000:]}") from None
    try:
        return process.returncode, json.loads(stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"process failed ({process.returncode}): {stderr[-2000:]}") from None


def inspect(db: Path) -> tuple[StoreState | None, list[str]]:
    """Open the store as the next run would and check its invariants."""
    if not db.exists():
        return None, []
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        return None, [f"store does not open: {exc}"]
    try:
        tables = {row[0] for row in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if "articles" not in tables:
            return StoreState(set(), set(), set()), []
        problems = [message for message, sql in _INVARIANTS
                    if (row := con.execute(sql).fetchone()) and row[0]]
        state = StoreState(*({row[0] for row in con.execute(sql).fetchall()} for sql in (
            "SELECT doc_id FROM articles", "SELECT id FROM events", "SELECT id FROM errors")))
        return state, problems
    except duckdb.Error as exc:
        return None, [f"store cannot be read: {exc}"]
    finally:
        con.close()


_INVARIANTS = [
    ("duplicate article ids", "SELECT count(*) - count(DISTINCT doc_id) FROM articles"),
    ("duplicate event ids", "SELECT count(*) - count(DISTINCT id) FROM events"),
    ("events without their article",
     "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM articles)"),
    ("articles missing some of their events",
     "SELECT count(*) FROM articles a WHERE n_events <> "
     "(SELECT count(*) FROM events e WHERE e.doc_id = a.doc_id)"),
    ("event actors without their event",
     "SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)"),
    ("migrations not all-or-nothing",
     "SELECT count(*) = 0 FROM schema_migrations"),
]


def compare(state: StoreState | None, reference: StoreState) -> list[str]:
    if state is None:
        return ["finished run left no readable store"]
    problems = []
    for name in ("documents", "events", "errors"):
        got, want = getattr(state, name), getattr(reference, name)
        if got != want:
            problems.append(f"{name}: {len(want - got)} missing, {len(got - want)} extra")
    return problems


def trials(count: int, seed: int, variants: int, batch_size: int, workdir: Path) -> Report:
    """Run the reference and ``count`` kill trials; return the report."""
    rng = random.Random(seed)
    report = Report(trials=count, seed=seed)
    started = time.monotonic()
    corpus = build_corpus(workdir, variants)
    reference_db = workdir / "reference.duckdb"
    clock = time.monotonic()
    reference_code, summary = run_to_end(command(corpus, reference_db, batch_size), 900)
    duration = time.monotonic() - clock
    reference, problems = inspect(reference_db)
    if reference is None or problems:
        raise SystemExit(f"the reference run is itself broken: {problems}")
    report.documents = int(summary["documents"])  # type: ignore[call-overload]
    report.processed = int(summary["processed"])  # type: ignore[call-overload]
    report.failed = int(summary["failed"])  # type: ignore[call-overload]
    report.events = len(reference.events)
    chain = 0
    while report.kills < count:
        db = workdir / f"trial-{chain}.duckdb"
        process = subprocess.Popen(command(corpus, db, batch_size), env=_CHILD_ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            code = process.wait(timeout=rng.uniform(0, duration))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            report.kills += 1
            state, problems = inspect(db)
            report.stored_at_kill.append(len(state.documents) if state else 0)
            report.problems += [f"kill {report.kills}: {p}" for p in problems]
            report.survived += not problems
            continue
        report.completed_runs += 1
        if code != reference_code:
            report.problems.append(f"chain {chain}: exit code {code}, reference "
                                   f"{reference_code}")
        report.problems += _verify(db, reference, report, chain)
        chain += 1
    # Finish the chain the last kill interrupted.
    db = workdir / f"trial-{chain}.duckdb"
    code, summary = run_to_end(command(corpus, db, batch_size), 10 * duration + 60)
    report.completed_runs += 1
    if code != reference_code:
        report.problems.append(f"resumed run exit code {code}, reference {reference_code}")
    if summary["documents"] != report.documents:
        report.problems.append(f"resumed run counted {summary['documents']} documents, "
                               f"reference {report.documents}")
    report.problems += _verify(db, reference, report, chain)
    report.seconds = round(time.monotonic() - started, 1)
    return report


def _verify(db: Path, reference: StoreState, report: Report, chain: int) -> list[str]:
    state, problems = inspect(db)
    problems += compare(state, reference)
    if state is not None:
        report.lost += (len(reference.documents - state.documents)
                        + len(reference.errors - state.errors))
    report.verified_stores += 1
    return [f"chain {chain}: {p}" for p in problems]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=30, help="SIGKILLs to deliver")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--variants", type=int, default=1,
                        help="date-shifted copies of the samples (default 1)")
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("--workdir", type=Path, help="keep stores here (default: temp)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    with tempfile.TemporaryDirectory(prefix="crash-trials-") as temporary:
        workdir = args.workdir or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        report = trials(args.trials, seed, args.variants, args.batch_size, workdir)
    if args.json:
        print(json.dumps(asdict(report)))
    else:
        print(f"{report.kills} kills, {report.survived} survived, {report.completed_runs} "
              f"completed runs ({report.verified_stores} stores verified); documents in "
              f"{report.documents}: processed {report.processed}, failed {report.failed}, "
              f"lost {report.lost}; {report.events} events; seed {seed}; "
              f"{report.seconds} s; documents stored at each kill: {report.stored_at_kill}")
        for problem in report.problems:
            print(f"PROBLEM {problem}")
    sys.exit(1 if report.problems or report.lost else 0)


if __name__ == "__main__":
    main()
