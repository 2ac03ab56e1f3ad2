"""Peak resident memory of this process and all its descendants, sampled.

``getrusage`` reports the peak of this process and the largest peak of any one finished
child, never what a job with worker processes holds at once. The memory bound that
matters (the whole job, workers included, at its worst moment) needs the resident sizes
of the process tree summed at the same instant: a daemon thread reads them from
``/proc`` a few times per second. Linux only; elsewhere the peak stays 0.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_PROC = Path("/proc")
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class TreeMemorySampler:
    """Use as a context manager; :attr:`peak_mb` is the highest summed RSS seen since the
    sampler started or was last :meth:`reset`."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def reset(self) -> None:
        """Start a new peak, from the tree's size now."""
        self.peak_mb = tree_rss_mb()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_mb = max(self.peak_mb, tree_rss_mb())


def tree_rss_mb(root: int | None = None) -> float:
    """Summed resident size in MB of process ``root`` (this one by default) and every
    process descended from it, now."""
    root = os.getpid() if root is None else root
    children: dict[int, list[int]] = {}
    for entry in _PROC.iterdir() if _PROC.is_dir() else ():
        if entry.name.isdigit():
            parent = _parent_of(entry)
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_bytes(pid)
        stack.extend(children.get(pid, ()))
    return total / 2**20


def _parent_of(entry: Path) -> int | None:
    try:
        stat = (entry / "stat").read_text()
    except OSError:  # the process ended meanwhile
        return None
    # "pid (command) state ppid ...": the command may hold spaces and parentheses
    fields = stat[stat.rfind(")") + 2:].split()
    return int(fields[1]) if len(fields) > 1 else None


def _rss_bytes(pid: int) -> int:
    try:
        return int((_PROC / str(pid) / "statm").read_text().split()[1]) * _PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0
