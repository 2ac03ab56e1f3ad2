"""Progress of a long run on stderr: a live bar on a terminal, a line every few seconds in a
log, nothing with ``--quiet``. Standard output stays free for ``--json``."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsevents.runner import RunSummary

_LINE_EVERY_SECONDS = 2.0


class RunProgress:
    """Use as a context manager; pass :meth:`update` to the runner as its callback."""

    def __init__(self, *, quiet: bool) -> None:
        self._console = Console(stderr=True)
        self._quiet = quiet
        self._last_line = 0.0
        self._bar: Progress | None = None
        self._task = None

    def __enter__(self) -> RunProgress:
        if not self._quiet and self._console.is_terminal:
            self._bar = Progress(
                SpinnerColumn(), TextColumn("{task.completed} documents"),
                BarColumn(bar_width=None, pulse_style="cyan"),
                TextColumn("{task.fields[rate]:.1f} docs/s · {task.fields[events]} events"),
                TimeElapsedColumn(), console=self._console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task("process", total=None, rate=0.0, events=0)
        return self

    def update(self, summary: RunSummary) -> None:
        if self._quiet:
            return
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=summary.documents,
                             rate=summary.documents_per_second, events=summary.events)
        elif summary.seconds - self._last_line >= _LINE_EVERY_SECONDS:
            self._last_line = summary.seconds
            self._console.print(f"… {summary.documents} documents, {summary.events} events, "
                                f"{summary.documents_per_second:.1f} docs/s", highlight=False)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
